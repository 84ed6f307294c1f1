-- title: Questions tabled and answered per month
-- description: Questions tabled and answered each month, and for named-day questions how many
--   were answered by the day the member named. --since and --until select questions by the day
--   they were tabled; a question counts as answered in the month of its first answer that is not
--   a holding answer.
-- view: questions_by_month
-- column month text: the calendar month, YYYY-MM
-- column tabled integer: questions tabled that month
-- column answered integer: questions first answered (not holding) that month
-- column named_day_tabled integer: named-day questions tabled that month
-- column named_day_answered_by_day_named integer: of those, how many were answered by the day named
WITH answered AS (
    SELECT answer_id, min(date_answered) AS answered_on
    FROM answer_versions
    WHERE kind != 'holding'
    GROUP BY answer_id
),
asked AS (
    SELECT q.date_tabled, q.is_named_day, q.date_for_answer, answered.answered_on
    FROM questions q
    LEFT JOIN answered ON answered.answer_id = q.answer_id
    LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
    WHERE (nullif(:since, '') IS NULL OR q.date_tabled >= :since)
      AND (nullif(:until, '') IS NULL OR q.date_tabled <= :until)
      AND (nullif(:house, '') IS NULL OR q.house = :house COLLATE NOCASE)
      AND (nullif(:body, '') IS NULL OR b.name = :body COLLATE NOCASE OR CAST(b.api_id AS TEXT) = :body)
      AND (nullif(:topic, '') IS NULL OR q.answer_id IN (SELECT answer_id FROM questions WHERE id IN (SELECT rowid FROM search WHERE search MATCH :topic)))
),
events AS (
    SELECT substr(date_tabled, 1, 7) AS month, 1 AS tabled, 0 AS answered, coalesce(is_named_day, 0) AS named_day,
           coalesce(is_named_day AND answered_on <= date_for_answer, 0) AS by_day_named
    FROM asked
    UNION ALL
    SELECT substr(answered_on, 1, 7), 0, 1, 0, 0 FROM asked WHERE answered_on IS NOT NULL
)
SELECT month, sum(tabled) AS tabled, sum(answered) AS answered, sum(named_day) AS named_day_tabled,
       sum(by_day_named) AS named_day_answered_by_day_named
FROM events
GROUP BY month
ORDER BY month
LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), -1)
