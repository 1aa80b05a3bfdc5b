package id.rekber.web;

import id.rekber.platform.Languages;
import id.rekber.platform.Refusal;
import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.membership.MembershipService;
import id.rekber.membership.Plan;
import id.rekber.platform.Refusal;
import org.springframework.web.bind.annotation.RequestParam;
import id.rekber.identity.PhoneNumbers;
import id.rekber.identity.Profiles;
import id.rekber.kyc.PhoneVerification;
import id.rekber.notification.MemberMails;
import id.rekber.platform.SingleNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's own things: profile, phone, payout account, language, and the mails Rekber sent them. */
@Controller
class ProfilePages {
  private final CurrentUser currentUser;
  private final Profiles profiles;
  private final MemberMails mails;
  private final LocaleResolver locales;
  private final PhoneVerification phoneVerification;
  private final boolean singleNode;
  private final MembershipService memberships;

  /** Keycloak's account console page where a member sets up a one-time code (authenticator app). */
  private final String otpSetupUrl;

  ProfilePages(CurrentUser currentUser, Profiles profiles, MemberMails mails, LocaleResolver locales,
      PhoneVerification phoneVerification, org.springframework.core.env.Environment env,
      @org.springframework.beans.factory.annotation.Value("${rekber.identity.issuer-uri}") String issuer, MembershipService memberships) {
    this.memberships = memberships;
    this.otpSetupUrl = issuer + "/account/account-security/signing-in";
    this.currentUser = currentUser;
    this.profiles = profiles;
    this.mails = mails;
    this.locales = locales;
    this.phoneVerification = phoneVerification;
    this.singleNode = SingleNode.isActive(env);
  }

  @GetMapping("/profile")
  String profile(Model model) {
    AppUser user = currentUser.get();
    if (!model.containsAttribute("payoutForm")) {
      ProfileForms.PayoutAccount form = new ProfileForms.PayoutAccount();
      form.setBankCode(user.getBankCode());
      form.setAccountName(user.getBankAccountName());
      model.addAttribute("payoutForm", form);
    }
    if (!model.containsAttribute("phoneForm")) {
      ProfileForms.Phone phone = new ProfileForms.Phone();
      phone.setPhone(user.getPhone());
      model.addAttribute("phoneForm", phone);
    }
    model.addAttribute("user", user);
    model.addAttribute("devMessages", singleNode);
    model.addAttribute("roles", currentUser.roles());
    model.addAttribute("otpSetupUrl", otpSetupUrl);
    model.addAttribute("maskedAccount", user.hasPayoutAccount() ? "••••" + last4(user.getBankAccountNumber()) : null);
    model.addAttribute("membership", memberships.view(user));
    model.addAttribute("monthly", memberships.terms(Plan.MONTHLY));
    model.addAttribute("yearly", memberships.terms(Plan.YEARLY));
    return "profile";
  }

  /** Premium membership: order a plan (then pay at the checkout shown), cancel at the period's end, or take that back. */
  @PostMapping("/profile/membership")
  String membership(@RequestParam String action, @RequestParam(required = false) String plan, Model model, RedirectAttributes redirect) {
    AppUser user = currentUser.get();
    try {
      switch (action) {
        case "order" -> memberships.order(user, Plan.valueOf(plan));
        case "cancel" -> memberships.cancel(user);
        case "resume" -> memberships.resume(user);
        default -> throw new IllegalArgumentException(action);
      }
    } catch (Refusal refused) {
      redirect.addFlashAttribute("notice", refused.code());
    } catch (IllegalArgumentException | NullPointerException unknown) {
      redirect.addFlashAttribute("notice", "membership.plan.required");
    }
    return "redirect:/profile#membership";
  }

  @PostMapping("/profile/payout-account")
  String payoutAccount(@Valid @ModelAttribute("payoutForm") ProfileForms.PayoutAccount form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    AppUser user = currentUser.get();
    if (errors.hasErrors()) {
      return profile(model);
    }
    profiles.changePayoutAccount(user.getId(), form.getBankCode(), form.getAccountNumber(), form.getAccountName());
    redirect.addFlashAttribute("notice", "profile.payout-saved");
    return "redirect:/profile";
  }

  @PostMapping("/profile/phone")
  String phone(@Valid @ModelAttribute("phoneForm") ProfileForms.Phone form, BindingResult errors, Model model, RedirectAttributes redirect) {
    AppUser user = currentUser.get();
    String typed = form.getPhone() == null ? "" : form.getPhone().trim();
    Optional<String> phone = typed.isEmpty() ? Optional.empty() : PhoneNumbers.normalize(typed);
    if (!typed.isEmpty() && phone.isEmpty() && !errors.hasErrors()) {
      errors.rejectValue("phone", "profile.phone.invalid");
    }
    if (!errors.hasErrors()) {
      try {
        profiles.changePhone(user.getId(), phone.orElse(null));
      } catch (Refusal e) {
        errors.rejectValue("phone", e.code());
      }
    }
    if (errors.hasErrors()) {
      return profile(model);
    }
    redirect.addFlashAttribute("notice", "profile.phone-saved");
    return "redirect:/profile";
  }

  @PostMapping("/profile/phone/code")
  String sendPhoneCode(Model model, RedirectAttributes redirect) {
    try {
      phoneVerification.sendCode(currentUser.get(), null, null);
    } catch (Refusal e) {
      return phoneCodeRefused(e, model);
    }
    redirect.addFlashAttribute("notice", "profile.phone.code-sent");
    return "redirect:/profile";
  }

  @PostMapping("/profile/phone/verify")
  String verifyPhone(@RequestParam(required = false) String code, Model model, RedirectAttributes redirect) {
    try {
      phoneVerification.verify(currentUser.get(), code);
    } catch (Refusal e) {
      return phoneCodeRefused(e, model);
    }
    redirect.addFlashAttribute("notice", "profile.phone-verified");
    return "redirect:/profile";
  }

  private String phoneCodeRefused(Refusal e, Model model) {
    model.addAttribute("phoneCodeError", e.code());
    model.addAttribute("phoneCodeErrorArgs", e.args());
    return profile(model);
  }

  /** The language switch: kept in the profile, so it holds on the next login too. */
  @PostMapping("/language")
  String language(@RequestParam String lang, @RequestParam(required = false) String back, HttpServletRequest request,
      HttpServletResponse response) {
    AppUser user = currentUser.get();
    java.util.Locale chosen = Languages.supported(java.util.Locale.forLanguageTag(lang));
    profiles.changeLanguage(user.getId(), chosen);
    locales.setLocale(request, response, chosen);
    return "redirect:" + (back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/");
  }

  @GetMapping("/notifications")
  String notifications(Model model) {
    AppUser user = currentUser.get();
    model.addAttribute("mails", mails.of(user.getEmail(), 100));
    return "notifications";
  }

  private static String last4(String number) {
    return number.substring(Math.max(0, number.length() - 4));
  }
}
