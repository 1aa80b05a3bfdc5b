package id.rekber.inbox;

/** A listener's answer to an assigning or completing task: go ahead, or deny with a reason people can read. */
public record ListenerVerdict(boolean denied, String reason) {
  static final ListenerVerdict ACCEPT = new ListenerVerdict(false, null);

  static ListenerVerdict deny(String reason) {
    return new ListenerVerdict(true, reason);
  }
}
