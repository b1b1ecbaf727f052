-- A selection anyone can check: the seed is committed before applications open (the SHA-256 of a secret seed, or
-- the public value to come, in words and a link), every run is kept with its reason, the 公示 lasts an objection
-- period in which objections (异议) go through the one citizen-input workflow, and a sustained objection is recorded
-- as a revision of the published result. Applicants may declare their community (居委), age band and gender for
-- balance rules. The representative pool takes nominations (self and by residents' committees) and is re-confirmed
-- yearly with reminders.
ALTER TABLE selection_rule ADD COLUMN seed_commitment VARCHAR(64);
ALTER TABLE selection_rule ADD COLUMN seed_source VARCHAR(200);
ALTER TABLE selection_rule ADD COLUMN seed_source_url VARCHAR(500);
ALTER TABLE selection_rule ADD COLUMN balance VARCHAR(2000) NOT NULL DEFAULT '[]';

ALTER TABLE registration ADD COLUMN community VARCHAR(40);
ALTER TABLE registration ADD COLUMN age_band VARCHAR(10);
ALTER TABLE registration ADD COLUMN gender VARCHAR(10);

ALTER TABLE selection ADD COLUMN objections_close_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE selection ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE selection ADD COLUMN republished_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX selection_open_idx ON selection (published, objections_close_at);

CREATE SEQUENCE selection_run_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE selection_run (
    id                  BIGINT PRIMARY KEY,
    event_id            BIGINT NOT NULL REFERENCES event (id),
    ran_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    seed                VARCHAR(64) NOT NULL,
    input_hash          VARCHAR(64) NOT NULL,
    reason              VARCHAR(500),
    ran_by              BIGINT NOT NULL REFERENCES account (id)
);
CREATE INDEX selection_run_event_idx ON selection_run (event_id, ran_at);

CREATE SEQUENCE selection_objection_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE selection_objection (
    id                  BIGINT PRIMARY KEY,
    event_id            BIGINT NOT NULL REFERENCES event (id),
    author_id           BIGINT REFERENCES account (id),
    entered_by          BIGINT REFERENCES account (id),
    text                VARCHAR(2000) NOT NULL,
    received_on         DATE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(20) NOT NULL,
    department_id       BIGINT REFERENCES department (id),
    assigned_by         BIGINT REFERENCES account (id),
    assigned_at         TIMESTAMP WITH TIME ZONE,
    acknowledge_due_on  DATE,
    acknowledged_at     TIMESTAMP WITH TIME ZONE,
    due_on              DATE,
    extended_reason     VARCHAR(500),
    extended_at         TIMESTAMP WITH TIME ZONE,
    answered_by         BIGINT REFERENCES account (id),
    answered_at         TIMESTAMP WITH TIME ZONE,
    outcome             VARCHAR(20),
    reason              VARCHAR(2000),
    plan                VARCHAR(2000),
    returned_reason     VARCHAR(500),
    published_by        BIGINT REFERENCES account (id),
    published_at        TIMESTAMP WITH TIME ZONE,
    rating              INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment      VARCHAR(500),
    rated_at            TIMESTAMP WITH TIME ZONE,
    flagged_at          TIMESTAMP WITH TIME ZONE,
    version             BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX selection_objection_event_idx ON selection_objection (event_id, created_at);
CREATE INDEX selection_objection_queue_idx ON selection_objection (department_id, status, due_on);
CREATE INDEX selection_objection_author_idx ON selection_objection (author_id, created_at);

CREATE SEQUENCE selection_revision_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE selection_revision (
    id                  BIGINT PRIMARY KEY,
    event_id            BIGINT NOT NULL REFERENCES event (id),
    made_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    objection_id        BIGINT NOT NULL REFERENCES selection_objection (id),
    removed_id          BIGINT NOT NULL REFERENCES registration (id),
    promoted_id         BIGINT REFERENCES registration (id),
    reason              VARCHAR(2000) NOT NULL,
    made_by             BIGINT NOT NULL REFERENCES account (id),
    CONSTRAINT selection_revision_removed_uq UNIQUE (removed_id)
);
CREATE INDEX selection_revision_event_idx ON selection_revision (event_id, made_at);

ALTER TABLE representative ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE representative ADD COLUMN reminded_for DATE;
ALTER TABLE representative ADD COLUMN reminders INTEGER NOT NULL DEFAULT 0;

CREATE SEQUENCE nomination_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE nomination (
    id                  BIGINT PRIMARY KEY,
    kind                VARCHAR(20) NOT NULL,
    nominee_id          BIGINT NOT NULL REFERENCES account (id),
    nominated_by        BIGINT NOT NULL REFERENCES account (id),
    committee           VARCHAR(60),
    categories          VARCHAR(120) NOT NULL,
    interests           VARCHAR(500),
    organisation        VARCHAR(120),
    adult_declared      BOOLEAN NOT NULL,
    residency           VARCHAR(20) NOT NULL,
    statement           VARCHAR(1000) NOT NULL,
    status              VARCHAR(20) NOT NULL,
    decision_reason     VARCHAR(500),
    decided_by          BIGINT REFERENCES account (id),
    decided_at          TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX nomination_status_idx ON nomination (status, created_at);
CREATE INDEX nomination_nominee_idx ON nomination (nominee_id, status);
