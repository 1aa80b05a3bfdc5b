package id.rekber.studio;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.platform.ModelDeployer;
import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;
import id.rekber.platform.Refusal;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;

/**
 * Drafts, checks and the four-eyes approval. Submitting starts {@code studio-approval}; the admin's
 * decision is recorded here (never by the author) and completes the review task; the process then
 * deploys ({@code studio-deploy}) or rejects ({@code studio-reject}).
 */
@Component
public class Studio {
  @ModelReference(Kind.PROCESS)
  static final String APPROVAL_PROCESS = "studio-approval";

  private final Drafts drafts;
  private final StudioVersions versions;
  private final ModelChecks checks;
  private final ModelDeployer deployer;
  private final CamundaClient client;
  private final AuditTrail audit;
  private final Clock clock;

  @SuppressWarnings("java:S107")
  Studio(Drafts drafts, StudioVersions versions, ModelChecks checks, ModelDeployer deployer, CamundaClient client, AuditTrail audit,
      Clock clock) {
    this.drafts = drafts;
    this.versions = versions;
    this.checks = checks;
    this.deployer = deployer;
    this.client = client;
    this.audit = audit;
    this.clock = clock;
  }

  long create(String resourceName, String content, Long baseKey, String author, String comment) {
    // Only files that exist: a new file comes with a release (the start-up deployment reads the shipped files).
    if (ModelKind.of(resourceName).isEmpty() || content == null || content.isBlank() || !currentModels().containsKey(resourceName)) {
      throw Refusal.invalid("studio.invalid-draft");
    }
    long id = drafts.create(resourceName, content, baseKey, author, comment, clock.instant());
    trail(author, "studio.draft.created", id, resourceName + (comment == null ? "" : ": " + comment));
    return id;
  }

  Draft draft(long id) {
    return drafts.find(id).orElseThrow(() -> Refusal.notFound("studio.draft-not-found"));
  }

  List<Draft> openDrafts() {
    return drafts.open();
  }

  void update(long id, String content, String comment, String user) {
    Draft draft = draft(id);
    if (!draft.author().equals(user) || content == null || content.isBlank() || !drafts.update(id, content, comment, clock.instant())) {
      throw Refusal.conflict("studio.draft-not-editable");
    }
  }

  void discard(long id, String user) {
    Draft draft = draft(id);
    if (!draft.author().equals(user) || !drafts.discard(id, clock.instant())) {
      throw Refusal.conflict("studio.draft-not-editable");
    }
    trail(user, "studio.draft.discarded", id, draft.resourceName());
  }

  List<Finding> check(Draft draft) {
    return checks.check(draft.resourceName(), draft.content(), currentModels());
  }

  /** The newest deployed content of every model file. */
  Map<String, String> currentModels() {
    Map<String, String> current = new TreeMap<>(versions.newestContents());
    for (String name : deployer.diskNames()) {
      current.computeIfAbsent(name, n -> deployer.diskContent(n).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""));
    }
    return current;
  }

  /** Submits a draft that passes every check; answers the findings (errors mean it was not submitted). */
  List<Finding> submit(long id, String reason, String user) {
    Draft draft = draft(id);
    if (!draft.author().equals(user) || !draft.editable()) {
      throw Refusal.conflict("studio.draft-not-editable");
    }
    if (reason == null || reason.isBlank()) {
      throw Refusal.invalid("studio.reason-required");
    }
    List<Finding> findings = check(draft);
    if (findings.stream().anyMatch(Finding::error)) {
      trail(user, "studio.draft.refused", id, findings.stream().filter(Finding::error).findFirst().map(Finding::message).orElse(""));
      return findings;
    }
    if (!drafts.submit(id, reason, clock.instant())) {
      throw Refusal.conflict("studio.draft-not-editable");
    }
    long instance = client.newCreateInstanceCommand().bpmnProcessId(APPROVAL_PROCESS).latestVersion()
        .variables(Map.of("draftId", id, "author", user, "resourceName", draft.resourceName(), "reason", reason))
        .send().join().getProcessInstanceKey();
    drafts.approvalStarted(id, instance);
    trail(user, "studio.draft.submitted", id, reason);
    return findings;
  }

  /**
   * Records an admin's decision on a submitted draft. The author never reviews their own draft
   * (refused here and by the table's check constraint).
   */
  void review(long id, String reviewer, boolean approve, String reason) {
    Draft draft = draft(id);
    if (draft.author().equals(reviewer)) {
      trail(reviewer, "studio.review.refused", id, "the author cannot review their own draft");
      throw Refusal.forbidden("studio.own-draft");
    }
    if (reason == null || reason.isBlank()) {
      throw Refusal.invalid("studio.reason-required");
    }
    if (!drafts.review(id, reviewer, approve, reason, clock.instant())) {
      throw Refusal.conflict("studio.draft-not-submitted");
    }
    trail(reviewer, approve ? "studio.draft.approved" : "studio.draft.rejected", id, reason);
  }

  /** {@code studio-deploy}: deploys an approved draft, stamping its version tag. Idempotent. */
  void deployApproved(long id) {
    Draft draft = draft(id);
    if (!Draft.SUBMITTED.equals(draft.status())) {
      return;
    }
    if (!Boolean.TRUE.equals(draft.approved()) || draft.reviewer() == null || draft.reviewer().equals(draft.author())) {
      drafts.rejected(id, clock.instant());
      trail("studio-approval", "studio.deploy.refused", id, "no approval by a second person recorded");
      return;
    }
    String content = withVersionTag(draft.content(), draft.resourceName(), "studio-" + id);
    DeploymentEvent event = deployer.deployApproved(draft.resourceName(), content.getBytes(StandardCharsets.UTF_8), draft.reviewer(), id);
    long key = event.getProcesses().stream().map(p -> p.getProcessDefinitionKey()).findFirst()
        .or(() -> event.getDecisions().stream().map(d -> d.getDecisionKey()).findFirst())
        .or(() -> event.getForm().stream().map(f -> f.getFormKey()).findFirst()).orElse(0L);
    drafts.deployed(id, key, clock.instant());
    trail(draft.reviewer(), "studio.deployed", id, draft.resourceName() + " as " + key);
  }

  void rejected(long id) {
    drafts.rejected(id, clock.instant());
    trail("studio-approval", "studio.draft.closed-rejected", id, draft(id).reviewReason());
  }

  /** Every deployed version gets its own tag: an approval stamps {@code studio-<draft>} into the model. */
  static String withVersionTag(String content, String resourceName, String tag) {
    if (resourceName.endsWith(".form")) {
      return content.matches("(?s).*\"versionTag\"\\s*:.*")
          ? content.replaceFirst("\"versionTag\"\\s*:\\s*\"[^\"]*\"", Matcher.quoteReplacement("\"versionTag\": \"" + tag + "\""))
          : content.replaceFirst("\\{", Matcher.quoteReplacement("{\n  \"versionTag\": \"" + tag + "\","));
    }
    return content.replaceAll("(<zeebe:versionTag\\s+value=\")[^\"]*(\")", "$1" + Matcher.quoteReplacement(tag) + "$2");
  }

  private void trail(String actor, String action, long draftId, String detail) {
    audit.record(new AuditEvent(null, actor, action, "studio-draft", Long.toString(draftId), "ALLOWED", null, null, detail));
  }
}
