-- Reminders of the one citizen-input workflow, for every kind of input (the suggestions' table before): one row per
-- input and day, so a reminder goes out once a day however many instances send them.
CREATE TABLE input_reminder (
    source      VARCHAR(20) NOT NULL,
    input_id    BIGINT NOT NULL,
    sent_on     DATE NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    PRIMARY KEY (source, input_id, sent_on)
);
INSERT INTO input_reminder (source, input_id, sent_on, kind) SELECT 'suggestion', suggestion_id, sent_on, kind FROM suggestion_reminder;
DROP TABLE suggestion_reminder;
