-- title: Answers by answering body and year
-- description: How many answers (and questions, counting those answered together) each answering
--   body gave each year.
-- view: answers_by_body_and_year
-- column answering_body text: the department that answered
-- column year text: the calendar year the answer standing now was given
-- column answers integer: answers given
-- column questions integer: questions they answered (a grouped answer answers several)
SELECT coalesce(a.answering_body, '(not known)') AS answering_body, substr(a.date_answered, 1, 4) AS year,
       count(DISTINCT a.answer_id) AS answers, count(*) AS questions
FROM current_answers a
WHERE (nullif(:since, '') IS NULL OR a.date_answered >= :since)
  AND (nullif(:until, '') IS NULL OR a.date_answered <= :until)
  AND (nullif(:house, '') IS NULL OR a.house = :house COLLATE NOCASE)
  AND (nullif(:body, '') IS NULL OR a.answering_body = :body COLLATE NOCASE OR CAST(a.answering_body_api_id AS TEXT) = :body)
  AND (nullif(:topic, '') IS NULL OR a.answer_id IN (SELECT answer_id FROM questions WHERE id IN (SELECT rowid FROM search WHERE search MATCH :topic)))
GROUP BY a.answering_body_id, year
ORDER BY answering_body, year
LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), -1)
