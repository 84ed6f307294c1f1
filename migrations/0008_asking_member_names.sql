-- 0008: the asking member as a saved page names them ("Asked by Jess Phillips"), when the source
-- gives no Parliament member id to join `members` by; reports show it where `members` has nobody.
ALTER TABLE questions ADD COLUMN asking_member_name TEXT; -- the asker's name as the source page gives it
