-- A dispute on one milestone of a service deal (decision 44). The deal keeps one dispute row; a
-- later milestone's dispute reopens it once the earlier one is resolved (the timeline keeps both).
ALTER TABLE dispute ADD COLUMN milestone_seq smallint CHECK (milestone_seq BETWEEN 1 AND 10);

-- A mediator may split a milestone's money between buyer and seller.
ALTER TABLE deal_milestone DROP CONSTRAINT deal_milestone_state_check;
ALTER TABLE deal_milestone ADD CONSTRAINT deal_milestone_state_check
    CHECK (state IN ('PENDING', 'IN_PROGRESS', 'DELIVERED', 'DISPUTED', 'RELEASED', 'REFUNDED', 'SPLIT'));

ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_kind_check;
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_kind_check
    CHECK (kind IN ('PAYMENT', 'RELEASE', 'REFUND', 'PAYOUT', 'SPLIT', 'MEMBERSHIP', 'MILESTONE_RELEASE', 'MILESTONE_REFUND',
                    'MILESTONE_SPLIT'));
