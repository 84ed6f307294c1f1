-- 0001: the archive schema.
-- Dates are ISO-8601 text: 'YYYY-MM-DD' for days, 'YYYY-MM-DDTHH:MM:SSZ' (UTC) for moments.
-- `x IS date(x, '+0 days')` admits only real days (the modifier makes SQLite normalise '2024-02-30',
-- so it no longer matches) and lets NULL through where a column allows NULL.
-- Flags are 0 or 1; NULL means the source did not say. Money is integer pence.
-- Evidence offsets count Unicode characters from 0, end exclusive, into the version's `text`, so
-- substr(text, evidence_start + 1, evidence_end - evidence_start) = evidence.

-- Government departments and other bodies that answer questions.
CREATE TABLE answering_bodies (
    id          INTEGER PRIMARY KEY,            -- local id
    api_id      INTEGER UNIQUE,                 -- Parliament's answeringBodyId (Home Office = 1); NULL when only the name is known
    name        TEXT NOT NULL UNIQUE            -- name as Parliament gives it, e.g. 'Home Office'
);

-- Members of either House, by their Parliament member id.
CREATE TABLE members (
    id                  INTEGER PRIMARY KEY,    -- Parliament's member id
    name                TEXT,                   -- display name, when the source expanded the member
    list_as             TEXT,                   -- sortable name, e.g. 'Phillips, Jess'
    party               TEXT,                   -- party name
    party_abbreviation  TEXT,                   -- party abbreviation, e.g. 'Lab'
    member_from         TEXT,                   -- constituency or peerage title
    thumbnail_url       TEXT                    -- portrait URL as given (recorded, never fetched)
);

-- Every run of `archive ingest`.
CREATE TABLE ingest_runs (
    id                  INTEGER PRIMARY KEY,    -- run number
    started_at          TEXT NOT NULL CHECK (started_at IS strftime('%Y-%m-%dT%H:%M:%SZ', started_at)), -- when it began (UTC)
    ended_at            TEXT CHECK (ended_at IS strftime('%Y-%m-%dT%H:%M:%SZ', ended_at)), -- when it ended; NULL while running or if killed
    outcome             TEXT NOT NULL DEFAULT 'running'
                        CHECK (outcome IN ('running', 'ok', 'rejections', 'failed')), -- 'rejections': some files were rejected
    files_seen          INTEGER NOT NULL DEFAULT 0 CHECK (files_seen >= 0),          -- input files found
    files_skipped       INTEGER NOT NULL DEFAULT 0 CHECK (files_skipped >= 0),       -- already recorded (same SHA-256)
    files_ingested      INTEGER NOT NULL DEFAULT 0 CHECK (files_ingested >= 0),      -- stored in full
    files_rejected      INTEGER NOT NULL DEFAULT 0 CHECK (files_rejected >= 0),      -- unreadable or invalid; see sources.error
    questions_new       INTEGER NOT NULL DEFAULT 0 CHECK (questions_new >= 0),       -- questions first seen in this run
    questions_updated   INTEGER NOT NULL DEFAULT 0 CHECK (questions_updated >= 0),   -- known questions whose record changed
    versions_added      INTEGER NOT NULL DEFAULT 0 CHECK (versions_added >= 0)       -- answer versions added
);

-- Every input file the archive has read, by content hash.
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,        -- local id
    path            TEXT NOT NULL,              -- path as given to `archive ingest` when last read
    size_bytes      INTEGER NOT NULL CHECK (size_bytes >= 0), -- file size
    sha256          TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64), -- hex SHA-256 of the bytes; a file seen again is skipped
    format          TEXT CHECK (format IS NULL OR format IN ('api-item', 'api-list', 'page-text')), -- what the content was recognised as
    status          TEXT NOT NULL CHECK (status IN ('ingested', 'rejected')), -- rejected files are retried on the next run
    error           TEXT CHECK ((status = 'rejected') = (error IS NOT NULL)), -- why it was rejected
    ingest_run_id   INTEGER NOT NULL REFERENCES ingest_runs(id), -- the run that last read it
    recorded_at     TEXT NOT NULL CHECK (recorded_at IS strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at)) -- when (UTC)
);

