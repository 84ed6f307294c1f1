-- title: Search
-- description: Full-text search of headings, questions and answers as they stand now: the 100
--   best matches (or as many as the limit says), best first, with the matching words of the text
--   [in brackets]. Unanswered questions are found too; --since and --until then compare the day
--   they were tabled.
-- param q: what to search for, as an FTS5 query ("exact phrase", AND, OR, NOT, prefix*); `archive query search` quotes plain words for you
-- param limit: at most this many rows (the 100 best when not given)
-- column uin text: the question's number
-- column house text: Commons or Lords
-- column date_answered date: the day the answer standing now was given (empty while unanswered)
-- column answering_body text: the department asked
-- column heading text: the question's subject heading
-- column snippet text: the best-matching words, with the matches [in brackets]
-- column rank decimal: how well it matches (BM25; lower is better)
-- column asking_member text: who asked
-- column answering_member text: who answered
-- column url text: the question's page on the Parliament website
SELECT q.uin, q.house, v.date_answered, b.name AS answering_body, q.heading,
       snippet(search, -1, '[', ']', '…', 16) AS snippet, round(search.rank, 3) AS rank,
       coalesce(asker.name, q.asking_member_name) AS asking_member, answerer.name AS answering_member,
       q.url
FROM search
JOIN questions q ON q.id = search.rowid
LEFT JOIN answer_versions v ON v.answer_id = q.answer_id AND v.is_current
LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
LEFT JOIN members asker ON asker.id = q.asking_member_id
LEFT JOIN members answerer ON answerer.id = v.answering_member_id
WHERE search MATCH :q
  AND (nullif(:since, '') IS NULL OR coalesce(v.date_answered, q.date_tabled) >= :since)
  AND (nullif(:until, '') IS NULL OR coalesce(v.date_answered, q.date_tabled) <= :until)
  AND (nullif(:house, '') IS NULL OR q.house = :house COLLATE NOCASE)
  AND (nullif(:body, '') IS NULL OR b.name = :body COLLATE NOCASE OR CAST(b.api_id AS TEXT) = :body)
  AND (nullif(:topic, '') IS NULL OR q.answer_id IN (SELECT answer_id FROM questions WHERE id IN (SELECT rowid FROM search WHERE search MATCH :topic)))
ORDER BY search.rank
LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), 100)
