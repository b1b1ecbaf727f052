-- The reminder the day before an event: when it was sent for a registration. Claimed with a conditional UPDATE,
-- so it goes out once per registration however many instances run the job.
ALTER TABLE registration ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
