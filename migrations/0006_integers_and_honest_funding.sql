-- 0006: whole numbers stored and shown as integers, each figure with the sentence that quotes it,
-- and funding totals that say what they count.
-- A figure's value took REAL affinity, so 1835000 was stored and shown as 1835000.0 (1.835e+06 in
-- some tools); with NUMERIC affinity a whole number is stored as an integer and a fraction (65.1)
-- as a real. SQLite cannot change a column's type, so the table is made again, its rows copied.

DROP VIEW referral_trends;
CREATE TABLE figures_numeric (
    id                 INTEGER PRIMARY KEY,     -- local id
    answer_version_id  INTEGER NOT NULL REFERENCES answer_versions(id) ON DELETE CASCADE, -- where it is quoted
    value              NUMERIC NOT NULL,        -- the number, normalised: '1,679' is 1679, '£4.3 million' is 4300000 (an integer when whole)
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
    evidence_end       INTEGER NOT NULL CHECK (evidence_end > evidence_start), -- end of the evidence (exclusive)
    direction          TEXT CHECK (direction IS NULL OR direction IN ('increase', 'decrease')), -- for a change, which way it went
    context            TEXT                     -- the sentence or table row that quotes it, to cite it with its meaning
);
INSERT INTO figures_numeric (id, answer_version_id, value, unit, qualifier, kind, period, measure, exploitation_type, population,
                             is_nrm_referrals, evidence, evidence_start, evidence_end, direction)
SELECT id, answer_version_id, value, unit, qualifier, kind, period, measure, exploitation_type, population,
       is_nrm_referrals, evidence, evidence_start, evidence_end, direction
FROM figures;
DROP TABLE figures;
ALTER TABLE figures_numeric RENAME TO figures;
CREATE INDEX figures_by_version ON figures(answer_version_id);
CREATE INDEX figures_nrm ON figures(period) WHERE is_nrm_referrals;

-- NRM referral figures quoted, as in 0002 (the table under it was made again above).
CREATE VIEW referral_trends AS
WITH quoted AS (
    SELECT f.period, f.exploitation_type, f.population, f.unit, f.kind, f.value,
           q.house, q.uin, v.date_answered, v.answer_id
    FROM figures f
    JOIN answer_versions v ON v.id = f.answer_version_id AND v.is_current
    JOIN questions q ON q.answer_id = v.answer_id
    WHERE f.is_nrm_referrals
),
valued AS (
    SELECT period, exploitation_type, population, unit, kind, value,
           count(DISTINCT answer_id) AS answers,
           group_concat(DISTINCT house || ' ' || uin) AS quoted_in,
           min(date_answered) AS first_quoted,
           max(date_answered) AS last_quoted
    FROM quoted
    GROUP BY period, exploitation_type, population, unit, kind, value
)
SELECT v.period, v.exploitation_type, v.population, v.unit, v.kind, v.value,
       v.answers, v.quoted_in, v.first_quoted, v.last_quoted,
       count(*) OVER (PARTITION BY v.period, v.exploitation_type, v.population, v.unit, v.kind) > 1 AS conflicting,
       o.first_published AS official_first_published,
       o.revised AS official_revised,
       CASE
           WHEN o.year IS NULL THEN NULL
           WHEN abs(v.value - o.first_published) <= 0.005 * o.first_published THEN 'matches first published'
           WHEN o.revised IS NOT NULL AND abs(v.value - o.revised) <= 0.005 * o.revised THEN 'matches revised'
           ELSE 'differs from official totals'
       END AS official_check
FROM valued v
LEFT JOIN nrm_official_totals o ON CAST(o.year AS TEXT) = v.period AND v.exploitation_type IS NULL
     AND v.population IS NULL AND v.unit = 'count' AND v.kind = 'level'
ORDER BY v.period, v.exploitation_type NULLS FIRST, v.population NULLS FIRST, v.unit, v.kind, v.value;

-- Money by recipient: as in 0004, with totals in whole pounds shown as integers, the financial
-- years the grants are for (`periods`), and the first and last answers that state them named for
-- what they are (`first_stated`, `last_stated`: the answers' dates, not the grants').
DROP VIEW funding_by_recipient;
CREATE VIEW funding_by_recipient AS
WITH live AS (
    SELECT m.grant_id, v.answer_id, v.date_answered
    FROM grant_mentions m
    JOIN answer_versions v ON v.id = m.answer_version_id AND v.is_current
    WHERE EXISTS (SELECT 1 FROM questions q WHERE q.answer_id = v.answer_id)
),
per_grant AS (
    SELECT g.id, g.amount_pence, g.recipient_id, g.funder_id, g.project, g.rate, g.financial_year,
           min(live.date_answered) AS first_stated, max(live.date_answered) AS last_stated
    FROM grants g JOIN live ON live.grant_id = g.id
    WHERE g.part_of_grant_id IS NULL OR g.part_of_grant_id NOT IN (SELECT grant_id FROM live)
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
),
periods_per_key AS (
    SELECT key, group_concat(financial_year, '; ') AS periods
    FROM (SELECT DISTINCT key, financial_year FROM grouped WHERE financial_year IS NOT NULL ORDER BY key, financial_year)
    GROUP BY key
)
SELECT g.key AS recipient,
       CASE WHEN sum(g.amount_pence) % 100 = 0 THEN sum(g.amount_pence) / 100 ELSE sum(g.amount_pence) / 100.0 END AS total_gbp,
       count(*) AS grants,
       count(g.rate) AS stated_as_rate,
       pk.periods,
       a.answers,
       min(g.first_stated) AS first_stated,
       max(g.last_stated) AS last_stated,
       fk.funders
FROM grouped g
JOIN answers_per_key a ON a.key = g.key
LEFT JOIN funders_per_key fk ON fk.key = g.key
LEFT JOIN periods_per_key pk ON pk.key = g.key
GROUP BY g.key
ORDER BY sum(g.amount_pence) DESC, g.key;
