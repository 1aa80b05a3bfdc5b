package id.rekber.inbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console: task lists per candidate group and a task page with the case beside the
 * task's Camunda Form (rendered by form-js from /assets/task-form.js).
 */
@Controller
class StaffInboxPages {
  static final List<String> STAFF_GROUPS = List.of("mediator", "compliance", "admin");

  private final Inbox inbox;
  private final CurrentUser currentUser;
  private final CaseContexts contexts;
  private final ObjectMapper json;
  private final Clock clock;
  private final PremiumFirst premiumFirst;

  StaffInboxPages(Inbox inbox, CurrentUser currentUser, CaseContexts contexts, ObjectMapper json, Clock clock, PremiumFirst premiumFirst) {
    this.premiumFirst = premiumFirst;
    this.inbox = inbox;
    this.currentUser = currentUser;
    this.contexts = contexts;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/staff/inbox")
  String inbox(@RequestParam(required = false) String group, @RequestParam(required = false) String assignment,
      @RequestParam(required = false) String q, Model model) {
    AppUser staff = currentUser.get();
    List<String> roles = currentUser.roles();
    TaskFilter filter = new TaskFilter(group, assignment, q);
    List<StaffTask> open = inbox.openTasks(roles);
    model.addAttribute("me", staff);
    model.addAttribute("groups", STAFF_GROUPS.stream().filter(roles::contains).toList());
    model.addAttribute("filter", filter);
    model.addAttribute("tasks", filter.apply(open, staff.getEmail(), premiumFirst.of(open)));
    model.addAttribute("totalOpen", open.size());
    model.addAttribute("now", clock.instant());
    return "staff/inbox";
  }

  @GetMapping("/staff/tasks/{key}")
  String task(@PathVariable long key, Model model) throws Exception {
    AppUser staff = currentUser.get();
    StaffTask task = inbox.task(key, currentUser.roles());
    CaseContext context = contexts.of(task).orElse(null);
    model.addAttribute("me", staff);
    model.addAttribute("task", task);
    model.addAttribute("sla", Sla.of(task.getDueAt(), clock.instant()));
    model.addAttribute("formSchema", inbox.form(task).map(f -> scriptSafe(f.schema())).orElse(null));
    model.addAttribute("formData", scriptSafe(task.getVariables()));
    model.addAttribute("refusal", context == null ? null : context.refusal(task, staff).orElse(null));
    if (context != null) {
      caseFragment(model, context.fragment());
      model.addAllAttributes(context.model(task, staff));
    } else {
      caseFragment(model, "staff/case-default :: panel");
      model.addAttribute("variables", new TreeMap<>(json.readValue(task.getVariables(), new TypeReference<Map<String, Object>>() {})));
    }
    return "staff/task";
  }

  @PostMapping("/staff/tasks/{key}/claim")
  String claim(@PathVariable long key, RedirectAttributes redirect) {
    return act(key, redirect, () -> inbox.claim(key, currentUser.roles(), currentUser.get()), "staff.claimed");
  }

  @PostMapping("/staff/tasks/{key}/unclaim")
  String unclaim(@PathVariable long key, RedirectAttributes redirect) {
    return act(key, redirect, () -> inbox.unclaim(key, currentUser.roles(), currentUser.get()), "staff.unclaimed");
  }

  /** Called by the form script; answers 204 or a problem (400 with field errors, 409 when someone else was first). */
  @PostMapping("/staff/tasks/{key}/complete")
  @ResponseBody
  ResponseEntity<Void> complete(@PathVariable long key, @RequestBody Map<String, Object> variables) {
    inbox.complete(key, currentUser.roles(), currentUser.get(), variables);
    return ResponseEntity.noContent().build();
  }

  /** "template :: selector", split because Thymeleaf reads a whole expression as a template name. */
  private static void caseFragment(Model model, String fragment) {
    String[] parts = fragment.split("::", 2);
    model.addAttribute("caseTemplate", parts[0].trim());
    model.addAttribute("caseSelector", parts.length > 1 ? parts[1].trim() : "panel");
  }

  /** JSON placed inside a script tag: "<" escaped so no value (typed by a member) can close the tag. */
  private static String scriptSafe(String jsonText) {
    return jsonText.replace("<", "\\u003c");
  }

  private String act(long key, RedirectAttributes redirect, Runnable action, String done) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", done);
    } catch (Refusal e) {
      redirect.addFlashAttribute("problem", e.code());
      redirect.addFlashAttribute("problemArgs", e.args());
    }
    return "redirect:/staff/tasks/" + key;
  }
}
