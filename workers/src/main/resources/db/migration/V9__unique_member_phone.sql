-- A phone number finds one member: it is how a counterparty can be named instead of an e-mail.
CREATE UNIQUE INDEX ux_app_user_phone ON app_user (phone) WHERE phone IS NOT NULL;
