-- title: Answers
-- description: Answered questions with the answer as it stands now, newest first, with how many
--   versions the answer has had and how many figures and grants it states.
-- column uin text: the question's number
-- column house text: Commons or Lords
-- column date_tabled date: the day the question was tabled
-- column date_answered date: the day the answer standing now was given
-- column answering_body text: the department that answered
-- column heading text: the question's subject heading
-- column answer_kind text: substantive, correction, or holding (no answer given yet)
-- column versions integer: how many versions the answer has had (holding, substantive, corrections)
-- column is_truncated integer: 1 when only a list excerpt of the answer is held
-- column is_named_day integer: 1 when the MP named the day for the answer
-- column figures integer: figures quoted in the answer
-- column grants integer: grant statements in the answer
-- column asking_member text: who asked
-- column answering_member text: who answered
-- column url text: the question's page on the Parliament website
SELECT a.uin, a.house, a.date_tabled, a.date_answered, a.answering_body, a.heading, a.answer_kind,
       (SELECT count(*) FROM answer_versions x WHERE x.answer_id = a.answer_id) AS versions,
       a.is_truncated, a.is_named_day,
       (SELECT count(*) FROM figures f WHERE f.answer_version_id = a.answer_version_id) AS figures,
       (SELECT count(*) FROM grant_mentions m WHERE m.answer_version_id = a.answer_version_id) AS grants,
       coalesce(asker.name, a.asking_member_name) AS asking_member, answerer.name AS answering_member, a.url
FROM current_answers a
LEFT JOIN members asker ON asker.id = a.asking_member_id
LEFT JOIN members answerer ON answerer.id = a.answering_member_id
WHERE (nullif(:since, '') IS NULL OR a.date_answered >= :since)
  AND (nullif(:until, '') IS NULL OR a.date_answered <= :until)
  AND (nullif(:house, '') IS NULL OR a.house = :house COLLATE NOCASE)
  AND (nullif(:body, '') IS NULL OR a.answering_body = :body COLLATE NOCASE OR CAST(a.answering_body_api_id AS TEXT) = :body)
  AND (nullif(:topic, '') IS NULL OR a.answer_id IN (SELECT answer_id FROM questions WHERE id IN (SELECT rowid FROM search WHERE search MATCH :topic)))
ORDER BY a.date_answered DESC, a.house, a.uin
LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), -1)
