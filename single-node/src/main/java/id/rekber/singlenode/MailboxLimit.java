package id.rekber.singlenode;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GreenMail keeps every mail it receives in memory (about 13 per deal, 65 KB of heap a deal). The
 * dev mailbox only needs the recent ones: every half minute the oldest mails beyond
 * {@code rekber.single-node.mailbox-limit} (2 000) are deleted. The outbox table keeps every mail
 * ever queued.
 */
final class MailboxLimit implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MailboxLimit.class);

  private final GreenMail greenMail;
  private final int keep;
  private final ScheduledExecutorService scheduler;

  MailboxLimit(GreenMail greenMail, int keep, Duration every) {
    this.greenMail = greenMail;
    this.keep = keep;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "mailbox-limit");
      thread.setDaemon(true);
      return thread;
    });
    if (keep > 0) {
      scheduler.scheduleWithFixedDelay(this::pruneQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void pruneQuietly() {
    try {
      prune();
    } catch (RuntimeException | FolderException e) {
      log.warn("Could not trim the dev mailbox: {}", e.toString());
    }
  }

  /** Deletes the oldest mails beyond the limit; returns how many. */
  int prune() throws FolderException {
    record Held(MailFolder folder, StoredMessage message) {}
    List<Held> all = new ArrayList<>();
    for (MailFolder folder : greenMail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
      folder.getNonDeletedMessages().forEach(m -> all.add(new Held(folder, m)));
    }
    int excess = all.size() - keep;
    if (keep <= 0 || excess <= 0) {
      return 0;
    }
    all.sort(Comparator.comparing((Held h) -> h.message().getReceivedDate()).thenComparingLong(h -> h.message().getUid()));
    Set<MailFolder> touched = new LinkedHashSet<>();
    for (Held held : all.subList(0, excess)) {
      held.folder().setFlags(new Flags(Flags.Flag.DELETED), true, held.message().getUid(), null, true);
      touched.add(held.folder());
    }
    for (MailFolder folder : touched) {
      folder.expunge();
    }
    return excess;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
