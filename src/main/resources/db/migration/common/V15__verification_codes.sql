-- One-time codes sent by SMS (sign-up, password reset): only an HMAC of the code is stored, with the number's lookup
-- hash and the requesting address's, so requests can be limited per number and per address on every instance.
CREATE TABLE verification_code (
    id              VARCHAR(36) PRIMARY KEY,
    phone_hash      VARCHAR(64) NOT NULL,
    purpose         VARCHAR(20) NOT NULL,
    code_hash       VARCHAR(64) NOT NULL,
    address_hash    VARCHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts INT NOT NULL DEFAULT 0,
    used_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX verification_code_phone ON verification_code (phone_hash, purpose, created_at);
CREATE INDEX verification_code_address ON verification_code (address_hash, created_at);

-- When the account's owner proved the number with a code. Accounts from before codes existed have none: a verified
-- sign-up with the same number takes the number from them (an unverified holder never blocks its verified owner).
ALTER TABLE account ADD COLUMN phone_verified_at TIMESTAMP WITH TIME ZONE;
