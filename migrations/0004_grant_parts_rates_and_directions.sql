-- 0004: what extraction finds and could not be stored before: a grant stated as a rate, a part of a
-- larger grant, the hedge on a stated sum, and the direction of a change figure. Funding totals
-- count a total once and never its parts on top of it.

-- For a sum stated as a rate ('£1.5m per annum'): the rate words; amount_pence is then one
-- period's amount, and totals count it once, as that amount.
ALTER TABLE grants ADD COLUMN rate TEXT;
-- A part of a larger grant stated with it ('£33.7m since 2019, including £12.6m this financial
-- year'): the larger grant. Totals count the larger grant and leave its parts out.
ALTER TABLE grants ADD COLUMN part_of_grant_id INTEGER REFERENCES grants(id);
CREATE INDEX grants_by_total ON grants(part_of_grant_id) WHERE part_of_grant_id IS NOT NULL;
-- A grant's identity now includes its rate: '£1.5m per annum' and '£1.5m' are different grants.
DROP INDEX grants_identity;
CREATE UNIQUE INDEX grants_identity ON grants(recipient_id, amount_pence, coalesce(duration_months, 0),
    coalesce(financial_year, ''), coalesce(rate, ''));

-- The hedge on the sum as this statement words it: 'over', 'up to', 'approximately', ...
ALTER TABLE grant_mentions ADD COLUMN qualifier TEXT;

-- For a change figure, which way it went; the value itself is kept unsigned, as written.
ALTER TABLE figures ADD COLUMN direction TEXT CHECK (direction IS NULL OR direction IN ('increase', 'decrease'));

-- Money by recipient over distinct grants stated in current answer versions, so a grant restated
-- in many answers counts once, and a part of a grant counts only when its total is not stated.
-- stated_as_rate: how many of the grants are a rate, each counted as one period's amount.
DROP VIEW funding_by_recipient;
CREATE VIEW funding_by_recipient AS
WITH live AS (
    SELECT m.grant_id, v.answer_id, v.date_answered
    FROM grant_mentions m
    JOIN answer_versions v ON v.id = m.answer_version_id AND v.is_current
    WHERE EXISTS (SELECT 1 FROM questions q WHERE q.answer_id = v.answer_id)
),
per_grant AS (
    SELECT g.id, g.amount_pence, g.recipient_id, g.funder_id, g.project, g.rate,
           min(live.date_answered) AS first_answered, max(live.date_answered) AS last_answered
    FROM grants g JOIN live ON live.grant_id = g.id
    WHERE g.part_of_grant_id IS NULL OR g.part_of_grant_id NOT IN (SELECT grant_id FROM live)
    GROUP BY g.id
),
grouped AS (
    SELECT r.name AS key, p.*, f.name AS funder_name
    FROM per_grant p
    JOIN organisations r ON r.id = p.recipient_id
    LEFT JOIN organisations f ON f.id = p.funder_id
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
)
SELECT g.key AS recipient,
       sum(g.amount_pence) / 100.0 AS total_gbp,
       count(*) AS grants,
       count(g.rate) AS stated_as_rate,
       a.answers,
       min(g.first_answered) AS first_answered,
       max(g.last_answered) AS last_answered,
       fk.funders
FROM grouped g
JOIN answers_per_key a ON a.key = g.key
LEFT JOIN funders_per_key fk ON fk.key = g.key
GROUP BY g.key
ORDER BY total_gbp DESC, g.key;