-- One answer, shared by every question answered together (grouped questions).
CREATE TABLE answers (
    id                   INTEGER PRIMARY KEY,   -- local id
    date_holding_answer  TEXT CHECK (date_holding_answer IS date(date_holding_answer, '+0 days')) -- when a holding answer was given first, if one was
);

-- Written questions. UINs restart each session, so a question is known by house, date tabled and UIN.
CREATE TABLE questions (
    id                  INTEGER PRIMARY KEY,    -- local id (also the rowid of `search`)
    api_id              INTEGER UNIQUE,         -- Parliament's question id; NULL when the source does not give it
    uin                 TEXT NOT NULL CHECK (length(uin) > 0), -- unique identification number, e.g. '7814' or 'HL14174'
    house               TEXT NOT NULL CHECK (house IN ('Commons', 'Lords')), -- the House it was tabled in
    date_tabled         TEXT NOT NULL CHECK (date_tabled IS date(date_tabled, '+0 days')), -- day tabled
    date_for_answer     TEXT CHECK (date_for_answer IS date(date_for_answer, '+0 days')), -- day an answer was due
    is_named_day        INTEGER CHECK (is_named_day IN (0, 1)), -- 1 if the MP named the day for the answer (Commons only)
    is_withdrawn        INTEGER CHECK (is_withdrawn IN (0, 1)), -- 1 if the question was withdrawn
    member_has_interest INTEGER CHECK (member_has_interest IN (0, 1)), -- 1 if the asking member declared an interest
    heading             TEXT,                   -- subject heading, e.g. 'Human Trafficking: Prostitution'
    question_text       TEXT,                   -- the question as tabled (may be cut short in list excerpts)
    asking_member_id    INTEGER REFERENCES members(id), -- who asked
    answering_body_id   INTEGER REFERENCES answering_bodies(id), -- who was asked
    answer_id           INTEGER REFERENCES answers(id), -- its answer; NULL while unanswered
    UNIQUE (house, date_tabled, uin)
);
CREATE INDEX questions_by_answer ON questions(answer_id);
CREATE INDEX questions_by_body ON questions(answering_body_id);
CREATE INDEX questions_by_uin ON questions(uin, house);           -- grouped questions are listed by UIN

-- Other questions answered together with a question, as the source lists them.
CREATE TABLE grouped_questions (
    question_id          INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE, -- the question whose record lists the group
    grouped_uin          TEXT NOT NULL,         -- UIN of a question answered with it
    grouped_date_tabled  TEXT CHECK (grouped_date_tabled IS date(grouped_date_tabled, '+0 days')), -- its day tabled, when given
    PRIMARY KEY (question_id, grouped_uin)
) WITHOUT ROWID;
CREATE INDEX grouped_questions_by_uin ON grouped_questions(grouped_uin); -- who lists this question in its group

-- Files attached to a question's answer (recorded, never fetched).
CREATE TABLE attachments (
    id              INTEGER PRIMARY KEY,        -- local id
    question_id     INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE, -- the question it belongs to
    url             TEXT NOT NULL,              -- where Parliament publishes it
    title           TEXT,                       -- its title
    file_type       TEXT,                       -- e.g. 'Excel SpreadSheet', 'PDF'
    file_size_bytes INTEGER CHECK (file_size_bytes IS NULL OR file_size_bytes >= 0), -- size as given
    UNIQUE (question_id, url)
);

