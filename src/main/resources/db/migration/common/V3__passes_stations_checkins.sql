-- QR passes (入场凭证) signed with Ed25519, check-in stations (签到点) and scans (签到).

CREATE SEQUENCE pass_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE station_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE checkin_seq START WITH 50 INCREMENT BY 50;

-- Signing keys of the deployment. The private key is sealed with AES-GCM under PASS_KEY_SECRET and
-- never leaves the server; the newest active key signs, older ones verify until they expire.
CREATE TABLE pass_key (
    id                  INTEGER PRIMARY KEY,
    public_key          VARCHAR(64) NOT NULL,
    private_key_sealed  VARCHAR(200) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE
);

CREATE TABLE pass (
    id                  BIGINT PRIMARY KEY,
    registration_id     BIGINT NOT NULL REFERENCES registration (id),
    -- equals registration_id while the pass is valid: one valid pass per registration
    active_registration_id BIGINT,
    event_id            BIGINT NOT NULL REFERENCES event (id),
    serial              INTEGER NOT NULL,
    key_id              INTEGER NOT NULL REFERENCES pass_key (id),
    token               VARCHAR(200) NOT NULL,
    issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    revoked_reason      VARCHAR(40),
    CONSTRAINT pass_active_uq UNIQUE (active_registration_id),
    CONSTRAINT pass_serial_uq UNIQUE (registration_id, serial)
);
CREATE INDEX pass_event_idx ON pass (event_id, revoked_at);

CREATE TABLE station (
    id                  BIGINT PRIMARY KEY,
    event_id            BIGINT NOT NULL REFERENCES event (id),
    name                VARCHAR(40) NOT NULL,
    key_hash            VARCHAR(64) NOT NULL,
    created_by          BIGINT NOT NULL REFERENCES account (id),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT station_key_uq UNIQUE (key_hash),
    CONSTRAINT station_name_uq UNIQUE (event_id, name)
);

-- Every scan, admitted or not. admitted_registration_id is set only on the admission, so the unique
-- constraint lets a pass in once however many stations scan it at the same moment; (scanner, nonce)
-- makes a retried request return the first answer.
CREATE TABLE checkin (
    id                  BIGINT PRIMARY KEY,
    event_id            BIGINT REFERENCES event (id),
    registration_id     BIGINT REFERENCES registration (id),
    admitted_registration_id BIGINT,
    pass_id             BIGINT,
    station_id          BIGINT REFERENCES station (id),
    station_name        VARCHAR(40),
    scanner             VARCHAR(40) NOT NULL,
    nonce               VARCHAR(64) NOT NULL,
    verdict             VARCHAR(30) NOT NULL,
    reason              VARCHAR(200),
    method              VARCHAR(10) NOT NULL,
    offline             BOOLEAN NOT NULL,
    scanned_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT checkin_admitted_uq UNIQUE (admitted_registration_id),
    CONSTRAINT checkin_nonce_uq UNIQUE (scanner, nonce)
);
CREATE INDEX checkin_event_idx ON checkin (event_id, scanned_at);

-- the registration a notice is about, so the confirmation mail can carry its pass
ALTER TABLE notification ADD COLUMN registration_id BIGINT;
