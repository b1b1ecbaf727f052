-- Every signed-in session remembers its account's session epoch; deleting the account, locking it or changing its
-- password raises the epoch, which ends every other session of it on every instance at its next request.
ALTER TABLE account ADD COLUMN session_epoch INTEGER DEFAULT 0 NOT NULL;

-- Failed sign-ins by account and client address (a keyed hash of it), kept for the lock period only. One address that
-- fails too often is refused for that account; the account itself is locked only when failures come from several
-- addresses, so nobody can lock its owner out from one address. Replaces the per-account count of V9.
CREATE TABLE login_failure (
    account_id   BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    address_hash VARCHAR(64) NOT NULL,
    failed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_account_at ON login_failure (account_id, failed_at);
ALTER TABLE account DROP COLUMN failed_logins;
