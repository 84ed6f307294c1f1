-- 0011: the same rules, checked for less. Nothing stored changes meaning.
--
-- Why: SQLite checks `x IN ('a', 'b', 'c')` (three or more constants) by building a temporary
-- b-tree of the constants, and a CHECK does that again for every row written. Writing a row of
-- `figures` built two of them, which was a visible share of storing an answer. The same rule
-- written `x = 'a' OR x = 'b' OR x = 'c'` is a few comparisons. It accepts and refuses exactly
-- the same values (NULL passes both ways, as a CHECK passes NULL).
--
-- A CHECK cannot be altered in place, so `figures` is made again and its rows copied, as 0006 did.
-- Nothing refers to a figure's row, so copying keeps every id and every link. The views over it
-- (current_figures, answer_corrections, referral_trends) keep working: legacy_alter_table makes
-- the rename leave them alone, and they name the table, which is back under its name at the end.
-- `answer_versions` keeps its IN check: other tables refer to its rows, and one check a version
-- is small next to the figures' several a version.
--
-- The search trigger on a new answer version no longer runs when no question has that answer
-- yet, as for every new answer: the question is stored after its answer, and its search row is
-- written then (0010). It did nothing in that case, but paid to find that out.

PRAGMA legacy_alter_table = ON;

CREATE TABLE figures_checked (
    id                 INTEGER PRIMARY KEY,     -- local id
    answer_version_id  INTEGER NOT NULL REFERENCES answer_versions(id) ON DELETE CASCADE, -- where it is quoted
    value              NUMERIC NOT NULL,        -- the number, normalised: '1,679' is 1679, '£4.3 million' is 4300000 (an integer when whole)
    unit               TEXT NOT NULL CHECK (unit = 'count' OR unit = 'percent' OR unit = 'gbp'), -- what the number counts
    qualifier          TEXT CHECK (qualifier IS NULL OR qualifier = 'over' OR qualifier = 'more than' OR qualifier = 'up to' OR qualifier = 'approximately' OR qualifier = 'nearly' OR qualifier = 'almost' OR qualifier = 'around' OR qualifier = 'at least' OR qualifier = 'fewer than' OR qualifier = 'less than' OR qualifier = 'under'), -- the hedge in the text
    kind               TEXT NOT NULL CHECK (kind IN ('level', 'change')), -- a level, or a change ('a 2% increase')
    period             TEXT,                    -- what time it refers to: '2023', '2023-24', '2023-Q2', '2019-2023'
    measure            TEXT,                    -- what it measures, in words from the answer
    exploitation_type  TEXT,                    -- for NRM figures: 'sexual exploitation', 'labour exploitation', ...
    population         TEXT,                    -- the group it is about: 'women', 'children', 'adults', ...
    is_nrm_referrals   INTEGER NOT NULL DEFAULT 0 CHECK (is_nrm_referrals IN (0, 1)), -- 1 if it counts National Referral Mechanism referrals
    evidence           TEXT NOT NULL,           -- the exact words of the answer that state it
    evidence_start     INTEGER NOT NULL CHECK (evidence_start >= 0), -- character offset of the evidence in the version's text
    evidence_end       INTEGER NOT NULL CHECK (evidence_end > evidence_start), -- end of the evidence (exclusive)
    direction          TEXT CHECK (direction IS NULL OR direction IN ('increase', 'decrease')), -- for a change, which way it went
    context            TEXT                     -- the sentence or table row that quotes it, to cite it with its meaning
);
INSERT INTO figures_checked (id, answer_version_id, value, unit, qualifier, kind, period, measure, exploitation_type,
                             population, is_nrm_referrals, evidence, evidence_start, evidence_end, direction, context)
SELECT id, answer_version_id, value, unit, qualifier, kind, period, measure, exploitation_type,
       population, is_nrm_referrals, evidence, evidence_start, evidence_end, direction, context
FROM figures;
DROP TABLE figures;
ALTER TABLE figures_checked RENAME TO figures;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX figures_in_order ON figures(answer_version_id, evidence_start);
CREATE INDEX figures_nrm_values ON figures(period, exploitation_type, population, unit, kind, value, answer_version_id)
    WHERE is_nrm_referrals;

DROP TRIGGER answer_versions_search_insert;
CREATE TRIGGER answer_versions_search_insert AFTER INSERT ON answer_versions
WHEN new.is_current AND EXISTS (SELECT 1 FROM questions WHERE answer_id = new.answer_id) BEGIN
    DELETE FROM search WHERE rowid IN (SELECT id FROM questions WHERE answer_id = new.answer_id);
    INSERT INTO search(rowid, heading, question_text, answer_text)
    SELECT id, heading, question_text, new.text FROM questions WHERE answer_id = new.answer_id;
END;
