package id.rekber.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on real components: embedded Zeebe engine, PostgreSQL 17 and GreenMail,
 * HTTP on a random port. Tagged {@code full-stack}: these run in failsafe during {@code mvn verify},
 * not in {@code mvn test}. All test classes share one application context: one database, one engine,
 * one clock. So each test must pass whatever ran before it:
 *
 * <ul>
 *   <li>Assert only on your own subjects: a deal, submission or dispute the test created, or a fresh
 *       member ({@code KycFixtures.newMember}). Never count rows by actor or action alone (audit
 *       rows, mails, tasks of demo users): scope them to your own object id, or compare before/after
 *       counts of your own subject.
 *   <li>The clock ({@code TimeMachine.advance}) only ever moves forward, for everyone. Deadlines are
 *       relative to the application clock when the deal or task was created, so never assume its
 *       absolute value or compare with the wall clock ({@code Instant.now()}): inject
 *       {@link java.time.Clock} and compare with {@code clock.instant()}. Moving time also fires
 *       other tests' timers; that is fine as long as you assert only on your own deals.
 *   <li>The engine fires timers asynchronously. Never assert "nothing happened yet" right after
 *       moving time: wait for a positive state the same timer pass must produce (for "not yet",
 *       start a second deal a little later and show it still takes an action only its open window
 *       allows, after the first deal's timer has visibly fired).
 *   <li>No {@code Thread.sleep}: await the condition (Awaitility, {@code WebDriverWait}). A race is
 *       tested by forcing each order (finish step A, then do B, and the reverse), not by timing.
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "rekber.test.run-id=run-${random.uuid}")
@ActiveProfiles("test")
@Tag("full-stack")
@ExtendWith(LedgerAuditAfterEachClass.class)
public @interface IntegrationTest {}
