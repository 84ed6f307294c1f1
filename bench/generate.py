#!/usr/bin/env python3
"""Deterministic synthetic corpus of UK Parliament written-question API LIST responses.

Every file is one page of a search, exactly the shape of the real API list response
(`{"totalResults": N, "results": [{"value": {...QuestionsViewModel...}, "links": [...]}]}`,
fields in the order the API returns them), but carrying FULL HTML answer text, as the
development set's `inputs/api/page-1.json` does, not the 255-character excerpts.

    generate.py corpus    --n 100000 --out DIR [--seed 1] [--per-file 100] [--small-n 20000]
    generate.py increment --n 100000 --out DIR [--seed 1] [--per-file 100] [--fraction 0.01]

`corpus` writes DIR/a/page-NNNNN.json (the first --small-n answers, so a smaller ingest can be
run on DIR/a alone) and DIR/b/page-NNNNN.json (the rest).

`increment` writes the nightly increment of that corpus: --fraction of its file count (at least
two files), half NEW pages (questions never seen, continuing the ids and UINs) and half CHANGED
pages (an existing page downloaded again, in which a tenth of the questions now carry a
correction: `answerIsCorrection`, `originalAnswerText` (the earlier answer), `dateAnswerCorrected`,
`correctingMemberId`). Ingest it as `archive ingest DIR_CORPUS DIR_INCREMENT`: the old pages are
skipped by hash, the new and changed ones are read.

Each page is generated from its own seeded RNG, so a page can be regenerated on its own and the
output is byte-identical across runs and machines (Python's `random` with a str seed).
"""
import argparse
import datetime as dt
import json
import os
import random
import sys

GENERATOR_VERSION = 1

BODIES = [  # (answeringBodyId, name, weight, Secretary of State phrase)
    (1, "Home Office", 60, "the Home Department"),
    (17, "Department of Health and Social Care", 8, "Health and Social Care"),
    (60, "Department for Education", 7, "Education"),
    (208, "Foreign, Commonwealth and Development Office", 7, "Foreign, Commonwealth and Development Affairs"),
    (54, "Ministry of Justice", 7, "Justice"),
    (29, "Department for Work and Pensions", 4, "Work and Pensions"),
    (214, "Department for Business and Trade", 4, "Business and Trade"),
    (7, "Department for Levelling Up, Housing and Communities", 3, "Housing, Communities and Local Government"),
]

HEADINGS = [
    "Human Trafficking", "Human Trafficking: Prostitution", "Modern Slavery", "Modern Slavery: Victims",
    "Prostitution", "Sexual Offences: Exploitation", "Offences against Children", "Human Trafficking: Children",
    "National Referral Mechanism", "Modern Slavery: Supply Chains", "County Lines", "Forced Labour",
    "Human Trafficking: Victim Support Schemes", "Slavery: Convictions", "Domestic Servitude",
    "Asylum: Modern Slavery", "Sexual Exploitation: Internet", "Independent Child Trafficking Guardians",
]

ASKS = [
    "what steps {dept} is taking to help reduce demand for trafficking for sexual exploitation",
    "what estimate {dept} has made of the number of victims of human trafficking in the UK",
    "what funding {dept} has provided to organisations supporting victims of modern slavery in each of the last five years",
    "how many referrals were made to the National Referral Mechanism for sexual exploitation in each year since 2019",
    "what support is available to people who wish to exit prostitution",
    "what assessment {dept} has made of the effectiveness of the Modern Slavery Victim Care Contract",
    "what steps {dept} is taking to (a) identify and (b) prevent child sex trafficking",
    "whether {dept} plans to review the statutory guidance issued under section 49 of the Modern Slavery Act 2015",
    "how many prosecutions there have been for offences under the Modern Slavery Act 2015 in each year since its enactment",
    "what progress {dept} has made on tackling forced labour in public sector supply chains",
    "what recent discussions {dept} has had with law enforcement on the use of online platforms to advertise sexual services",
    "what the average time taken to make a conclusive grounds decision was in the latest period for which figures are available",
]

