#!/usr/bin/env python3
"""A digest of every fact an archive holds, to show that a speed-up changed none of them.

    python3 bench/facts_digest.py ARCHIVE.db        # prints: <facts> facts <sha256>

Each figure and grant statement is one line of every field the extractor gives it (value, unit,
qualifier, kind, direction, period, measure, type, population, NRM flag, evidence span and text,
context; recipient, funder, amount, duration, year, rate, project, programme, qualifier, total),
keyed by the question (house, tabled day, UIN) and the version (kind, day), never by a row id,
so two ingests of the same corpus give the same digest whatever order they stored things in.
"""
import hashlib
import sqlite3
import sys

FIGURES = """
SELECT q.house, q.date_tabled, q.uin, v.kind, v.date_answered,
       f.value, f.unit, f.qualifier, f.kind, f.direction, f.period, f.measure, f.exploitation_type,
       f.population, f.is_nrm_referrals, f.evidence_start, f.evidence_end, f.evidence, f.context
FROM figures f JOIN answer_versions v ON v.id = f.answer_version_id
JOIN questions q ON q.answer_id = v.answer_id
"""
GRANTS = """
SELECT q.house, q.date_tabled, q.uin, v.kind, v.date_answered,
       r.key, fu.key, g.amount_pence, g.duration_months, g.financial_year, g.rate,
       m.recipient_as_written, m.project, m.programme, m.qualifier, m.evidence_start, m.evidence_end, m.evidence,
       t.amount_pence
FROM grant_mentions m JOIN answer_versions v ON v.id = m.answer_version_id
JOIN questions q ON q.answer_id = v.answer_id
JOIN grants g ON g.id = m.grant_id JOIN organisations r ON r.id = g.recipient_id
LEFT JOIN organisations fu ON fu.id = m.funder_id LEFT JOIN grants t ON t.id = m.total_grant_id
"""


def lines(db, sql, tag):
    for row in db.execute(sql):
        yield tag + "\x1f" + "\x1f".join("" if v is None else repr(v) for v in row)


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    facts = sorted([*lines(db, FIGURES, "figure"), *lines(db, GRANTS, "grant")])
    digest = hashlib.sha256("\n".join(facts).encode()).hexdigest()
    print(f"{len(facts)} facts {digest}")


if __name__ == "__main__":
    main()