-- Every version of an answer: holding answer, substantive answer, corrections.
CREATE TABLE answer_versions (
    id                    INTEGER PRIMARY KEY,  -- local id
    answer_id             INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE, -- the answer it is a version of
    kind                  TEXT NOT NULL CHECK (kind IN ('holding', 'substantive', 'correction')), -- what this version is
    date_answered         TEXT NOT NULL CHECK (date_answered IS date(date_answered, '+0 days')), -- day this version was given
    answering_member_id   INTEGER REFERENCES members(id), -- who answered
    correcting_member_id  INTEGER REFERENCES members(id), -- who corrected it (corrections only)
    html                  TEXT,                 -- the answer as published (HTML); NULL when the source had only text
    text                  TEXT NOT NULL,        -- plain text: paragraphs split by blank lines, '- ' list items, ' | ' table cells
    is_truncated          INTEGER NOT NULL CHECK (is_truncated IN (0, 1)), -- 1 for a list excerpt (255 characters and '...')
    is_current            INTEGER NOT NULL CHECK (is_current IN (0, 1)), -- 1 for the version that stands now
    source_id             INTEGER NOT NULL REFERENCES sources(id), -- the file it came from
    CHECK (kind = 'correction' OR correcting_member_id IS NULL)
);
CREATE UNIQUE INDEX answer_versions_one_current ON answer_versions(answer_id) WHERE is_current;
CREATE INDEX answer_versions_by_answer ON answer_versions(answer_id, date_answered);
CREATE INDEX answer_versions_by_date ON answer_versions(date_answered) WHERE is_current;
CREATE INDEX answer_versions_by_source ON answer_versions(source_id);

-- Statistics quoted in an answer version: counts, percentages and sums of money that are not grants.
CREATE TABLE figures (
    id                 INTEGER PRIMARY KEY,     -- local id
    answer_version_id  INTEGER NOT NULL REFERENCES answer_versions(id) ON DELETE CASCADE, -- where it is quoted
    value              REAL NOT NULL,           -- the number, normalised: '1,679' is 1679, '£4.3 million' is 4300000
    unit               TEXT NOT NULL CHECK (unit IN ('count', 'percent', 'gbp')), -- what the number counts
    qualifier          TEXT CHECK (qualifier IS NULL OR qualifier IN ('over', 'more than', 'up to', 'approximately', 'nearly', 'almost', 'around', 'at least', 'fewer than', 'less than', 'under')), -- the hedge in the text
    kind               TEXT NOT NULL CHECK (kind IN ('level', 'change')), -- a level, or a change ('a 2% increase')
    period             TEXT,                    -- what time it refers to: '2023', '2023-24', '2023-Q2', '2019-2023'
    measure            TEXT,                    -- what it measures, in words from the answer
    exploitation_type  TEXT,                    -- for NRM figures: 'sexual exploitation', 'labour exploitation', ...
    population         TEXT,                    -- the group it is about: 'women', 'children', 'adults', ...
    is_nrm_referrals   INTEGER NOT NULL DEFAULT 0 CHECK (is_nrm_referrals IN (0, 1)), -- 1 if it counts National Referral Mechanism referrals
    evidence           TEXT NOT NULL,           -- the exact words of the answer that state it
    evidence_start     INTEGER NOT NULL CHECK (evidence_start >= 0), -- character offset of the evidence in the version's text
    evidence_end       INTEGER NOT NULL CHECK (evidence_end > evidence_start) -- end of the evidence (exclusive)
);
CREATE INDEX figures_by_version ON figures(answer_version_id);
CREATE INDEX figures_nrm ON figures(period) WHERE is_nrm_referrals;

-- Organisations: canonical names of recipients and funders.
CREATE TABLE organisations (
    id    INTEGER PRIMARY KEY,                  -- local id
    name  TEXT NOT NULL,                        -- the canonical name, e.g. 'Changing Lives'
    key   TEXT NOT NULL UNIQUE                  -- the name folded for matching: no quotes, 'the', case or punctuation
);

-- Every way an organisation's name has been written, and known aliases.
CREATE TABLE organisation_names (
    name             TEXT PRIMARY KEY,          -- the name exactly as written, e.g. '‘Changing Lives’'
    key              TEXT NOT NULL,             -- its folded form; an alias's key differs from its organisation's
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE -- who it names
) WITHOUT ROWID;
CREATE INDEX organisation_names_by_key ON organisation_names(key);
CREATE INDEX organisation_names_by_organisation ON organisation_names(organisation_id);

