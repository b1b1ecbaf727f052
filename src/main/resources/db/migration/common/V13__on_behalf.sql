-- 代为报名 / 现场登记 of residents without an account: staff record name and phone (consent on paper); the person
-- gets an account row no password opens, which signing up later with the same phone takes over.
ALTER TABLE account ADD COLUMN recorded_by BIGINT;
