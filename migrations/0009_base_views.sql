-- 0009: the base views every report is written over, so that each report's SQL (reports/*.sql)
-- says what it computes and not how answers, questions and bodies join. The report views
-- (funding_by_recipient, referral_trends, ...) are no longer made here: `archive` makes them from
-- the reports' own SQL whenever it opens an archive for writing, so the view and the report
-- cannot drift apart.

DROP VIEW funding_by_recipient;
DROP VIEW referral_trends;

-- The question's public page, computed from what identifies it, so every view and report links
-- the same way (a virtual column: nothing stored, nothing to keep up to date).
ALTER TABLE questions ADD COLUMN url TEXT GENERATED ALWAYS AS
    ('https://questions-statements.parliament.uk/written-questions/detail/' || date_tabled || '/' || uin) VIRTUAL;

-- Figures and grant statements in the order an answer gives them, so the figures and grants
-- reports read them in order instead of sorting every row (the grant statements' UNIQUE index
-- already starts with these columns).
DROP INDEX figures_by_version;
CREATE INDEX figures_in_order ON figures(answer_version_id, evidence_start);

-- The referrals report reads NRM figures grouped by what they count, and each version's answer
-- and day, from these two indexes alone (the versions' rows hold their whole text).
DROP INDEX figures_nrm;
CREATE INDEX figures_nrm_values ON figures(period, exploitation_type, population, unit, kind, value, answer_version_id)
    WHERE is_nrm_referrals;
CREATE INDEX answer_versions_summary ON answer_versions(id, is_current, answer_id, date_answered, kind);

-- Current versions by day, holding what the answers, figures and grants reports need of a version
-- (is_current too: SQLite reads a partial index's own condition from its columns), so they read
-- the versions in order without their rows; and the few answers that were corrected.
DROP INDEX answer_versions_by_date;
CREATE INDEX answer_versions_by_date ON answer_versions(date_answered, id, answer_id, is_current, kind, is_truncated, answering_member_id)
    WHERE is_current;
CREATE INDEX answer_versions_corrected ON answer_versions(answer_id) WHERE kind = 'correction';

-- Questions newest first, as Datasette's questions page shows them.
CREATE INDEX questions_by_date_tabled ON questions(date_tabled);

-- Each question with the version of its answer that stands now (one row per question; questions
-- answered together share the answer, and `is_first_question` marks one row per answer).
CREATE VIEW current_answers AS
SELECT v.answer_id,                              -- the answer (shared by questions answered together)
       v.id AS answer_version_id,                -- the version that stands now
       v.kind AS answer_kind,                    -- 'substantive' or 'correction' (or 'holding' while no answer is given)
       v.date_answered,                          -- the day this version was given
       v.is_truncated,                           -- 1 when only a list excerpt of the answer is held
       v.answering_member_id,                    -- who answered (members.id)
       v.text AS answer_text,                    -- the answer as plain text
       q.id AS question_id,                      -- the question (questions.id, also the rowid of `search`)
       q.id = (SELECT min(x.id) FROM questions x WHERE x.answer_id = v.answer_id) AS is_first_question, -- 1 on one row per answer
       q.uin, q.house, q.date_tabled, q.date_for_answer, q.is_named_day, q.heading, q.question_text,
       q.asking_member_id,                       -- who asked (members.id), when the source gives the id
       q.asking_member_name,                     -- who asked, by name, when the source gives only the name
       q.answering_body_id,                      -- who was asked (answering_bodies.id)
       b.name AS answering_body,                 -- e.g. 'Home Office'
       b.api_id AS answering_body_api_id,        -- Parliament's id for it (Home Office = 1)
       q.url                                     -- the question's page on the Parliament website
FROM answer_versions v
JOIN questions q ON q.answer_id = v.answer_id
LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
WHERE v.is_current;

-- Each figure quoted in an answer as it stands now, with the answer's first question.
CREATE VIEW current_figures AS
SELECT f.id AS figure_id,                        -- the figure (figures.id)
       f.value, f.unit, f.qualifier, f.kind, f.direction, f.period, f.measure,
       f.exploitation_type, f.population, f.is_nrm_referrals, f.evidence, f.evidence_start, f.context,
       a.answer_id, a.answer_version_id, a.date_answered, a.question_id, a.uin, a.house,
       a.answering_body, a.answering_body_api_id, a.url
FROM figures f
JOIN current_answers a ON a.answer_version_id = f.answer_version_id AND a.is_first_question;

-- Each statement of a grant in an answer as it stands now, with the grant, its recipient and
-- funder by name, and the answer's first question. amount_gbp is in pounds (a whole number when
-- the sum is whole).
CREATE VIEW current_grant_mentions AS
SELECT m.id AS grant_mention_id,                  -- the statement (grant_mentions.id)
       m.grant_id, g.part_of_grant_id,
       g.recipient_id,
       r.name AS recipient,                       -- who receives the money, by its canonical name
       m.recipient_as_written,
       g.amount_pence,
       CASE WHEN g.amount_pence % 100 = 0 THEN g.amount_pence / 100 ELSE g.amount_pence / 100.0 END AS amount_gbp, -- the sum in pounds
       m.qualifier, g.rate, g.duration_months, g.financial_year, g.project, g.programme,
       g.funder_id,
       fu.name AS funder,                         -- who gives it, by name: named in the answer, else the answering body
       m.evidence, m.evidence_start,
       a.answer_id, a.answer_version_id, a.date_answered, a.question_id, a.uin, a.house,
       a.answering_body, a.answering_body_api_id, a.url
FROM grant_mentions m
JOIN grants g ON g.id = m.grant_id
JOIN organisations r ON r.id = g.recipient_id
LEFT JOIN organisations fu ON fu.id = g.funder_id
JOIN current_answers a ON a.answer_version_id = m.answer_version_id AND a.is_first_question;
