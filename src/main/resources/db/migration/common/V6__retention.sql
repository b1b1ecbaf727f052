-- Retention: registrations of events older than the retention period are anonymised — moved to this one
-- placeholder account (no login: no user name, no phone, no usable password hash) with their free-text fields
-- cleared, so the statistics keep counting them while nobody can be identified.
INSERT INTO account (id, display_name, password_hash, created_at, deleted_at, version)
VALUES (-1, '已匿名化', '!anonymous', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0);
CREATE INDEX registration_anonymised_idx ON registration (event_id, account_id);
