package id.rekber.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on real components: embedded Zeebe engine, PostgreSQL 17 and GreenMail,
 * HTTP on a random port. All test classes share one application context (and so one database).
 * Tagged {@code full-stack}: these run in failsafe during {@code mvn verify}, not in {@code mvn test}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "rekber.test.run-id=run-${random.uuid}")
@ActiveProfiles("test")
@Tag("full-stack")
public @interface IntegrationTest {}
