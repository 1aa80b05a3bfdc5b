package id.rekber.payment.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** provider_call rows kept in memory, for adapter tests without a database. */
public class RecordingCallLog implements ProviderCallLog {
  public final List<Entry> entries = new CopyOnWriteArrayList<>();

  @Override
  public void record(Entry entry) {
    entries.add(entry);
  }
}
