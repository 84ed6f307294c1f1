-- 0002: the official annual National Referral Mechanism totals, so quoted totals can be checked,
-- and referral_trends grown into the view behind `archive query referrals`.

-- Potential victims referred to the NRM in each calendar year, as the Home Office published them.
CREATE TABLE nrm_official_totals (
    year             INTEGER PRIMARY KEY CHECK (year BETWEEN 2009 AND 2100), -- calendar year
    first_published  INTEGER NOT NULL CHECK (first_published > 0), -- the total in the first annual statistics
    revised          INTEGER CHECK (revised IS NULL OR revised > 0)  -- the total as later revised; NULL if not revised
);
INSERT INTO nrm_official_totals (year, first_published, revised) VALUES
    (2019, 10627, 10611),
    (2020, 10613, 10601),
    (2021, 12727, 12706),
    (2022, 16938, 16921),
    (2023, 17004, 16990),
    (2024, 19125, NULL);

-- NRM referral figures quoted in current answers: one row per distinct value quoted for a period,
-- exploitation type and group, with the answers that quoted it. Two answers quoting different
-- numbers for the same thing give two rows, both marked `conflicting`. An annual total (a level count
-- with no exploitation type or group) is shown beside the official figures and checked
-- against both vintages of the official figure: within 0.5% of either is a match.
DROP VIEW referral_trends;
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
