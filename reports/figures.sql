-- title: Figures
-- description: Each figure quoted in an answer as it stands now (counts, percentages, sums of money
--   that are not grants, changes), with its period, measure and the words that state it, oldest
--   answer first.
-- column uin text: the question's number
-- column house text: Commons or Lords
-- column date_answered date: the day the answer was given
-- column answering_body text: the department that answered
-- column value decimal: the number, normalised ('1,679' is 1679, '£4.3 million' is 4300000)
-- column unit text: count, percent or gbp
-- column qualifier text: the hedge in the text ('over', 'approximately', ...)
-- column period text: the time it refers to: '2023', '2023-24', '2023-Q2', '2019-2023'
-- column measure text: what it measures, in words from the answer
-- column kind text: level, or change ('a 2% increase')
-- column direction text: for a change, increase or decrease
-- column exploitation_type text: for NRM figures, the kind of exploitation
-- column population text: the group it is about ('children', 'women', ...)
-- column evidence text: the exact words that state it
-- column context text: the sentence or table row that quotes it
-- column url text: the question's page on the Parliament website
SELECT f.uin, f.house, f.date_answered, f.answering_body, f.value, f.unit, f.qualifier, f.period,
       f.measure, f.kind, f.direction, f.exploitation_type, f.population, f.evidence, f.context, f.url
FROM current_figures f
WHERE (nullif(:since, '') IS NULL OR f.date_answered >= :since)
  AND (nullif(:until, '') IS NULL OR f.date_answered <= :until)
  AND (nullif(:house, '') IS NULL OR f.house = :house COLLATE NOCASE)
  AND (nullif(:body, '') IS NULL OR f.answering_body = :body COLLATE NOCASE OR CAST(f.answering_body_api_id AS TEXT) = :body)
  AND (nullif(:topic, '') IS NULL OR f.answer_id IN (SELECT answer_id FROM questions WHERE id IN (SELECT rowid FROM search WHERE search MATCH :topic)))
ORDER BY f.date_answered, f.answer_version_id, f.evidence_start
LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), -1)
