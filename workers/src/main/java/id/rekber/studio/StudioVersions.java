package id.rekber.studio;

import id.rekber.platform.ModelJournal;
import io.camunda.client.api.response.DecisionRequirements;
import io.camunda.client.api.response.DeploymentEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Every deployed version of every model (table {@code studio_version}), and the reconcile rule
 * between the studio and the files on disk: the newest studio-approved version of a file replaces
 * the file at start-up as long as the file is still the one that was shipped when it was approved.
 * A file changed on disk since (a developer's release) wins and is deployed as usual.
 */
@Component
class StudioVersions implements ModelJournal {
  private static final Logger log = LoggerFactory.getLogger(StudioVersions.class);
  private static final Pattern VERSION_TAG = Pattern.compile("<zeebe:versionTag\\s+value=\"([^\"]*)\"");
  private static final Pattern FORM_VERSION_TAG = Pattern.compile("\"versionTag\"\\s*:\\s*\"([^\"]*)\"");
  private static final RowMapper<StudioVersion> ROW = (rs, i) -> new StudioVersion(rs.getLong("definition_key"),
      rs.getString("resource_name"), rs.getString("kind"), rs.getString("model_id"), rs.getInt("version"),
      rs.getString("version_tag"), rs.getString("deployed_by"), rs.getTimestamp("deployed_at").toInstant(),
      (Long) rs.getObject("draft_id"));
  private static final String COLUMNS =
      "definition_key, resource_name, kind, model_id, version, version_tag, deployed_by, deployed_at, draft_id";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  StudioVersions(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<byte[]> approvedReplacement(String resourceName, byte[] onDisk) {
    List<Map<String, Object>> newest = jdbc.queryForList(
        "SELECT content, disk_sha256, draft_id FROM studio_version WHERE resource_name = ? ORDER BY deployed_at DESC, version DESC LIMIT 1",
        resourceName);
    if (newest.isEmpty() || newest.get(0).get("draft_id") == null) {
      return Optional.empty();
    }
    if (!sha256(onDisk).equals(newest.get(0).get("disk_sha256"))) {
      log.warn("{} changed on disk since the studio approved draft {}: the file on disk is deployed", resourceName,
          newest.get(0).get("draft_id"));
      return Optional.empty();
    }
    return Optional.of(((String) newest.get(0).get("content")).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void deployed(String resourceName, byte[] content, DeploymentEvent event, String deployedBy, Long approvedDraft, byte[] onDisk) {
    String text = new String(content, StandardCharsets.UTF_8);
    Long draftId = approvedDraft;
    String disk = draftId == null || onDisk == null ? null : sha256(onDisk);
    if (draftId == null) {
      // Start-up deployed an approved version in place of the file (or an engine rebuilt from
      // scratch got it anew): it stays the approved one for the next start.
      List<Map<String, Object>> approved = jdbc.queryForList("""
          SELECT draft_id, disk_sha256 FROM studio_version WHERE resource_name = ? AND content = ? AND draft_id IS NOT NULL
          ORDER BY deployed_at DESC LIMIT 1
          """, resourceName, text);
      if (!approved.isEmpty()) {
        draftId = ((Number) approved.get(0).get("draft_id")).longValue();
        disk = (String) approved.get(0).get("disk_sha256");
      }
    }
    Timestamp now = Timestamp.from(clock.instant());
    record(resourceName, text, event, deployedBy, draftId, disk, now);
  }

  private void record(String resourceName, String text, DeploymentEvent event, String deployedBy, Long draftId, String disk,
      Timestamp now) {
    String tag = versionTag(text, resourceName.endsWith(".form"));
    event.getProcesses().stream().filter(p -> resourceName.equals(p.getResourceName())).forEach(p ->
        insert(p.getProcessDefinitionKey(), resourceName, "PROCESS", p.getBpmnProcessId(), p.getVersion(), tag, deployedBy, now, text, draftId, disk));
    Map<Long, String> requirements = event.getDecisionRequirements().stream()
        .collect(Collectors.toMap(DecisionRequirements::getDecisionRequirementsKey, DecisionRequirements::getResourceName, (a, b) -> a));
    event.getDecisions().stream().filter(d -> resourceName.equals(requirements.get(d.getDecisionRequirementsKey()))).forEach(d ->
        insert(d.getDecisionKey(), resourceName, "DECISION", d.getDmnDecisionId(), d.getVersion(), tag, deployedBy, now, text, draftId, disk));
    event.getForm().stream().filter(f -> resourceName.equals(f.getResourceName())).forEach(f ->
        insert(f.getFormKey(), resourceName, "FORM", f.getFormId(), f.getVersion(), tag, deployedBy, now, text, draftId, disk));
  }

  @SuppressWarnings("java:S107")
  private void insert(long key, String resource, String kind, String modelId, int version, String tag, String by, Timestamp at,
      String content, Long draftId, String disk) {
    // A redeployment of unchanged content answers with the existing version: the first record stays.
    jdbc.update("""
        INSERT INTO studio_version (definition_key, resource_name, kind, model_id, version, version_tag, deployed_by, deployed_at,
            content, draft_id, disk_sha256)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (definition_key) DO NOTHING
        """, key, resource, kind, modelId, version, tag, by, at, content, draftId, disk);
  }

  List<StudioVersion> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM studio_version ORDER BY resource_name, model_id, version DESC", ROW);
  }

  List<StudioVersion> of(String resourceName) {
    return jdbc.query("SELECT " + COLUMNS + " FROM studio_version WHERE resource_name = ? ORDER BY model_id, version DESC", ROW, resourceName);
  }

  Optional<StudioVersion> byKey(long key) {
    return jdbc.query("SELECT " + COLUMNS + " FROM studio_version WHERE definition_key = ?", ROW, key).stream().findFirst();
  }

  Optional<String> content(long key) {
    return jdbc.queryForList("SELECT content FROM studio_version WHERE definition_key = ?", String.class, key).stream().findFirst();
  }

  /** The newest deployed content of each file (by deployment time). */
  Map<String, String> newestContents() {
    return jdbc.query("""
        SELECT DISTINCT ON (resource_name) resource_name, content FROM studio_version
        ORDER BY resource_name, deployed_at DESC, version DESC
        """, (rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
  }

  Optional<StudioVersion> newest(String resourceName) {
    return jdbc.query("SELECT " + COLUMNS + " FROM studio_version WHERE resource_name = ? ORDER BY deployed_at DESC, version DESC LIMIT 1",
        ROW, resourceName).stream().findFirst();
  }

  static String versionTag(String content, boolean form) {
    Matcher m = (form ? FORM_VERSION_TAG : VERSION_TAG).matcher(content);
    return m.find() ? m.group(1) : null;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
