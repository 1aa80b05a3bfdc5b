-- Phone verification by one-time code (decision 42). A member's phone counts once verified.
ALTER TABLE app_user ADD COLUMN phone_verified_at timestamptz;

-- One open challenge per member. The code itself is never stored: code_hash is the keyed hash
-- (HMAC-SHA256 with the blind-index key) of salt, member and code (docs/personal-data.md).
CREATE TABLE phone_challenge (
  user_id           uuid PRIMARY KEY REFERENCES app_user (id),
  phone             varchar(20) NOT NULL,
  salt              varchar(32) NOT NULL,
  code_hash         varchar(64) NOT NULL,
  expires_at        timestamptz NOT NULL,
  attempts          int NOT NULL,
  sends_in_window   int NOT NULL,
  window_started_at timestamptz NOT NULL
);
