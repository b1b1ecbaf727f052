-- Foundation: accounts and roles, departments, campaigns, events with agenda items, the approved public
-- versions of events, and the audit log. Portable SQL for PostgreSQL and H2 (PostgreSQL mode).
-- Ids come from sequences (EclipseLink pre-allocates blocks of 50).

CREATE SEQUENCE department_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE account_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE campaign_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE event_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE agenda_item_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE department (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(80) NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT department_name_uq UNIQUE (name)
);

CREATE TABLE account (
    id              BIGINT PRIMARY KEY,
    username        VARCHAR(40),
    phone_cipher    VARCHAR(200),
    phone_hash      VARCHAR(64),
    phone_masked    VARCHAR(20),
    display_name    VARCHAR(40) NOT NULL,
    password_hash   VARCHAR(300) NOT NULL,
    consent_at      TIMESTAMP WITH TIME ZONE,
    consent_version VARCHAR(20),
    department_id   BIGINT REFERENCES department (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT account_username_uq UNIQUE (username),
    CONSTRAINT account_phone_hash_uq UNIQUE (phone_hash)
);

CREATE TABLE account_role (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role        VARCHAR(20) NOT NULL,
    PRIMARY KEY (account_id, role)
);

CREATE TABLE campaign (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(60) NOT NULL,
    starts_on   DATE NOT NULL,
    ends_on     DATE NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT campaign_name_uq UNIQUE (name)
);

CREATE TABLE event (
    id                      BIGINT PRIMARY KEY,
    kind                    VARCHAR(20) NOT NULL,
    status                  VARCHAR(20) NOT NULL,
    revision_status         VARCHAR(20) NOT NULL,
    title                   VARCHAR(120) NOT NULL,
    summary                 VARCHAR(500),
    description             VARCHAR(20000),
    mode                    VARCHAR(20) NOT NULL,
    venue                   VARCHAR(200),
    online_url              VARCHAR(500),
    starts_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    capacity                INTEGER NOT NULL CHECK (capacity > 0),
    waitlist                BOOLEAN NOT NULL,
    registration_opens_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    registration_closes_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    campaign_id             BIGINT REFERENCES campaign (id),
    confirmed_count         INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0),
    created_by              BIGINT NOT NULL REFERENCES account (id),
    last_edited_by          BIGINT NOT NULL REFERENCES account (id),
    submitted_by            BIGINT REFERENCES account (id),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    review_note             VARCHAR(500),
    cancel_reason           VARCHAR(500),
    version                 BIGINT NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at)
);
CREATE INDEX event_status_idx ON event (status, revision_status);
CREATE INDEX event_updated_idx ON event (updated_at);

CREATE TABLE agenda_item (
    id          BIGINT PRIMARY KEY,
    event_id    BIGINT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    title       VARCHAR(200) NOT NULL,
    summary     VARCHAR(2000),
    version     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX agenda_item_event_idx ON agenda_item (event_id);

CREATE TABLE agenda_item_material (
    agenda_item_id  BIGINT NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    ordinal         INTEGER NOT NULL,
    title           VARCHAR(120) NOT NULL,
    summary         VARCHAR(300),
    url             VARCHAR(500) NOT NULL,
    PRIMARY KEY (agenda_item_id, ordinal)
);

-- The approved public version of an event: only approval and cancellation write here.
CREATE TABLE event_publication (
    event_id                BIGINT PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
    kind                    VARCHAR(20) NOT NULL,
    status                  VARCHAR(20) NOT NULL,
    mode                    VARCHAR(20) NOT NULL,
    title                   VARCHAR(120) NOT NULL,
    starts_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    campaign_id             BIGINT REFERENCES campaign (id),
    capacity                INTEGER NOT NULL,
    waitlist                BOOLEAN NOT NULL,
    registration_opens_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    registration_closes_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ical_sequence           INTEGER NOT NULL,
    first_published_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    snapshot                VARCHAR(200000) NOT NULL
);
CREATE INDEX event_publication_starts_idx ON event_publication (starts_at);
CREATE INDEX event_publication_campaign_idx ON event_publication (campaign_id, starts_at);

CREATE TABLE audit_entry (
    id          BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    BIGINT,
    entity_type VARCHAR(40) NOT NULL,
    entity_id   BIGINT,
    action      VARCHAR(40) NOT NULL,
    from_state  VARCHAR(40),
    to_state    VARCHAR(40),
    reason      VARCHAR(2000)
);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id);
CREATE INDEX audit_entry_time_idx ON audit_entry (occurred_at);
