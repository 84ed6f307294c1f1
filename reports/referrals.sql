-- title: NRM referral figures quoted in answers
-- description: National Referral Mechanism referral figures quoted in answers as they stand now:
--   one row for each period, exploitation type, group, unit and kind, with the value the latest
--   answer quoted, every value answers have quoted for it, and whether they disagree. A quoted
--   annual total of all referrals is checked against the Home Office's official totals (first
--   published and revised): within 0.5% it matches, else it differs.
-- view: referral_trends
-- column period text: the time it refers to: '2023', '2023-24', '2023-Q2'
-- column exploitation_type text: the kind of exploitation, when the figure is for one
-- column population text: the group, when the figure is for one ('children', 'adults', ...)
-- column unit text: count or percent
-- column kind text: level, or change
-- column value decimal: the value the most recent answer quoted
-- column answers integer: how many answers quoted a value for it
-- column values_quoted integer: how many different values answers have quoted for it
-- column all_values text: those values, smallest first, comma-separated
-- column conflicting integer: 1 when answers quoted more than one value for it
-- column first_quoted date: the first day an answer quoted it
-- column last_quoted date: the last day an answer quoted it
-- column last_quoted_in text: the question (house and UIN) whose answer quoted it last
-- column official_first_published integer: for a calendar year's total, the official total as first published
-- column official_revised integer: the official total as later revised, when it was
-- column official_check text: whether the value matches the official totals
--
-- Read straight from the tables, not current_figures: one pass over the index of NRM figures in
-- this order, and each answer version's day from a small covering index (SQLite would otherwise
-- read each version's whole row, text and all), keeps it well under a second at 100,000 answers.
WITH quoted AS (
    SELECT f.period, f.exploitation_type, f.population, f.unit, f.kind,
           -- The latest quote: its day, then its answer (the later one on a tie), then its value.
           max(v.date_answered || printf('%012d', v.answer_id) || f.value) AS latest,
           min(v.date_answered) AS first_quoted,
           count(DISTINCT v.answer_id) AS answers,
           count(DISTINCT f.value) AS values_quoted,
           group_concat(DISTINCT f.value) AS all_values
    FROM figures f INDEXED BY figures_nrm_values
    JOIN answer_versions v INDEXED BY answer_versions_summary ON v.id = f.answer_version_id AND v.is_current
    WHERE f.is_nrm_referrals
      AND (nullif(:since, '') IS NULL OR v.date_answered >= :since)
      AND (nullif(:until, '') IS NULL OR v.date_answered <= :until)
      AND (nullif(:house, '') IS NULL OR EXISTS (SELECT 1 FROM questions x WHERE x.answer_id = v.answer_id AND x.house = :house COLLATE NOCASE))
      AND (nullif(:body, '') IS NULL OR EXISTS (SELECT 1 FROM questions x JOIN answering_bodies b ON b.id = x.answering_body_id
                                                WHERE x.answer_id = v.answer_id AND (b.name = :body COLLATE NOCASE OR CAST(b.api_id AS TEXT) = :body)))
      AND (nullif(:topic, '') IS NULL OR v.answer_id IN (SELECT answer_id FROM questions WHERE id IN (SELECT rowid FROM search WHERE search MATCH :topic)))
    GROUP BY f.period, f.exploitation_type, f.population, f.unit, f.kind
)
SELECT t.period, t.exploitation_type, t.population, t.unit, t.kind, t.value, t.answers, t.values_quoted,
       t.all_values, t.values_quoted > 1 AS conflicting, t.first_quoted, t.last_quoted,
       (SELECT q.house || ' ' || q.uin FROM questions q WHERE q.answer_id = t.last_answer_id ORDER BY q.id LIMIT 1) AS last_quoted_in,
       o.first_published AS official_first_published,
       o.revised AS official_revised,
       CASE
           WHEN o.year IS NULL THEN NULL
           WHEN abs(t.value - o.first_published) <= 0.005 * o.first_published THEN 'matches first published'
           WHEN o.revised IS NOT NULL AND abs(t.value - o.revised) <= 0.005 * o.revised THEN 'matches revised'
           ELSE 'differs from official totals'
       END AS official_check
FROM (SELECT *, CAST(substr(latest, 23) AS NUMERIC) AS value, substr(latest, 1, 10) AS last_quoted,
             CAST(substr(latest, 11, 12) AS INTEGER) AS last_answer_id
      FROM quoted) t
LEFT JOIN nrm_official_totals o ON CAST(o.year AS TEXT) = t.period AND t.exploitation_type IS NULL
     AND t.population IS NULL AND t.unit = 'count' AND t.kind = 'level'
ORDER BY t.period, t.exploitation_type NULLS FIRST, t.population NULLS FIRST, t.unit, t.kind
LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), -1)
