#!/usr/bin/env python3
"""Schema experiments behind bench/PROFILE.md: the same ingest, timed, on a database prepared
beforehand (`archive migrate`, then a change made with sqlite3), to measure what one change to the
schema would buy without touching the code.

    python3 bench/experiments.py --archive .build-bench/release/archive --corpus DIR --sizes 2000,10000

Variants:
  baseline      the schema as shipped
  +indexes      CREATE INDEX ON grouped_questions(grouped_uin) and ON questions(house, uin):
                the two lookups of ArchiveWriter.sharedGroupAnswer that otherwise scan every
                question of the House for each new answer
  -fts          the six search triggers dropped (no FTS5 indexing at all): what FTS costs
  +indexes-fts  both
"""
import argparse
import os
import subprocess
import sys
import time

VARIANTS = {
    "baseline": [],
    "+indexes": ["CREATE INDEX x_grouped_by_uin ON grouped_questions(grouped_uin)",
                 "CREATE INDEX x_questions_by_house_uin ON questions(house, uin)"],
    "-fts": [f"DROP TRIGGER {t}" for t in (
        "questions_search_insert", "questions_search_update", "questions_search_delete",
        "answer_versions_search_insert", "answer_versions_search_update", "answer_versions_search_delete")],
}
VARIANTS["+indexes-fts"] = VARIANTS["+indexes"] + VARIANTS["-fts"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--archive", required=True)
    p.add_argument("--corpus", required=True, help="a directory of generated pages (100 answers each)")
    p.add_argument("--sizes", default="2000,10000")
    p.add_argument("--work", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "work", "experiments"))
    p.add_argument("--variants", default=",".join(VARIANTS))
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    files = []
    for base, dirs, names in os.walk(args.corpus):
        dirs.sort()
        files += [os.path.join(base, n) for n in sorted(names) if n.endswith(".json")]
    print(f"{'variant':10} {'answers':>8} {'seconds':>8} {'answers/s':>10}")
    for size in [int(s) for s in args.sizes.split(",")]:
        subset = files[: size // 100]
        for name in args.variants.split(","):
            db = os.path.join(args.work, f"{name}-{size}.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            subprocess.run([args.archive, "migrate", "--db", db], check=True, capture_output=True)
            for sql in VARIANTS[name]:
                subprocess.run(["sqlite3", db, sql], check=True)
            start = time.perf_counter()
            subprocess.run([args.archive, "ingest", "--quiet", "--db", db, *subset], check=True)
            seconds = time.perf_counter() - start
            print(f"{name:10} {size:8} {seconds:8.2f} {size / seconds:10.0f}", flush=True)
            os.remove(db)


if __name__ == "__main__":
    sys.exit(main())
