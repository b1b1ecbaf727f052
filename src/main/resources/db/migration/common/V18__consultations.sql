-- Consultation on policy drafts (征求意见): a draft in numbered paragraphs with its interpretation (政策解读), an open
-- period, organisations invited by name; comments on one paragraph or the whole, counted at once and public after
-- review, grouped by staff and answered through the one citizen-input workflow (the handling columns as for
-- suggestions); topics (主题) people follow to hear of new consultations.
CREATE SEQUENCE topic_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE topic (
    id                  BIGINT PRIMARY KEY,
    name                VARCHAR(40) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT topic_name_uq UNIQUE (name)
);

CREATE TABLE topic_subscription (
    account_id          BIGINT NOT NULL REFERENCES account (id),
    topic_id            BIGINT NOT NULL REFERENCES topic (id),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, topic_id)
);
CREATE INDEX topic_subscription_topic_idx ON topic_subscription (topic_id);

CREATE SEQUENCE consultation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE consultation (
    id                  BIGINT PRIMARY KEY,
    title               VARCHAR(200) NOT NULL,
    major_decision_id   BIGINT REFERENCES major_decision (id),
    topic_id            BIGINT REFERENCES topic (id),
    interpretation      VARCHAR(20000),
    opens_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(20) NOT NULL,
    author_id           BIGINT NOT NULL REFERENCES account (id),
    submitted_by        BIGINT REFERENCES account (id),
    review_note         VARCHAR(500),
    published_at        TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL,
    CONSTRAINT consultation_period_ck CHECK (closes_at > opens_at)
);
CREATE INDEX consultation_period_idx ON consultation (status, closes_at);

CREATE TABLE consultation_organisation (
    consultation_id     BIGINT NOT NULL REFERENCES consultation (id),
    ordinal             INTEGER NOT NULL,
    name                VARCHAR(100) NOT NULL,
    PRIMARY KEY (consultation_id, ordinal)
);

CREATE SEQUENCE consultation_paragraph_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE consultation_paragraph (
    id                  BIGINT PRIMARY KEY,
    consultation_id     BIGINT NOT NULL REFERENCES consultation (id),
    paragraph_number    INTEGER NOT NULL,
    text                VARCHAR(5000) NOT NULL,
    CONSTRAINT consultation_paragraph_uq UNIQUE (consultation_id, paragraph_number)
);

CREATE SEQUENCE comment_group_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE comment_group (
    id                  BIGINT PRIMARY KEY,
    consultation_id     BIGINT NOT NULL REFERENCES consultation (id),
    paragraph_id        BIGINT REFERENCES consultation_paragraph (id),
    title               VARCHAR(200) NOT NULL,
    department_id       BIGINT NOT NULL REFERENCES department (id),
    created_by          BIGINT NOT NULL REFERENCES account (id),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL
);
CREATE INDEX comment_group_consultation_idx ON comment_group (consultation_id);

CREATE SEQUENCE consultation_comment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE consultation_comment (
    id                  BIGINT PRIMARY KEY,
    consultation_id     BIGINT NOT NULL REFERENCES consultation (id),
    paragraph_id        BIGINT REFERENCES consultation_paragraph (id),
    author_id           BIGINT REFERENCES account (id),
    entered_by          BIGINT NOT NULL REFERENCES account (id),
    organisation        VARCHAR(100),
    text                VARCHAR(2000) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    moderation          VARCHAR(10) NOT NULL,
    moderated_by        BIGINT REFERENCES account (id),
    moderated_at        TIMESTAMP WITH TIME ZONE,
    group_id            BIGINT REFERENCES comment_group (id),
    status              VARCHAR(20) NOT NULL,
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
    flagged_at          TIMESTAMP WITH TIME ZONE,
    version             BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX consultation_comment_idx ON consultation_comment (consultation_id, paragraph_id);
CREATE INDEX consultation_comment_queue_idx ON consultation_comment (department_id, status, due_on);
CREATE INDEX consultation_comment_author_idx ON consultation_comment (author_id, created_at);
CREATE INDEX consultation_comment_group_idx ON consultation_comment (group_id);
