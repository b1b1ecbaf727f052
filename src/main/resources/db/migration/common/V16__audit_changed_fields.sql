-- An edit's audit entry names the fields it changed (comma-separated names, shown by their labels), so the log says
-- what an edit did, not only that there was one.
ALTER TABLE audit_entry ADD COLUMN changed VARCHAR(400);
