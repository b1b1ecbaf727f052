-- After an event the organiser writes a summary (活动总结) and uploads photos; both are public only after a
-- reviewer who did not write them approves (photos go public with the summary they were reviewed with).
CREATE TABLE event_summary (
    event_id        BIGINT PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
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

CREATE SEQUENCE event_photo_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE event_photo (
    id              BIGINT PRIMARY KEY,
    event_id        BIGINT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    caption         VARCHAR(200),
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    size_bytes      INTEGER NOT NULL,
    content         BYTEA NOT NULL,
    uploaded_by     BIGINT NOT NULL REFERENCES account (id),
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_photo_event_idx ON event_photo (event_id, id);
