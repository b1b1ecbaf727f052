-- Meeting materials (会议材料) uploaded by organisers: PDF, Word, Excel or images, typed by their content. An agenda
-- item links to one; it is public once an approved version of the meeting names it.
CREATE SEQUENCE material_file_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE material_file (
    id              BIGINT PRIMARY KEY,
    event_id        BIGINT NOT NULL REFERENCES event (id),
    file_name       VARCHAR(120) NOT NULL,
    media_type      VARCHAR(100) NOT NULL,
    size_bytes      INTEGER NOT NULL,
    content         BYTEA NOT NULL,
    uploaded_by     BIGINT NOT NULL REFERENCES account (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX material_file_event_idx ON material_file (event_id);
-- when an approved version of a meeting first carried materials (the "N working days before" rule is judged on it)
ALTER TABLE event_publication ADD COLUMN materials_published_at TIMESTAMP WITH TIME ZONE;
