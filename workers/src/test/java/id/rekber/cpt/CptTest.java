package id.rekber.cpt;

import io.camunda.process.test.api.CamundaSpringProcessTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Camunda Process Test class: skipped with a reason unless {@code REKBER_CPT_RUNTIME} names a runtime
 * that answers ({@link CptRuntimeCondition}, evaluated before Spring starts anything), then the models
 * deployed by {@link CptApplication} on that remote runtime (profile {@code cpt}). {@code rekber.mode=cluster}
 * keeps the single-node module's engine, PostgreSQL and Keycloak out of this context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CptRuntimeCondition.class)
@SpringBootTest(classes = CptApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "rekber.mode=cluster")
@ActiveProfiles("cpt")
@CamundaSpringProcessTest
public @interface CptTest {}
