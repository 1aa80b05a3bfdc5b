package id.rekber.cpt;

import io.camunda.client.annotation.Deployment;

/**
 * The smallest Spring context for the process tests: no database, no workers, no web; it only deploys
 * the application's models, all in one deployment as {@code ModelDeployer} does (the call activities and
 * forms are bound per deployment), unconverted: on a real cluster the user tasks are Camunda user tasks.
 * The Camunda client comes from Camunda Process Test and is new for every test, so the models are
 * deployed again for every test, after the runtime was purged.
 *
 * <p>Deliberately not a {@code @Configuration}: the full-stack tests scan {@code id.rekber}, and there
 * this deployment would replace the single-node application's converted models (its user tasks would
 * then be Camunda user tasks, which the embedded engine's inbox never sees). {@code @CptTest} names it.
 */
@Deployment(resources = {"classpath*:/models/processes/*.bpmn", "classpath*:/models/processes/*.dmn",
    "classpath*:/models/forms/*.form"})
public class CptApplication {}
