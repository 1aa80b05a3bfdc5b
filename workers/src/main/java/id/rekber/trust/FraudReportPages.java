package id.rekber.trust;

import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.FormInvalidException;
import id.rekber.platform.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Members' pages: report a number ({@code /laporan}), follow a report, and appeal one against their
 * own number ({@code /laporan/{id}}); rate the other party of a completed deal from the deal page.
 */
@Controller
class FraudReportPages {
  private final FraudReports reports;
  private final Reviews reviews;
  private final CurrentUser currentUser;
  private final Clock clock;

  FraudReportPages(FraudReports reports, Reviews reviews, CurrentUser currentUser, Clock clock) {
    this.reports = reports;
    this.reviews = reviews;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/laporan")
  String list(Model model) {
    AppUser user = member();
    model.addAttribute("filed", reports.filedBy(user.getId()));
    model.addAttribute("against", reports.against(user.getId()));
    model.addAttribute("now", clock.instant());
    return "trust/reports";
  }

  @PostMapping("/laporan")
  String file(@RequestParam(defaultValue = "BANK_ACCOUNT") String kind, @RequestParam(required = false) String bankCode,
      @RequestParam(required = false) String number, @RequestParam(required = false) String description,
      @RequestParam(required = false) String dealId, @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
      RedirectAttributes redirect) {
    AppUser user = member();
    try {
      FraudReport report = reports.file(user, new FraudReports.Filing(kind, bankCode, number, description, dealId), FraudReportController.uploads(files));
      redirect.addFlashAttribute("notice", "fraud.notice.filed");
      return "redirect:/laporan/" + report.id();
    } catch (Refusal e) {
      model.addAttribute("error", e.code());
      model.addAttribute("errorArgs", e.args());
    } catch (FormInvalidException e) {
      model.addAttribute("fieldErrors", e.errors());
    }
    model.addAttribute("form", Map.of("kind", kind, "bankCode", String.valueOf(bankCode == null ? "" : bankCode), "number",
        number == null ? "" : number, "description", description == null ? "" : description, "dealId", dealId == null ? "" : dealId));
    return list(model);
  }

  @GetMapping("/laporan/{id}")
  String show(@PathVariable String id, Model model) {
    AppUser user = member();
    FraudReport report = reports.visibleTo(user, parse(id));
    model.addAttribute("report", report);
    model.addAttribute("isOwner", user.getId().equals(report.ownerId()));
    model.addAttribute("mayAppeal", user.getId().equals(report.ownerId()) && report.appealableAt(clock.instant()));
    return "trust/report";
  }

  @PostMapping("/laporan/{id}/banding")
  String appeal(@PathVariable String id, @RequestParam(required = false) String text,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect) {
    AppUser user = member();
    UUID reportId = parse(id);
    try {
      reports.appeal(user, reportId, text, FraudReportController.uploads(files));
      redirect.addFlashAttribute("notice", "fraud.notice.appealed");
      return "redirect:/laporan/" + reportId;
    } catch (FormInvalidException e) {
      model.addAttribute("fieldErrors", e.errors());
    } catch (Refusal e) {
      if (e.kind() == Refusal.Kind.NOT_FOUND) {
        throw e;
      }
      model.addAttribute("error", e.code());
      model.addAttribute("errorArgs", e.args());
    }
    model.addAttribute("appealText", text);
    return show(id, model);
  }

  @PostMapping("/deals/{id}/review")
  String rate(@PathVariable String id, @RequestParam(required = false) Integer rating, @RequestParam(required = false) String text,
      RedirectAttributes redirect) {
    try {
      reviews.rate(currentUser.get(), id, rating, text);
      redirect.addFlashAttribute("reviewNotice", "review.notice.saved");
    } catch (FormInvalidException e) {
      redirect.addFlashAttribute("reviewError", e.errors().values().iterator().next());
    } catch (Refusal e) {
      if (e.kind() == Refusal.Kind.NOT_FOUND) {
        throw e;
      }
      redirect.addFlashAttribute("reviewError", e.code());
    }
    return "redirect:/deals/" + id;
  }

  private AppUser member() {
    if (!currentUser.roles().contains("member")) {
      throw Refusal.forbidden("fraud.report.members-only");
    }
    return currentUser.get();
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw Refusal.notFound("fraud.report.not-found", id);
    }
  }
}