OPENINGS = [
    "The trafficking of women and girls for sexual exploitation is a truly horrific crime.",
    "This Government has set out a mission to halve violence against women and girls in a decade, and we will use all of our levers available to deliver.",
    "The Government is committed to tackling the harm and exploitation that can be associated with prostitution, and believes that people who want to leave prostitution should be given every opportunity to find routes out.",
    "The Government remains firmly committed to ensuring that all victims of human trafficking and modern slavery are effectively identified and supported to rebuild their lives.",
    "Modern slavery is an abhorrent crime which has no place in our society.",
    "Tackling modern slavery and human trafficking remains a priority for this Government.",
    "The Home Office does not have an up-to-date estimate of the number of victims of human trafficking.",
    "Understanding the true scale of modern slavery is difficult due to a few factors, including the hidden nature of the crime.",
]

MIDDLES = [
    "The Government is working closely with law enforcement to tackle the drivers of trafficking for sexual exploitation, including through operational intensifications to target prolific perpetrators.",
    "Online platforms are a significant enabler of sexual exploitation. The Online Safety Act 2023 sets out priority offences, including sexual exploitation and human trafficking offences, and companies will need to adopt measures to identify, assess and address these offences based on a risk assessment.",
    "The Modern Slavery Victim Care Contract provides support to adult potential and confirmed victims of modern slavery in England and Wales. This support includes financial support and a support worker to help them access wider services, including medical treatment, legal aid, legal representatives, and legal advice.",
    "Home Office Ministers regularly meet with stakeholders, including NGOs and law enforcement partners, to promote the better identification and prosecution of perpetrators, and to enhance support for victims.",
    "Enforcement action is an operational matter for the police, who are in the best position to identify and respond to issues related to prostitution and sex work in their communities.",
    "The Independent Child Trafficking Guardian service has been rolled out to two thirds of local authorities in England and Wales, providing an independent source of advice for trafficked children.",
    "It is not necessary for a First Responder to meet and interview a potential victim of modern slavery before referring them to the National Referral Mechanism (NRM).",
    "Regional Organised Crime Units are collaborations between three or more police forces and help support forces and partners to tackle serious and organised crime, including modern slavery and county lines.",
    "We are further considering how to strengthen Section 54 of the Modern Slavery Act 2015, including possible penalties for organisations that fail to meet their obligations to report on their supply chains.",
    "The Government inherited a system in which decision-making times were too long and that is why we made it a priority to reduce these via the recruitment of additional decision makers.",
    "Data on the number of identified potential victims of modern slavery in the UK, as indicated through National Referral Mechanism (NRM) referrals, are published every quarter.",
]

CLOSINGS = [
    "The Government will set out policies in this area in due course.",
    "The NRM statistics publications can be found here: National Referral Mechanism statistics - GOV.UK.",
    "We continually look to improve the quality and provision of these statistics.",
    "We will continue to work with partners across government and the sector to ensure victims receive the support they need.",
]

LIST_ITEMS = [
    "safe house accommodation", "outreach support", "medical care, including counselling",
    "financial support through weekly subsistence payments", "access to legal aid",
    "help with translation and interpreting", "support to access education and training",
    "a dedicated support worker", "assistance returning to their country of origin",
    "emotional and practical help", "information on their rights", "help to find employment",
]

EXPLOITATION = ["sexual exploitation", "labour exploitation", "criminal exploitation", "domestic servitude"]

# Recipients: the real ones the development set names, then a deterministic synthetic pool.
REAL_RECIPIENTS = [
    ("Changing Lives", "Net-Reach"), ("Trevi Women", None), ("Unseen UK", "Modern Slavery Helpline"),
    ("Hope for Justice", None), ("The Salvation Army", None), ("Barnardo's", "Independent Child Trafficking Guardian"),
    ("Merseyside PCC", None), ("University of Bristol", None), ("the International Organization for Migration", None),
    ("the NSPCC", None), ("Beyond the Streets", "Routes Out"), ("Medaille Trust", None), ("Justice and Care", "Victim Navigator"),
    ("the Snowdrop Project", None), ("Kalayaan", None), ("Ashiana Sheffield", None), ("Stop the Traffik", None),
]
NAME_A = ["Northern", "Safe", "Bright", "New", "Open", "Clear", "Haven", "Anchor", "Beacon", "Harbour", "Pathway",
          "Bridge", "Compass", "Lantern", "Freedom", "Hope", "Unity", "Riverside", "Eastside", "Westgate"]
