-- title: Corrections
-- description: Answers the Government corrected, and for each correction the figures and grants
--   that changed from the version before it: the value before and after, the words that state
--   each and both days. A figure is matched across the two versions by its unit, kind, period,
--   measure, exploitation type and group (in order of appearance, when several share them); a
--   grant by its recipient. A correction that changed no figure or grant gives one row saying so.
--   --since and --until compare the day of the correction.
-- view: answer_corrections
-- column uin text: the question's number
-- column house text: Commons or Lords
-- column answering_body text: the department that answered
-- column answered_before date: the day the version that was corrected was given
-- column answered_after date: the day of the correction
-- column fact text: figure or grant (empty when no figure or grant changed)
-- column change text: changed, added, removed, or 'no figure or grant changed'
-- column what text: what the figure measures (its measure, type and group) or the grant's recipient
-- column period text: the period the figure or grant is for
-- column unit text: count, percent or gbp
-- column value_before decimal: the value in the version before the correction
-- column value_after decimal: the value in the correction
-- column evidence_before text: the words that stated it before
-- column evidence_after text: the words that state it in the correction
-- column url text: the question's page on the Parliament website
WITH versions AS (
    SELECT id, answer_id, kind, date_answered,
           lag(id) OVER (PARTITION BY answer_id ORDER BY date_answered, id) AS previous_id,
           lag(date_answered) OVER (PARTITION BY answer_id ORDER BY date_answered, id) AS previous_date
    FROM answer_versions INDEXED BY answer_versions_summary
    WHERE kind != 'holding' AND answer_id IN (SELECT answer_id FROM answer_versions WHERE kind = 'correction')
),
corrected AS (
    SELECT c.previous_id AS before_id, c.id AS after_id, c.previous_date AS answered_before,
           c.date_answered AS answered_after, q.uin, q.house, b.name AS answering_body,
           q.url
    FROM versions c
    JOIN questions q ON q.id = (SELECT min(x.id) FROM questions x WHERE x.answer_id = c.answer_id)
    LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
    WHERE c.kind = 'correction' AND c.previous_id IS NOT NULL
      AND (nullif(:since, '') IS NULL OR c.date_answered >= :since)
      AND (nullif(:until, '') IS NULL OR c.date_answered <= :until)
      AND (nullif(:house, '') IS NULL OR q.house = :house COLLATE NOCASE)
      AND (nullif(:body, '') IS NULL OR b.name = :body COLLATE NOCASE OR CAST(b.api_id AS TEXT) = :body)
      AND (nullif(:topic, '') IS NULL OR c.answer_id IN (SELECT answer_id FROM questions WHERE id IN (SELECT rowid FROM search WHERE search MATCH :topic)))
),
facts AS (
    SELECT 'figure' AS fact, f.answer_version_id, f.value, f.evidence, f.evidence_start, f.period, f.unit,
           trim(coalesce(f.measure, '') || coalesce(', ' || f.exploitation_type, '') || coalesce(', ' || f.population, ''), ', ') AS what,
           f.unit || '|' || f.kind || '|' || coalesce(f.period, '') || '|' || coalesce(f.measure, '') || '|'
               || coalesce(f.exploitation_type, '') || '|' || coalesce(f.population, '') AS key
    FROM figures f
    WHERE f.answer_version_id IN (SELECT before_id FROM corrected UNION ALL SELECT after_id FROM corrected)
    UNION ALL
    SELECT 'grant', m.answer_version_id,
           CASE WHEN g.amount_pence % 100 = 0 THEN g.amount_pence / 100 ELSE g.amount_pence / 100.0 END,
           m.evidence, m.evidence_start, g.financial_year, 'gbp', r.name, CAST(g.recipient_id AS TEXT)
    FROM grant_mentions m
    JOIN grants g ON g.id = m.grant_id
    JOIN organisations r ON r.id = g.recipient_id
    WHERE m.answer_version_id IN (SELECT before_id FROM corrected UNION ALL SELECT after_id FROM corrected)
),
numbered AS (
    SELECT *, row_number() OVER (PARTITION BY answer_version_id, fact, key ORDER BY evidence_start) AS nth
    FROM facts
),
pairs AS (
    SELECT DISTINCT c.before_id, c.after_id, n.fact, n.key, n.nth
    FROM corrected c JOIN numbered n ON n.answer_version_id IN (c.before_id, c.after_id)
),
changes AS (
    SELECT p.after_id, p.fact,
           CASE WHEN b.value IS NULL THEN 'added' WHEN a.value IS NULL THEN 'removed' ELSE 'changed' END AS change,
           coalesce(a.what, b.what) AS what, coalesce(a.period, b.period) AS period, coalesce(a.unit, b.unit) AS unit,
           b.value AS value_before, a.value AS value_after, b.evidence AS evidence_before, a.evidence AS evidence_after,
           coalesce(a.evidence_start, b.evidence_start) AS position
    FROM pairs p
    LEFT JOIN numbered b ON b.answer_version_id = p.before_id AND b.fact = p.fact AND b.key = p.key AND b.nth = p.nth
    LEFT JOIN numbered a ON a.answer_version_id = p.after_id AND a.fact = p.fact AND a.key = p.key AND a.nth = p.nth
    WHERE b.value IS NOT a.value
)
SELECT c.uin, c.house, c.answering_body, c.answered_before, c.answered_after,
       ch.fact, coalesce(ch.change, 'no figure or grant changed') AS change, ch.what, ch.period, ch.unit,
       ch.value_before, ch.value_after, ch.evidence_before, ch.evidence_after, c.url
FROM corrected c
LEFT JOIN changes ch ON ch.after_id = c.after_id
ORDER BY c.answered_after, c.house, c.uin, ch.fact, ch.position
LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), -1)
