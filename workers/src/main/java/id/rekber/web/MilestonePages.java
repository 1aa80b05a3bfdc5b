package id.rekber.web;

import id.rekber.escrow.MilestoneCommands;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Service deals in the portal (decision 43): milestone rows on the create form, deliver and accept on the deal page. */
@Controller
class MilestonePages {
  private final MilestoneCommands milestones;
  private final CurrentUser currentUser;

  MilestonePages(MilestoneCommands milestones, CurrentUser currentUser) {
    this.milestones = milestones;
    this.currentUser = currentUser;
  }

  @PostMapping(value = "/deals", params = "addMilestone")
  String addRow(@ModelAttribute("dealForm") DealForm form) {
    if (form.getMilestones().size() < 10) {
      form.getMilestones().add(new DealForm.MilestoneRow());
    }
    return "deals/new";
  }

  @PostMapping(value = "/deals", params = "removeMilestone")
  String removeRow(@ModelAttribute("dealForm") DealForm form, @RequestParam int removeMilestone) {
    if (removeMilestone >= 0 && removeMilestone < form.getMilestones().size()) {
      form.getMilestones().remove(removeMilestone);
    }
    return "deals/new";
  }

  @PostMapping("/deals/{id}/milestones/{seq}/deliver")
  String deliver(@PathVariable String id, @PathVariable String seq, RedirectAttributes redirect) {
    return command(id, redirect, "milestone.notice.delivered", () -> milestones.deliver(currentUser.get(), id, number(seq)));
  }

  @PostMapping("/deals/{id}/milestones/{seq}/accept")
  String accept(@PathVariable String id, @PathVariable String seq, RedirectAttributes redirect) {
    return command(id, redirect, "milestone.notice.accepted", () -> milestones.accept(currentUser.get(), id, number(seq)));
  }

  private static int number(String seq) {
    return seq.matches("\\d{1,2}") ? Integer.parseInt(seq) : 0;
  }

  private static String command(String id, RedirectAttributes redirect, String notice, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (Refusal e) {
      if (e.kind() == Refusal.Kind.NOT_FOUND) {
        throw e;
      }
      redirect.addFlashAttribute("problem", e.code());
      redirect.addFlashAttribute("problemArgs", e.args());
    }
    return "redirect:/deals/" + id;
  }
}
