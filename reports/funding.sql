-- title: Funding by recipient
-- description: Money by recipient (or by funder, financial year or project) over the distinct
--   grants stated in answers as they stand now: a grant restated in many answers counts once, and
--   a part of a grant counts only when its total is not stated. By year, each grant counts in the
--   financial year it is for, years in order, grants whose year no answer states last.
-- view: funding_by_recipient
-- param by: what a row totals: recipient (the default), funder, year or project
-- column name text: the recipient, funder, financial year or project the row totals
-- column total_gbp money: the sum of the distinct grants, in pounds
-- column grants integer: how many distinct grants the sum is over
-- column stated_as_rate integer: how many of them were stated as a rate ('£500 per referral'), so the total understates
-- column periods text: the financial years the grants are for, where answers state them
-- column answers integer: how many answers state these grants
-- column first_stated date: the first day an answer stated one of them
-- column last_stated date: the last day an answer stated one of them
-- column funders text: who gives the money, where known
WITH live AS (
    SELECT m.grant_id, m.answer_id, m.date_answered
    FROM current_grant_mentions m
    WHERE (nullif(:since, '') IS NULL OR m.date_answered >= :since)
      AND (nullif(:until, '') IS NULL OR m.date_answered <= :until)
      AND (nullif(:house, '') IS NULL OR m.house = :house COLLATE NOCASE)
      AND (nullif(:body, '') IS NULL OR m.answering_body = :body COLLATE NOCASE OR CAST(m.answering_body_api_id AS TEXT) = :body)
      AND (nullif(:topic, '') IS NULL OR m.answer_id IN (SELECT answer_id FROM questions WHERE id IN (SELECT rowid FROM search WHERE search MATCH :topic)))
),
per_grant AS (
    SELECT g.id, g.amount_pence, g.recipient_id, g.funder_id, g.project, g.rate, g.financial_year,
           min(live.date_answered) AS first_stated, max(live.date_answered) AS last_stated
    FROM grants g JOIN live ON live.grant_id = g.id
    WHERE g.part_of_grant_id IS NULL OR g.part_of_grant_id NOT IN (SELECT grant_id FROM live)
    GROUP BY g.id
),
grouped AS (
    SELECT CASE nullif(:by, '')
               WHEN 'funder' THEN coalesce(f.name, '(funder not known)')
               WHEN 'year' THEN coalesce(p.financial_year, '(period not stated)')
               WHEN 'project' THEN coalesce(p.project, '(no project named)')
               ELSE r.name
           END AS key,
           p.*, f.name AS funder_name
    FROM per_grant p
    JOIN organisations r ON r.id = p.recipient_id
    LEFT JOIN organisations f ON f.id = p.funder_id
    WHERE nullif(:recipient, '') IS NULL OR instr(lower(r.name), lower(:recipient)) > 0
),
answers_per_key AS (
    SELECT g.key, count(DISTINCT l.answer_id) AS answers
    FROM grouped g JOIN live l ON l.grant_id = g.id
    GROUP BY g.key
),
funders_per_key AS (
    SELECT key, group_concat(funder_name, '; ') AS funders
    FROM (SELECT DISTINCT key, funder_name FROM grouped WHERE funder_name IS NOT NULL ORDER BY key, funder_name)
    GROUP BY key
),
periods_per_key AS (
    SELECT key, group_concat(financial_year, '; ') AS periods
    FROM (SELECT DISTINCT key, financial_year FROM grouped WHERE financial_year IS NOT NULL ORDER BY key, financial_year)
    GROUP BY key
)
SELECT g.key AS name,
       CASE WHEN sum(g.amount_pence) % 100 = 0 THEN sum(g.amount_pence) / 100 ELSE sum(g.amount_pence) / 100.0 END AS total_gbp,
       count(*) AS grants,
       count(g.rate) AS stated_as_rate,
       pk.periods,
       a.answers,
       min(g.first_stated) AS first_stated,
       max(g.last_stated) AS last_stated,
       fk.funders
FROM grouped g
JOIN answers_per_key a ON a.key = g.key
LEFT JOIN funders_per_key fk ON fk.key = g.key
LEFT JOIN periods_per_key pk ON pk.key = g.key
GROUP BY g.key
ORDER BY CASE WHEN :by = 'year' THEN g.key = '(period not stated)' END,
         CASE WHEN :by = 'year' THEN g.key END,
         sum(g.amount_pence) DESC, g.key
LIMIT coalesce(CAST(nullif(:limit, '') AS INTEGER), -1)
