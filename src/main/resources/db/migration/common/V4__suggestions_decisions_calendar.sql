-- Suggestions (意见建议) with supervision on the working-day clock (跟踪督办), answers, review, rating and
-- implementation milestones; the reminders already sent; meeting decisions (会议议定结果) per agenda item;
-- per-event suggestion settings; calendar years edited by admins (they win over config/calendar/).

CREATE SEQUENCE suggestion_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE suggestion_attachment_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE milestone_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE suggestion_setting (
    event_id        BIGINT PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
    window_days     INTEGER NOT NULL CHECK (window_days BETWEEN 0 AND 90),
    answer_days     INTEGER NOT NULL CHECK (answer_days BETWEEN 1 AND 120),
    version         BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE suggestion (
    id                  BIGINT PRIMARY KEY,
    event_id            BIGINT NOT NULL REFERENCES event (id),
    agenda_item_id      BIGINT REFERENCES agenda_item (id),
    registration_id     BIGINT REFERENCES registration (id),
    author_id           BIGINT REFERENCES account (id),
    on_behalf_of        VARCHAR(40),
    channel             VARCHAR(10) NOT NULL,
    entered_by          BIGINT NOT NULL REFERENCES account (id),
    text                VARCHAR(2000) NOT NULL,
    status              VARCHAR(20) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    department_id       BIGINT REFERENCES department (id),
    assigned_by         BIGINT REFERENCES account (id),
    assigned_at         TIMESTAMP WITH TIME ZONE,
    acknowledge_due_on  DATE,
    acknowledged_at     TIMESTAMP WITH TIME ZONE,
    due_on              DATE,
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
    -- set when the author rated the answer 2 stars or fewer, until an organiser has dealt with it
    flagged_at          TIMESTAMP WITH TIME ZONE,
    version             BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX suggestion_event_idx ON suggestion (event_id, status);
CREATE INDEX suggestion_queue_idx ON suggestion (department_id, status, due_on);
CREATE INDEX suggestion_author_idx ON suggestion (author_id, created_at);

CREATE TABLE suggestion_attachment (
    id              BIGINT PRIMARY KEY,
    suggestion_id   BIGINT NOT NULL REFERENCES suggestion (id) ON DELETE CASCADE,
    file_name       VARCHAR(120) NOT NULL,
    media_type      VARCHAR(40) NOT NULL,
    size_bytes      INTEGER NOT NULL,
    content         BYTEA NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX suggestion_attachment_idx ON suggestion_attachment (suggestion_id);

CREATE TABLE milestone (
    id              BIGINT PRIMARY KEY,
    suggestion_id   BIGINT NOT NULL REFERENCES suggestion (id) ON DELETE CASCADE,
    due_on          DATE NOT NULL,
    text            VARCHAR(500) NOT NULL,
    progress        INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    status          VARCHAR(20) NOT NULL,
    created_by      BIGINT NOT NULL REFERENCES account (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by    BIGINT REFERENCES account (id),
    published_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX milestone_suggestion_idx ON milestone (suggestion_id, due_on);

-- One reminder per suggestion per day, whichever instance inserts the row first sends it.
CREATE TABLE suggestion_reminder (
    suggestion_id   BIGINT NOT NULL REFERENCES suggestion (id) ON DELETE CASCADE,
    sent_on         DATE NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    PRIMARY KEY (suggestion_id, sent_on)
);

CREATE TABLE decision (
    agenda_item_id  BIGINT PRIMARY KEY REFERENCES agenda_item (id) ON DELETE CASCADE,
    event_id        BIGINT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    text            VARCHAR(4000) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    written_by      BIGINT NOT NULL REFERENCES account (id),
    written_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    review_note     VARCHAR(500),
    published_text  VARCHAR(4000),
    published_by    BIGINT REFERENCES account (id),
    published_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX decision_event_idx ON decision (event_id);

CREATE TABLE calendar_year (
    year_number     INTEGER PRIMARY KEY,
    content         VARCHAR(20000) NOT NULL,
    updated_by      BIGINT NOT NULL REFERENCES account (id),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0
);
