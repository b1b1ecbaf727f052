-- A citizen may delete their account (PIPL): the row stays so statistics and published suggestions keep their
-- counts and author ("已注销用户"), but every personal field is cleared and deleted_at is set.
ALTER TABLE account ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
