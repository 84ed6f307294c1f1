-- 0005: which extractor read each answer version, so an archive's figures and grants can follow the
-- extractor that reads them (`archive reextract`), and what each statement of a grant says of it,
-- so a grant's fields can be derived again from its statements.

-- The extractor version (Extractor.version) that read this version's figures and grants; NULL for
-- facts read before versions were recorded: they count as stale.
ALTER TABLE answer_versions ADD COLUMN extractor_version INTEGER;
CREATE INDEX answer_versions_by_extractor ON answer_versions(extractor_version);

-- 1 when question_text is a list excerpt that may be cut short (then extraction does not read it).
ALTER TABLE questions ADD COLUMN question_text_is_truncated INTEGER NOT NULL DEFAULT 0 CHECK (question_text_is_truncated IN (0, 1));

-- What this statement says of its grant: the grant's own project, programme, funder and total are
-- those of its first statement that names one (in the order the statements were stored).
ALTER TABLE grant_mentions ADD COLUMN project TEXT;            -- the project this statement names
ALTER TABLE grant_mentions ADD COLUMN programme TEXT;          -- the fund or programme this statement names
ALTER TABLE grant_mentions ADD COLUMN funder_id INTEGER REFERENCES organisations(id); -- the funder: named in the text, else the answering body
ALTER TABLE grant_mentions ADD COLUMN total_grant_id INTEGER REFERENCES grants(id);   -- the larger grant this statement says it is part of
