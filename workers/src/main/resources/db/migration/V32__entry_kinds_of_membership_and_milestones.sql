-- V28 (membership) and V31 (milestones) were written side by side and each redefined the entry
-- kind check with its own new kinds; the later one dropped the other's. Every kind the code knows:
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_kind_check;
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_kind_check
    CHECK (kind IN ('PAYMENT', 'RELEASE', 'REFUND', 'PAYOUT', 'SPLIT', 'MEMBERSHIP', 'MILESTONE_RELEASE', 'MILESTONE_REFUND'));
