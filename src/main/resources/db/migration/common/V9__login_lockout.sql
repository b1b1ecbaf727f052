-- Failed sign-ins per account and the lock they lead to (the count is reset by a successful sign-in).
-- Kept on the account row so every instance sees the same lock.
ALTER TABLE account ADD COLUMN failed_logins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE account ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
