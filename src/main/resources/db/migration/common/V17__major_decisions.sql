-- The year's catalogue of major administrative decisions (重大行政决策目录) and the public timeline of each item's
-- statutory steps. Items and steps are public only after review by someone who did not write them; an item added or
-- withdrawn after the year's catalogue was first published carries its reason.
CREATE SEQUENCE major_decision_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE major_decision (
    id                  BIGINT PRIMARY KEY,
    catalogue_year      INTEGER NOT NULL,
    item_number         INTEGER NOT NULL,
    title               VARCHAR(200) NOT NULL,
    department          VARCHAR(100) NOT NULL,
    legal_basis         VARCHAR(1000) NOT NULL,
    planned_period      VARCHAR(100) NOT NULL,
    status              VARCHAR(30) NOT NULL,
    added_during_year   BOOLEAN NOT NULL,
    added_reason        VARCHAR(500),
    withdrawal_reason   VARCHAR(500),
    review_note         VARCHAR(500),
    author_id           BIGINT NOT NULL REFERENCES account (id),
    submitted_by        BIGINT REFERENCES account (id),
    published_at        TIMESTAMP WITH TIME ZONE,
    withdrawn_at        TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL,
    CONSTRAINT major_decision_number_uq UNIQUE (catalogue_year, item_number)
);
CREATE INDEX major_decision_year_idx ON major_decision (catalogue_year, status);

CREATE SEQUENCE major_decision_step_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE major_decision_step (
    id                  BIGINT PRIMARY KEY,
    major_decision_id   BIGINT NOT NULL REFERENCES major_decision (id),
    kind                VARCHAR(30) NOT NULL,
    step_date           DATE NOT NULL,
    summary             VARCHAR(2000) NOT NULL,
    event_id            BIGINT REFERENCES event (id),
    status              VARCHAR(20) NOT NULL,
    author_id           BIGINT NOT NULL REFERENCES account (id),
    published_by        BIGINT REFERENCES account (id),
    published_at        TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL
);
CREATE INDEX major_decision_step_item_idx ON major_decision_step (major_decision_id);

CREATE TABLE major_decision_document (
    step_id             BIGINT NOT NULL REFERENCES major_decision_step (id),
    ordinal             INTEGER NOT NULL,
    title               VARCHAR(200) NOT NULL,
    url                 VARCHAR(500) NOT NULL,
    PRIMARY KEY (step_id, ordinal)
);
