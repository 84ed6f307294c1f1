-- title: Grant mentions
-- description: Each statement of a grant in an answer as it stands now, with its answer, amount,
--   duration, project, funder and the words that state it, oldest answer first.
-- column uin text: the question's number (UINs restart each session; with house and date it is unique)
-- column house text: Commons or Lords
-- column date_answered date: the day the answer was given
-- column answering_body text: the department that answered
-- column recipient text: who receives the money (the organisation's canonical name)
-- column amount_gbp money: the sum, in pounds
-- column qualifier text: the hedge the answer puts on the sum ('up to', 'over', ...)
-- column rate text: set when the sum is a rate ('per referral', 'per year'), not a total
-- column duration_months integer: how long the money is for ('over three years' is 36)
-- column financial_year text: the financial year it is for, e.g. '2024-25'
-- column project text: the project funded, when named
-- column funder text: who gives the money: the body named in the answer, else the answering body
-- column grant_id integer: the distinct grant (grants.id); the same grant restated has the same id
-- column part_of_grant_id integer: the larger grant this one is said to be part of
-- column evidence text: the exact words of the answer that state it
-- column url text: the question's page on the Parliament website
SELECT m.uin, m.house, m.date_answered, m.answering_body, m.recipient, m.amount_gbp,
       m.qualifier, m.rate, m.duration_months, m.financial_year, m.project,
       m.funder, m.grant_id, m.part_of_grant_id, m.evidence, m.url
FROM current_grant_mentions m
WHERE (nullif(:since, '') IS NULL OR m.date_answered >= :since)
  AND (nullif(:until, '') IS NULL OR m.date_answered <= :until)
  AND (nullif(:house, '') IS NULL OR m.house = :house COLLATE NOCASE)
  AND (nullif(:body, '') IS NULL OR m.answering_body = :body COLLATE NOCASE OR CAST(m.answering_body_api_id AS TEXT) = :body)
  AND (nullif(:topic, '') IS NULL OR m.answer_id IN (SELECT answer_id FROM questions WHERE id IN (SELECT rowid FROM search WHERE search MATCH :topic)))
  AND (nullif(:recipient, '') IS NULL OR instr(lower(m.recipient), lower(:recipient)) > 0)
ORDER BY m.date_answered, m.answer_version_id, m.evidence_start
LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), -1)
