package id.rekber.web;

import id.rekber.escrow.DealService;
import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in start page: who you are and your deals. The full portal grows from here. */
@Controller
class HomeController {
  private final CurrentUser currentUser;
  private final DealService deals;

  HomeController(CurrentUser currentUser, DealService deals) {
    this.currentUser = currentUser;
    this.deals = deals;
  }

  @GetMapping("/")
  String home(Model model) {
    AppUser user = currentUser.get();
    model.addAttribute("user", user);
    model.addAttribute("roles", currentUser.roles());
    model.addAttribute("deals", deals.listFor(user));
    return "home";
  }
}
