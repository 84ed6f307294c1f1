-- title: NRM referral figures quoted in answers
-- description: National Referral Mechanism referral figures quoted in answers as they stand now,
--   by period, exploitation type and group, with the answers that quoted each value. Two answers
--   quoting different numbers for the same thing give two rows, both marked conflicting. A quoted
--   annual total is checked against the Home Office's official totals (first published and
--   revised): within 0.5% it matches, else it differs.
-- view: referral_trends
-- column period text: the time it refers to: '2023', '2023-24', '2023-Q2'
-- column exploitation_type text: the kind of exploitation, when the figure is for one
-- column population text: the group, when the figure is for one ('children', 'adults', ...)
-- column unit text: count or percent
-- column kind text: level, or change
-- column value decimal: the number quoted
-- column answers integer: how many answers quoted this value
-- column quoted_in text: the questions (house and UIN) whose answers quoted it
-- column first_quoted date: the first day an answer quoted it
-- column last_quoted date: the last day an answer quoted it
-- column conflicting integer: 1 when answers quote more than one value for the same period, type, group, unit and kind
-- column official_first_published integer: the official annual total as first published
-- column official_revised integer: the official annual total as later revised
-- column official_check text: whether a quoted annual total matches the official ones
WITH valued AS (
    SELECT f.period, f.exploitation_type, f.population, f.unit, f.kind, f.value,
           count(DISTINCT f.answer_id) AS answers,
           group_concat(DISTINCT f.house || ' ' || f.uin) AS quoted_in,
           min(f.date_answered) AS first_quoted,
           max(f.date_answered) AS last_quoted
    FROM current_figures f
    WHERE f.is_nrm_referrals
      AND (nullif(:since, '') IS NULL OR f.date_answered >= :since)
      AND (nullif(:until, '') IS NULL OR f.date_answered <= :until)
      AND (nullif(:house, '') IS NULL OR f.house = :house COLLATE NOCASE)
      AND (nullif(:body, '') IS NULL OR f.answering_body = :body COLLATE NOCASE OR CAST(f.answering_body_api_id AS TEXT) = :body)
      AND (nullif(:topic, '') IS NULL OR f.answer_id IN (SELECT answer_id FROM questions WHERE id IN (SELECT rowid FROM search WHERE search MATCH :topic)))
    GROUP BY f.period, f.exploitation_type, f.population, f.unit, f.kind, f.value
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
ORDER BY v.period, v.exploitation_type NULLS FIRST, v.population NULLS FIRST, v.unit, v.kind, v.value
LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), -1)
