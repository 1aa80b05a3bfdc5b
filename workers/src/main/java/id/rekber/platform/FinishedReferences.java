package id.rekber.platform;

import java.util.Collection;
import java.util.Set;

/**
 * Which outbox references need no message any more. After an engine restart or rebase the outbox
 * sends again the messages the old engine may still have held in its buffer; those of finished work
 * (a closed deal, a completed payout, a decided KYC submission) would find no instance and only
 * delay fresh commands behind them. Each feature that sends messages contributes one bean.
 */
public interface FinishedReferences {
  /** Of {@code references}, those this feature knows to be finished; unknown ones are left out. */
  Set<String> finishedAmong(Collection<String> references);
}
