package id.rekber.inbox;

import java.util.Collection;
import java.util.Set;

/**
 * Port: which deals' tasks come first in the staff inbox (a party is a premium member whose plan
 * gives inbox priority; answered by the membership module). Without it, none.
 */
public interface PriorityCases {
  Set<String> priorityDeals(Collection<String> dealIds);
}