-- Distinct grants: the same recipient, amount and duration restated in many answers is one row.
CREATE TABLE grants (
    id               INTEGER PRIMARY KEY,       -- local id
    recipient_id     INTEGER NOT NULL REFERENCES organisations(id), -- who receives the money
    funder_id        INTEGER REFERENCES organisations(id), -- who gives it: the answering body unless the answer names another; NULL if unknown
    amount_pence     INTEGER NOT NULL CHECK (amount_pence > 0), -- the sum, in whole pence
    duration_months  INTEGER CHECK (duration_months IS NULL OR duration_months > 0), -- 'over three years' is 36
    financial_year   TEXT CHECK (financial_year IS NULL OR financial_year GLOB '[12][0-9][0-9][0-9]-[0-9][0-9]'), -- e.g. '2024-25'
    project          TEXT,                      -- the project funded, e.g. 'Net-Reach'
    programme        TEXT                       -- the funding programme or fund, when named
);
CREATE UNIQUE INDEX grants_identity ON grants(recipient_id, amount_pence, coalesce(duration_months, 0), coalesce(financial_year, ''));
CREATE INDEX grants_by_funder ON grants(funder_id);

-- Each statement of a grant in an answer version.
CREATE TABLE grant_mentions (
    id                 INTEGER PRIMARY KEY,     -- local id
    grant_id           INTEGER NOT NULL REFERENCES grants(id), -- the grant stated
    answer_version_id  INTEGER NOT NULL REFERENCES answer_versions(id) ON DELETE CASCADE, -- where it is stated
    recipient_as_written TEXT NOT NULL,         -- the recipient exactly as the answer writes it
    evidence           TEXT NOT NULL,           -- the exact words of the answer that state it
    evidence_start     INTEGER NOT NULL CHECK (evidence_start >= 0), -- character offset of the evidence in the version's text
    evidence_end       INTEGER NOT NULL CHECK (evidence_end > evidence_start), -- end of the evidence (exclusive)
    UNIQUE (answer_version_id, evidence_start, grant_id)   -- "£150,000 each to A and B": one span, two grants
);
CREATE INDEX grant_mentions_by_grant ON grant_mentions(grant_id);

