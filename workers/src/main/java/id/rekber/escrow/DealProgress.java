package id.rekber.escrow;

import java.util.List;

/**
 * Where a deal stands in the escrow-lifecycle diagram: the BPMN elements it is waiting in now and
 * those it has passed (including the sequence flows taken), for the bpmn-js viewer on the deal page.
 */
public interface DealProgress {
  Steps of(Deal deal);

  record Steps(List<String> active, List<String> done) {
    public static final Steps UNKNOWN = new Steps(List.of(), List.of());
  }
}