NAME_B = ["Futures", "Horizons", "Steps", "Voices", "Routes", "Roots", "Lights", "Ways", "Hearts", "Hands"]
NAME_C = ["Trust", "Foundation", "Partnership", "Network", "Alliance", "Project", "Collective", "Charity", "Centre", "Initiative"]
PROJECT_WORDS = ["Exit", "Reach", "Safe", "Step", "Bridge", "Rise", "Renew", "Restore", "Anchor", "Open"]
WORD_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def recipients(seed):
    rng = random.Random(f"{seed}-recipients")
    names = list(REAL_RECIPIENTS)
    seen = {n for n, _ in names}
    while len(names) < 400:
        name = f"{rng.choice(NAME_A)} {rng.choice(NAME_B)} {rng.choice(NAME_C)}"
        if name in seen:
            continue
        seen.add(name)
        project = f"{rng.choice(PROJECT_WORDS)}-{rng.choice(PROJECT_WORDS)}" if rng.random() < 0.4 else None
        names.append((name, project))
    return names


def money(rng, pence_hint=None):
    """An amount and its written form: £1.36m, £378,811, £2 million, £200k, £1.2 million."""
    style = rng.random()
    if style < 0.3:
        hundredths = rng.randrange(10, 999)  # £0.10m to £9.99m
        pounds = hundredths * 10_000
        text = f"£{hundredths / 100:.2f}m".replace(".00m", "m")
    elif style < 0.6:
        pounds = rng.randrange(20_000, 999_999)
        text = f"£{pounds:,}"
    elif style < 0.8:
        millions = rng.randrange(1, 12)
        pounds = millions * 1_000_000
        text = f"£{millions} million"
    elif style < 0.9:
        thousands = rng.randrange(50, 950, 5)
        pounds = thousands * 1000
        text = f"£{thousands}k"
    else:
        tenths = rng.randrange(11, 99)
        pounds = tenths * 100_000
        text = f"£{tenths / 10:.1f} million"
    return pounds, text


