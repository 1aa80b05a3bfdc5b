package id.rekber.ledger;

import java.time.Instant;

/** A journal line as a deal's parties see it. Positive is debit, negative is credit. */
public record LedgerLine(
    long entryId, EntryKind kind, String description, Instant postedAt, Account account, long amount) {}
