-- Registration forms show the privacy notice; each registration records the version the person agreed to.
ALTER TABLE registration ADD COLUMN consent_version VARCHAR(20);
