package id.rekber.notification;

import org.springframework.context.annotation.Conditional;
import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Single-node mode (and a demo cluster stack): the SMS/WhatsApp messages the sandbox provider "sent". Members see the
 * messages to their own phone number; admins see all.
 */
@Controller
@Conditional(MessageSandboxCondition.class)
class DevMessagesController {
  private final SandboxMessageSender sandbox;
  private final CurrentUser currentUser;

  DevMessagesController(SandboxMessageSender sandbox, CurrentUser currentUser) {
    this.sandbox = sandbox;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/dev/messages")
  @ResponseBody
  List<SentMessage> messages() {
    return visible();
  }

  @GetMapping("/dev/messages")
  String page(Model model) {
    model.addAttribute("messages", visible());
    return "dev/messages";
  }

  private List<SentMessage> visible() {
    AppUser user = currentUser.get();
    boolean admin = currentUser.roles().contains("admin");
    return sandbox.sent().stream().filter(m -> admin || m.to().equals(user.getPhone())).toList();
  }
}
