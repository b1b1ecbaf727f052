-- A reviewer may return a step of the decision catalogue with a reason instead of publishing it; the organiser then
-- adds a corrected step. The returned step stays, visible to staff only, with the reason.
ALTER TABLE major_decision_step ADD COLUMN review_note VARCHAR(500);