def grant_pool(seed, n_answers):
    """Distinct grants, restated across answers: one distinct grant per ten answers, so a grant is
    stated in about five answers on average (a few in many more)."""
    rng = random.Random(f"{seed}-grants")
    recips = recipients(seed)
    pool = []
    for _ in range(max(20, n_answers // 10)):
        name, project = rng.choice(recips)
        _, amount = money(rng)
        r = rng.random()
        if r < 0.4:
            years = rng.choice([2, 3, 3, 4, 5])
            duration = f" over {WORD_NUMBERS[years] if rng.random() < 0.7 else years} years"
        elif r < 0.6:
            y = rng.randrange(2018, 2026)
            duration = f" in {y}-{(y + 1) % 100:02d}"
        else:
            duration = ""
        pool.append((amount, duration, name, project))
    return pool


def grant_sentence(rng, grant):
    amount, duration, name, project = grant
    tail = f" for their {project} project" if project else ""
    form = rng.random()
    if form < 0.6:
        lead = rng.choice(["we are providing", "we are also providing", "the Home Office is providing",
                           "we have provided", "the Government has awarded", "we will give"])
        prefix = rng.choice(["To help support victims, ", "In addition, ", "", "", "This year, "])
        s = f"{prefix}{lead} {amount}{duration} to {name}{tail}"
        s = s[0].upper() + s[1:]
        return s + rng.choice([".", ", which provides early intervention and targeted support for women and girls at high risk of exploitation.",
                               ", to provide trauma-informed support to women wishing to exit on-street prostitution."])
    if form < 0.8:
        return f"{name[0].upper() + name[1:]} will receive {amount}{duration}{tail}."
    return f"We are providing funding of {amount} for {name}{duration}."


def nrm_paragraph(rng, year):
    kind = rng.choice(EXPLOITATION)
    total = rng.randrange(9_000, 20_000)
    pct = rng.randrange(3, 45)
    count = total * pct // 100
    women_pct = max(1, pct - rng.randrange(0, 3))
    return (f"The most recent statistics show that in {year}, {kind} accounted for {pct}% ({count:,}) of all referrals, "
            f"a {rng.randrange(1, 9)}% {rng.choice(['increase', 'decrease'])} from the previous year, "
            f"with {women_pct}% ({total * women_pct // 100:,}) of referrals relating to women. "
            f"In total, {total:,} potential victims of modern slavery were referred in {year}.")


def referral_table(rng, until):
    rows = "".join(f"<tr><td>{y}</td><td>{rng.randrange(300, 2500):,}</td></tr>" for y in range(until - rng.randrange(3, 6), until + 1))
    return ("<p>The following table shows the number of referrals to the National Referral Mechanism for (partial or whole) "
            "sexual exploitation for children, at age of exploitation.</p>"
            "<table><tbody><tr><td><strong>Year</strong></td><td><strong>NRM referrals for sexual exploitation</strong></td></tr>"
            f"{rows}</tbody></table>")


def answer_html(rng, grants, year):
    parts = [f"<p>{' '.join(rng.sample(OPENINGS, rng.randrange(1, 3)))}</p>"]
    for m in rng.sample(MIDDLES, rng.randrange(1, 4)):
        parts.append(f"<p>{m}</p>")
    if rng.random() < 0.45:
        parts.append(f"<p>We have several ways to estimate the scale of sexual exploitation. {nrm_paragraph(rng, year - rng.randrange(1, 3))}</p>")
    if rng.random() < 0.35:
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            parts.append(f"<p>{grant_sentence(rng, rng.choice(grants))}</p>")
    if rng.random() < 0.2:
        items = "".join(f"<li>{i}</li>" for i in rng.sample(LIST_ITEMS, rng.randrange(3, 7)))
        parts.append(f"<p>The support available includes:</p><ul>{items}</ul>")
    if rng.random() < 0.15:
        parts.append(referral_table(rng, year - 1))
    parts.append(f"<p>{rng.choice(CLOSINGS)}</p>")
    return "".join(parts)


def iso(day):
    return day.strftime("%Y-%m-%dT00:00:00")


class Corpus:
    def __init__(self, n, seed, per_file):
        self.n, self.seed, self.per_file = n, seed, per_file
        self.grants = grant_pool(seed, n)
        self.files = (n + per_file - 1) // per_file

    def page(self, index, total=None):
        """Page `index` (0-based): answers index*per_file .. +per_file, from its own RNG."""
        rng = random.Random(f"{self.seed}-page-{index}")
        first = index * self.per_file
        count = min(self.per_file, max(0, self.n - first)) if index < self.files else self.per_file
        records = []
        i = 0
        while i < count:
            k = first + i
            group = 2 if (i + 1 < count and rng.random() < 0.05) else 1
            records.extend(self.question_group(rng, k, group))
            i += group
        return {"totalResults": total if total is not None else self.n, "results": records}

    def question_group(self, rng, k, size):
        """`size` questions (k, k+1, ...) from one member, answered together when size > 1."""
        house = "Lords" if rng.random() < 0.25 else "Commons"
        body_id, body, _, dept_phrase = rng.choices(BODIES, weights=[b[2] for b in BODIES])[0]
        tabled = dt.date(2015, 1, 5) + dt.timedelta(days=(k * 3650) // max(self.n, 1) + rng.randrange(0, 3))
        year = tabled.year
        asking = rng.randrange(100, 5000)
        answering = rng.randrange(4000, 5200)
        html = answer_html(rng, self.grants, year)
        uins = [(f"HL{10000 + j}" if house == "Lords" else str(100000 + j)) for j in range(k, k + size)]
        heading = rng.choice(HEADINGS)
        answered = tabled + dt.timedelta(days=rng.randrange(5, 25))
        holding = answered - dt.timedelta(days=rng.randrange(1, 4)) if rng.random() < 0.04 else None
        correction = rng.random() < 0.01
        out = []
        for j in range(size):
            dept = "his Department" if house == "Commons" and rng.random() < 0.5 else "the Government"
            if house == "Commons":
                question = f"To ask the Secretary of State for {dept_phrase}, {rng.choice(ASKS).format(dept=dept)}."
            else:
                question = f"To ask His Majesty's Government {rng.choice(ASKS).format(dept='they').replace(' they has ', ' they have ')}."
            others = [u for u in uins if u != uins[j]]
            value = {
                "id": 3_000_000 + k + j,
                "askingMemberId": asking,
                "askingMember": None,
                "house": house,
                "memberHasInterest": rng.random() < 0.03,
                "dateTabled": iso(tabled),
                "dateForAnswer": iso(tabled + dt.timedelta(days=7 if house == "Commons" else 14)),
                "uin": uins[j],
                "questionText": question,
                "answeringBodyId": body_id,
                "answeringBodyName": body,
                "isWithdrawn": False,
                "isNamedDay": house == "Commons" and rng.random() < 0.2,
                "groupedQuestions": others,
                "answerIsHolding": False,
                "answerIsCorrection": False,
                "answeringMemberId": answering,
                "answeringMember": None,
                "correctingMemberId": None,
                "correctingMember": None,
                "dateAnswered": iso(answered),
                "answerText": html,
                "originalAnswerText": "",
                "comparableAnswerText": "",
                "dateAnswerCorrected": None,
                "dateHoldingAnswer": iso(holding) if holding else None,
                "attachmentCount": 0,
                "heading": heading,
                "attachments": [],
                "groupedQuestionsDates": [{"questionUin": u, "dateTabled": iso(tabled)} for u in others],
            }
            if rng.random() < 0.02:
                value["attachments"] = [{"url": f"https://questions-statements-api.parliament.uk/api/writtenquestions/attachment/{3_000_000 + k + j}",
                                         "title": "NRM referrals by year", "fileType": "Excel SpreadSheet",
                                         "fileSizeBytes": rng.randrange(10_000, 90_000)}]
                value["attachmentCount"] = 1
            if correction:
                correct(value, rng, answered)
            out.append({"value": value, "links": [{"rel": "self", "href": f"/Questions/{value['id']}", "method": "GET"}]})
        return out


def correct(value, rng, answered):
    """Turns the record into a corrected answer: the earlier text kept as originalAnswerText."""
    original = value["answerText"]
    value["answerIsCorrection"] = True
    value["originalAnswerText"] = original
    corrected = original.replace("</p>", " This answer is a correction from the original answer.</p>", 1)
    # A corrected figure: the first digit of the first number after "In total, " changes.
    at = corrected.find("In total, ")
    if at >= 0:
        d = at + len("In total, ")
        corrected = corrected[:d] + str((int(corrected[d]) % 9) + 1) + corrected[d + 1:]
    value["answerText"] = corrected
    value["comparableAnswerText"] = corrected
    value["dateAnswerCorrected"] = iso(answered + dt.timedelta(days=rng.randrange(20, 60)))
    value["correctingMemberId"] = value["answeringMemberId"]


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))


def cmd_corpus(args):
    c = Corpus(args.n, args.seed, args.per_file)
    small_files = max(1, min(c.files, args.small_n // args.per_file))
    for part in ("a", "b"):
        os.makedirs(os.path.join(args.out, part), exist_ok=True)
    for i in range(c.files):
        part = "a" if i < small_files else "b"
        write_json(os.path.join(args.out, part, f"page-{i:05d}.json"), c.page(i))
    print(f"wrote {c.files} files, {args.n} answers ({small_files} files in {args.out}/a)", file=sys.stderr)


def cmd_increment(args):
    c = Corpus(args.n, args.seed, args.per_file)
    total = max(2, round(c.files * args.fraction))
    new, changed = total - total // 2, total // 2
    os.makedirs(args.out, exist_ok=True)
    extended = Corpus(args.n + new * args.per_file, args.seed, args.per_file)
    for i in range(c.files, c.files + new):  # new pages: questions never seen
        write_json(os.path.join(args.out, f"page-{i:05d}.json"), extended.page(i, total=args.n + new * args.per_file))
    rng = random.Random(f"{args.seed}-increment")
    picks = sorted(rng.sample(range(c.files), min(changed, c.files)))
    corrected = 0
    for i in picks:  # changed pages: a tenth of their answers corrected since
        page = c.page(i)
        for item in page["results"]:
            v = item["value"]
            if not v["answerIsCorrection"] and v["answerText"] and rng.random() < 0.1:
                correct(v, rng, dt.date.fromisoformat(v["dateAnswered"][:10]))
                corrected += 1
        write_json(os.path.join(args.out, f"page-{i:05d}.json"), page)
    print(f"wrote {new} new files ({new * args.per_file} answers) and {len(picks)} changed files "
          f"({corrected} corrections)", file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["corpus", "increment"])
    p.add_argument("--n", type=int, default=100_000, help="answers in the corpus (default 100000)")
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--per-file", type=int, default=100)
    p.add_argument("--small-n", type=int, default=20_000, help="answers in OUT/a (corpus mode)")
    p.add_argument("--fraction", type=float, default=0.01, help="share of files in the increment")
    args = p.parse_args()
    (cmd_corpus if args.mode == "corpus" else cmd_increment)(args)


if __name__ == "__main__":
    main()
