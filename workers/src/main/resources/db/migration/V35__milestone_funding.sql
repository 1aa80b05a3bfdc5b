-- A service deal may be funded milestone by milestone (decision 46): the deal's payment funds the
-- first milestone, and each later milestone has its own invoice once the one before is settled.
ALTER TABLE deal ADD COLUMN milestone_funding varchar(16) NOT NULL DEFAULT 'UP_FRONT'
    CHECK (milestone_funding IN ('UP_FRONT', 'PER_MILESTONE'));
ALTER TABLE deal ADD CONSTRAINT deal_per_milestone_needs_two CHECK (milestone_funding = 'UP_FRONT' OR milestone_count >= 2);

-- A milestone's own payment: the deal's payment has no milestone, a later milestone's names it.
ALTER TABLE payment ADD COLUMN milestone_seq smallint CHECK (milestone_seq BETWEEN 2 AND 10);
ALTER TABLE payment DROP CONSTRAINT payment_deal_id_key;
CREATE UNIQUE INDEX ux_payment_deal_milestone ON payment (deal_id, COALESCE(milestone_seq, 0));

-- When the milestone's money arrived (its own payment; null when funded up front).
ALTER TABLE deal_milestone ADD COLUMN paid_at timestamptz;
ALTER TABLE deal_milestone DROP CONSTRAINT deal_milestone_state_check;
ALTER TABLE deal_milestone ADD CONSTRAINT deal_milestone_state_check
    CHECK (state IN ('PENDING', 'AWAITING_PAYMENT', 'UNFUNDED', 'IN_PROGRESS', 'DELIVERED', 'DISPUTED', 'RELEASED', 'REFUNDED',
                     'SPLIT'));

-- A later milestone's own payment is its own entry kind: "a deal is paid into escrow at most once"
-- (ux_journal_payment) keeps holding for the deal's payment; each milestone's is unique by its key.
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_kind_check;
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_kind_check
    CHECK (kind IN ('PAYMENT', 'RELEASE', 'REFUND', 'PAYOUT', 'SPLIT', 'MEMBERSHIP', 'MILESTONE_RELEASE', 'MILESTONE_REFUND',
                    'MILESTONE_SPLIT', 'MILESTONE_PAYMENT'));