-- MARK: full-text search over heading, question and current answer, one row per question.
-- Kept by the triggers below, so any change made with SQL keeps it right.
CREATE VIRTUAL TABLE search USING fts5(
    heading,                                    -- the question's heading
    question_text,                              -- the question
    answer_text,                                -- the text of the current answer version
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER questions_search_insert AFTER INSERT ON questions BEGIN
    INSERT INTO search(rowid, heading, question_text, answer_text)
    VALUES (new.id, new.heading, new.question_text,
            (SELECT text FROM answer_versions WHERE answer_id = new.answer_id AND is_current));
END;

CREATE TRIGGER questions_search_update AFTER UPDATE OF heading, question_text, answer_id ON questions BEGIN
    DELETE FROM search WHERE rowid = old.id;
    INSERT INTO search(rowid, heading, question_text, answer_text)
    VALUES (new.id, new.heading, new.question_text,
            (SELECT text FROM answer_versions WHERE answer_id = new.answer_id AND is_current));
END;

CREATE TRIGGER questions_search_delete AFTER DELETE ON questions BEGIN
    DELETE FROM search WHERE rowid = old.id;
END;

-- A version becoming current (or its text changing) re-indexes every question sharing the answer.
CREATE TRIGGER answer_versions_search_insert AFTER INSERT ON answer_versions WHEN new.is_current BEGIN
    DELETE FROM search WHERE rowid IN (SELECT id FROM questions WHERE answer_id = new.answer_id);
    INSERT INTO search(rowid, heading, question_text, answer_text)
    SELECT id, heading, question_text, new.text FROM questions WHERE answer_id = new.answer_id;
END;

CREATE TRIGGER answer_versions_search_update AFTER UPDATE OF is_current, text ON answer_versions
WHEN new.is_current OR old.is_current BEGIN
    DELETE FROM search WHERE rowid IN (SELECT id FROM questions WHERE answer_id = new.answer_id);
    INSERT INTO search(rowid, heading, question_text, answer_text)
    SELECT q.id, q.heading, q.question_text,
           (SELECT v.text FROM answer_versions v WHERE v.answer_id = q.answer_id AND v.is_current)
    FROM questions q WHERE q.answer_id = new.answer_id;
END;

CREATE TRIGGER answer_versions_search_delete AFTER DELETE ON answer_versions WHEN old.is_current BEGIN
    DELETE FROM search WHERE rowid IN (SELECT id FROM questions WHERE answer_id = old.answer_id);
    INSERT INTO search(rowid, heading, question_text, answer_text)
    SELECT q.id, q.heading, q.question_text,
           (SELECT v.text FROM answer_versions v WHERE v.answer_id = q.answer_id AND v.is_current)
    FROM questions q WHERE q.answer_id = old.answer_id;
END;

-- MARK: views for people typing SQL.

-- Each question with its current answer version (unanswered questions have NULL answer columns).
CREATE VIEW question_answers AS
SELECT q.id AS question_id, q.api_id, q.uin, q.house, q.date_tabled, q.date_for_answer,
       q.is_named_day, q.is_withdrawn, q.heading, q.question_text,
       b.name AS answering_body, q.asking_member_id,
       v.id AS answer_version_id, v.kind AS answer_kind, v.date_answered,
       v.answering_member_id, v.text AS answer_text, v.is_truncated,
       (SELECT count(*) FROM answer_versions x WHERE x.answer_id = q.answer_id) AS version_count
FROM questions q
LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
LEFT JOIN answer_versions v ON v.answer_id = q.answer_id AND v.is_current;

-- Money by recipient over distinct grants stated in current answer versions, so a grant restated
-- in many answers counts once.
CREATE VIEW funding_by_recipient AS
WITH live AS (
    SELECT m.grant_id, v.answer_id, v.date_answered
    FROM grant_mentions m
    JOIN answer_versions v ON v.id = m.answer_version_id AND v.is_current
    WHERE EXISTS (SELECT 1 FROM questions q WHERE q.answer_id = v.answer_id)
),
per_grant AS (
    SELECT g.id, g.amount_pence, g.recipient_id, g.funder_id, g.project,
           min(live.date_answered) AS first_answered, max(live.date_answered) AS last_answered
    FROM grants g JOIN live ON live.grant_id = g.id
    GROUP BY g.id
),
grouped AS (
    SELECT r.name AS key, p.*, f.name AS funder_name
    FROM per_grant p
    JOIN organisations r ON r.id = p.recipient_id
    LEFT JOIN organisations f ON f.id = p.funder_id
),
answers_per_key AS (
    SELECT g.key, count(DISTINCT l.answer_id) AS answers
    FROM grouped g JOIN live l ON l.grant_id = g.id
    GROUP BY g.key
),
funders_per_key AS (
    SELECT key, group_concat(funder_name, '; ') AS funders
    FROM (SELECT DISTINCT key, funder_name FROM grouped WHERE funder_name IS NOT NULL ORDER BY key, funder_name)
    GROUP BY key
)
SELECT g.key AS recipient,
       sum(g.amount_pence) / 100.0 AS total_gbp,
       count(*) AS grants,
       a.answers,
       min(g.first_answered) AS first_answered,
       max(g.last_answered) AS last_answered,
       fk.funders
FROM grouped g
JOIN answers_per_key a ON a.key = g.key
LEFT JOIN funders_per_key fk ON fk.key = g.key
GROUP BY g.key
ORDER BY total_gbp DESC, g.key;

-- NRM referral figures quoted in current answer versions, with the answer that quoted each.
CREATE VIEW referral_trends AS
SELECT f.period, f.exploitation_type, f.population, f.unit, f.kind, f.value, f.measure,
       q.uin, q.house, v.date_answered, f.evidence
FROM figures f
JOIN answer_versions v ON v.id = f.answer_version_id AND v.is_current
JOIN questions q ON q.answer_id = v.answer_id
WHERE f.is_nrm_referrals
ORDER BY f.period, f.exploitation_type, f.population, v.date_answered, q.uin;
