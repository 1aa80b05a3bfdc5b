-- What staff submitted when they completed a task, kept with the task for the audit trail.
ALTER TABLE user_task ADD COLUMN submitted TEXT;
