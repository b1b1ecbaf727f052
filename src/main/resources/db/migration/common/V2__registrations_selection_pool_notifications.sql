-- Registrations and applications, selection (遴选) with its published record (公示), the representative
-- pool (代表库) with invitations, and notifications (in-app notices that double as the mail outbox).

CREATE SEQUENCE registration_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE representative_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE invitation_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE notification_seq START WITH 50 INCREMENT BY 50;

-- e-mail for notifications and the secret of the personal calendar feed, both encrypted like phones
ALTER TABLE account ADD COLUMN email_cipher VARCHAR(400);
ALTER TABLE account ADD COLUMN calendar_token_cipher VARCHAR(200);
ALTER TABLE account ADD COLUMN calendar_token_hash VARCHAR(64);
ALTER TABLE account ADD CONSTRAINT account_calendar_token_uq UNIQUE (calendar_token_hash);

CREATE TABLE registration (
    id                  BIGINT PRIMARY KEY,
    event_id            BIGINT NOT NULL REFERENCES event (id),
    account_id          BIGINT NOT NULL REFERENCES account (id),
    -- equals account_id while the registration is active, NULL once rejected or cancelled:
    -- the unique constraint below then allows one active registration per person and event
    active_account_id   BIGINT,
    status              VARCHAR(20) NOT NULL,
    category            VARCHAR(20),
    organisation        VARCHAR(120),
    statement           VARCHAR(1000),
    source              VARCHAR(20) NOT NULL,
    waitlisted_at       TIMESTAMP WITH TIME ZONE,
    alternate_rank      INTEGER,
    decision_reason     VARCHAR(500),
    decided_by          BIGINT REFERENCES account (id),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT registration_active_uq UNIQUE (event_id, active_account_id)
);
CREATE INDEX registration_event_status_idx ON registration (event_id, status, waitlisted_at, id);
CREATE INDEX registration_account_idx ON registration (account_id, created_at);

CREATE TABLE selection_rule (
    event_id            BIGINT PRIMARY KEY REFERENCES event (id),
    seats               INTEGER NOT NULL CHECK (seats > 0),
    minimums            VARCHAR(500) NOT NULL,
    stakeholders_first  BOOLEAN NOT NULL,
    alternates          INTEGER NOT NULL CHECK (alternates >= 0),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          BIGINT REFERENCES account (id),
    version             BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE selection (
    event_id            BIGINT PRIMARY KEY REFERENCES event (id),
    seed                VARCHAR(64) NOT NULL,
    input_hash          VARCHAR(64) NOT NULL,
    rule_json           VARCHAR(1000) NOT NULL,
    result_json         VARCHAR(200000) NOT NULL,
    published           BOOLEAN NOT NULL,
    run_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    run_by              BIGINT NOT NULL REFERENCES account (id),
    published_at        TIMESTAMP WITH TIME ZONE,
    published_by        BIGINT REFERENCES account (id),
    version             BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE representative (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT NOT NULL REFERENCES account (id),
    categories          VARCHAR(120) NOT NULL,
    interests           VARCHAR(500),
    organisation        VARCHAR(120),
    adult_declared      BOOLEAN NOT NULL,
    residency           VARCHAR(20) NOT NULL,
    review_due_on       DATE NOT NULL,
    active              BOOLEAN NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT representative_account_uq UNIQUE (account_id)
);

CREATE TABLE invitation (
    id                  BIGINT PRIMARY KEY,
    event_id            BIGINT NOT NULL REFERENCES event (id),
    representative_id   BIGINT NOT NULL REFERENCES representative (id),
    status              VARCHAR(20) NOT NULL,
    invited_by          BIGINT NOT NULL REFERENCES account (id),
    invited_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at         TIMESTAMP WITH TIME ZONE,
    registration_id     BIGINT REFERENCES registration (id),
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT invitation_uq UNIQUE (event_id, representative_id)
);

CREATE TABLE notification (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT NOT NULL REFERENCES account (id),
    event_id            BIGINT REFERENCES event (id),
    kind                VARCHAR(40) NOT NULL,
    subject             VARCHAR(200) NOT NULL,
    body_text           VARCHAR(4000) NOT NULL,
    body_html           VARCHAR(8000) NOT NULL,
    ics                 VARCHAR(20000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at             TIMESTAMP WITH TIME ZONE,
    -- the mail outbox: NONE (no address), PENDING, SENT, FAILED (gave up after retries)
    email_state         VARCHAR(20) NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMP WITH TIME ZONE,
    claimed_until       TIMESTAMP WITH TIME ZONE,
    sent_at             TIMESTAMP WITH TIME ZONE,
    last_error          VARCHAR(500),
    version             BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notification_outbox_idx ON notification (email_state, next_attempt_at);
CREATE INDEX notification_account_idx ON notification (account_id, created_at);
