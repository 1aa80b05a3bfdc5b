-- A service deal pays each milestone out as soon as it is settled (decision 45): a payout names its
-- milestone, and "at most one successful payout" holds per deal, purpose and milestone.
ALTER TABLE payout ADD COLUMN milestone_seq smallint CHECK (milestone_seq BETWEEN 1 AND 10);
ALTER TABLE payout DROP CONSTRAINT payout_deal_id_purpose_attempt_key;
CREATE UNIQUE INDEX ux_payout_attempt ON payout (deal_id, purpose, COALESCE(milestone_seq, 0), attempt);
DROP INDEX ux_payout_completed;
CREATE UNIQUE INDEX ux_payout_completed ON payout (deal_id, purpose, COALESCE(milestone_seq, 0)) WHERE status = 'COMPLETED';
