-- The message board (政策留言板): questions, suggestions and complaints acknowledged the same working day and answered
-- within five working days through the one citizen-input workflow (the handling columns as for suggestions), tagged
-- with topics; FAQ entries (常见问题) made from answered messages; topic investigations (专题调查) opened when messages
-- on one topic pile up. Every kind of input may now have its answer deadline extended, with a reason.
ALTER TABLE suggestion ADD COLUMN extended_reason VARCHAR(500);
ALTER TABLE suggestion ADD COLUMN extended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consultation_comment ADD COLUMN extended_reason VARCHAR(500);
ALTER TABLE consultation_comment ADD COLUMN extended_at TIMESTAMP WITH TIME ZONE;

CREATE SEQUENCE message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE message (
    id                  BIGINT PRIMARY KEY,
    author_id           BIGINT REFERENCES account (id),
    entered_by          BIGINT REFERENCES account (id),
    kind                VARCHAR(20) NOT NULL,
    text                VARCHAR(2000) NOT NULL,
    consultation_id     BIGINT REFERENCES consultation (id),
    public_wanted       BOOLEAN NOT NULL,
    received_on         DATE NOT NULL,
    acknowledgement     VARCHAR(500),
    acknowledgement_templated BOOLEAN NOT NULL DEFAULT FALSE,
    acknowledged_by     BIGINT REFERENCES account (id),
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
CREATE INDEX message_queue_idx ON message (department_id, status, due_on);
CREATE INDEX message_author_idx ON message (author_id, created_at);
CREATE INDEX message_public_idx ON message (status, public_wanted, published_at);

CREATE TABLE message_topic (
    message_id          BIGINT NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    topic_id            BIGINT NOT NULL REFERENCES topic (id),
    PRIMARY KEY (message_id, topic_id)
);
CREATE INDEX message_topic_topic_idx ON message_topic (topic_id);

CREATE SEQUENCE message_attachment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE message_attachment (
    id              BIGINT PRIMARY KEY,
    message_id      BIGINT NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    file_name       VARCHAR(120) NOT NULL,
    media_type      VARCHAR(40) NOT NULL,
    size_bytes      INTEGER NOT NULL,
    content         BYTEA NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX message_attachment_idx ON message_attachment (message_id);

CREATE SEQUENCE faq_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE faq (
    id                  BIGINT PRIMARY KEY,
    topic_id            BIGINT NOT NULL REFERENCES topic (id),
    question            VARCHAR(500) NOT NULL,
    answer              VARCHAR(4000) NOT NULL,
    status              VARCHAR(20) NOT NULL,
    author_id           BIGINT NOT NULL REFERENCES account (id),
    review_note         VARCHAR(500),
    published_by        BIGINT REFERENCES account (id),
    published_at        TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL
);
CREATE INDEX faq_topic_idx ON faq (status, topic_id);

CREATE TABLE faq_message (
    faq_id              BIGINT NOT NULL REFERENCES faq (id) ON DELETE CASCADE,
    message_id          BIGINT NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    PRIMARY KEY (faq_id, message_id)
);

CREATE SEQUENCE investigation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE investigation (
    id                  BIGINT PRIMARY KEY,
    topic_id            BIGINT NOT NULL REFERENCES topic (id),
    title               VARCHAR(200) NOT NULL,
    findings            VARCHAR(8000),
    conclusion          VARCHAR(8000),
    status              VARCHAR(20) NOT NULL,
    opened_by           BIGINT NOT NULL REFERENCES account (id),
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by        BIGINT REFERENCES account (id),
    review_note         VARCHAR(500),
    published_by        BIGINT REFERENCES account (id),
    published_at        TIMESTAMP WITH TIME ZONE,
    version             BIGINT NOT NULL
);
CREATE INDEX investigation_topic_idx ON investigation (topic_id, status);

CREATE TABLE investigation_message (
    investigation_id    BIGINT NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
    message_id          BIGINT NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    PRIMARY KEY (investigation_id, message_id)
);
CREATE INDEX investigation_message_idx ON investigation_message (message_id);
