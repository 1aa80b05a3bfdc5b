package id.rekber.studio;

import id.rekber.platform.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.beans.factory.ObjectProvider;
import id.rekber.identity.CurrentUser;

/** {@code /studio} for analysts and admins: every model with its deployed versions, and open drafts. */
@Controller
class StudioPages {
  private final StudioVersions versions;
  private final Studio studio;
  private final CurrentUser currentUser;
  private final ObjectProvider<RunningInstances> running;

  StudioPages(StudioVersions versions, Studio studio, CurrentUser currentUser, ObjectProvider<RunningInstances> running) {
    this.versions = versions;
    this.studio = studio;
    this.currentUser = currentUser;
    this.running = running;
  }

  @GetMapping("/studio")
  String studio(Model model) {
    Map<String, List<StudioVersion>> byFile = versions.all().stream()
        .collect(Collectors.groupingBy(StudioVersion::resourceName, TreeMap::new, Collectors.toList()));
    model.addAttribute("models", byFile);
    model.addAttribute("drafts", studio.openDrafts());
    RunningInstances instances = running.getIfAvailable();
    model.addAttribute("running", instances == null ? Map.of() : instances.perDefinition());
    return "studio/index";
  }

  /** A new draft of a file, starting from its newest deployed version. */
  @PostMapping("/studio/drafts")
  String newDraft(@RequestParam String resourceName) {
    String content = studio.currentModels().get(resourceName);
    if (content == null) {
      throw Refusal.notFound("studio.version-not-found");
    }
    Long base = versions.newest(resourceName).map(StudioVersion::definitionKey).orElse(null);
    long id = studio.create(resourceName, content, base, currentUser.get().getEmail(), null);
    return "redirect:/studio/drafts/" + id;
  }

  @GetMapping("/studio/drafts/{id}")
  String draft(@PathVariable long id, Model model) {
    Draft draft = studio.draft(id);
    String user = currentUser.get().getEmail();
    boolean admin = currentUser.roles().contains("admin");
    String mode = draft.editable() && draft.author().equals(user) ? "edit"
        : Draft.SUBMITTED.equals(draft.status()) && admin && !draft.author().equals(user) && draft.reviewer() == null ? "review" : "view";
    model.addAttribute("draft", draft);
    model.addAttribute("kind", ModelKind.of(draft.resourceName()).map(Enum::name).orElse(""));
    model.addAttribute("mode", mode);
    return "studio/draft";
  }

  @GetMapping("/studio/diff")
  String diff(@RequestParam long from, @RequestParam long to, Model model) {
    StudioVersion before = versions.byKey(from).orElseThrow(() -> Refusal.notFound("studio.version-not-found"));
    StudioVersion after = versions.byKey(to).orElseThrow(() -> Refusal.notFound("studio.version-not-found"));
    model.addAttribute("from", before);
    model.addAttribute("to", after);
    model.addAttribute("all", versions.of(before.resourceName()));
    model.addAttribute("lines", LineDiff.changes(versions.content(from).orElseThrow(), versions.content(to).orElseThrow()));
    return "studio/diff";
  }

  @GetMapping("/studio/versions/{key}/download")
  ResponseEntity<byte[]> download(@PathVariable long key) {
    StudioVersion version = versions.byKey(key).orElseThrow(() -> Refusal.notFound("studio.version-not-found"));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(version.resourceName()).build().toString())
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(versions.content(key).orElseThrow().getBytes(StandardCharsets.UTF_8));
  }
}
