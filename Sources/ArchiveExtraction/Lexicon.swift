// Word lists used by the grammar. Kept in one place so the grammar reads as rules.

enum Lexicon {
    static let gluedSuffixes: Set<String> = [
        "m", "bn", "b", "k", "st", "nd", "rd", "th", "am", "pm", "million", "billion", "thousand", "s",
    ]
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// Phrases that put a sentence about modern slavery or trafficking (Context.mentionsSlavery).
    static let slaveryPhrases = ["slavery", "traffick", "potential victim", "labour exploitation", "criminal exploitation",
                                 "domestic servitude", "forced labour"]

    /// "the previous year", "the preceding quarter", "the prior financial year".
    static let backwardWords: Set<String> = ["previous", "preceding", "prior"]

    /// "to run", "to deliver" ...: the verbs of a purpose clause that names a project.
    static let purposeVerbs: Set<String> = ["run", "operate", "deliver", "provide", "manage", "develop", "expand", "continue", "support"]

    /// "£150 per week", "£30 a night": what a rate is per.
    static let rateWords: Set<String> = ["week", "month", "year", "annum", "day", "hour", "night", "person", "victim",
                                         "head", "child", "adult", "individual", "case", "place", "bed", "session",
                                         "referral", "pupil", "fortnight", "weekly"]

    /// "The table below shows the number of referrals ... is": where a table's subject ends ...
    static let wordsEndingATableSubject: Set<String> = ["is", "are", "was", "were", "can", "will", "may", "has", "have", "below", "follows",
                                                        "following", "shown", "set", "published", "broken", "available", "held", "recorded"]
    /// ... and the words before it starts ("the latest figures on").
    static let wordsLeadingATableSubject: Set<String> = ["the", "a", "an", "following", "latest", "most", "recent", "total", "all", "of",
                                                         "figures", "data", "information", "statistics", "details", "breakdown", "on", "for"]

    /// "the first quarter of 2023": the ordinal's quarter.
    static let quarterOrdinals: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4]

    /// False for a word that cannot be a key of `months` (`KeyScreen`): asked at nearly every token.
    static func couldNameAMonth(_ lower: String) -> Bool { monthScreen.mayContain(lower) }
    /// False for a word no period starts with: every rule of `SentenceGrammar.matchPeriod` needs
    /// its first word to be one of these ("between", "from", "year", a quarter's ordinal, a month).
    static func couldStartAPeriod(_ lower: String) -> Bool { periodStartScreen.mayContain(lower) }
    private static let periodStartScreen = KeyScreen(["between", "from", "year"] + Array(quarterOrdinals.keys) + Array(months.keys))
    private static let monthScreen = KeyScreen(months.keys)

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20,
        "twenty-four": 24, "thirty": 30, "thirty-six": 36, "fifteen": 15, "several": 0,
    ]
    /// False for a word that cannot be a key of `timeUnits` (`KeyScreen`). The grammar asks it of
    /// the word after nearly every word before hashing either.
    static func couldBeATimeUnit(_ lower: String) -> Bool { timeUnitScreen.mayContain(lower) }
    private static let timeUnitScreen = KeyScreen(timeUnits.keys)
    /// Time units and their length in months (nil: not a whole number of months).
    static let timeUnits: [String: Int?] = [
        "year": 12, "years": 12, "month": 1, "months": 1, "week": nil, "weeks": nil, "day": nil,
        "days": nil, "hour": nil, "hours": nil, "minute": nil, "minutes": nil, "decade": 120,
        "decades": 120, "yrs": 12, "yr": 12, "working": nil,
    ]

    static let millionWords: [String: Int] = [
        "m": 6, "million": 6, "mn": 6, "bn": 9, "b": 9, "billion": 9, "k": 3, "thousand": 3,
    ]

    /// Words after which a number is a reference, not a statistic ("section 45", "Question 1480").
    static let referenceWords: Set<String> = [
        "section", "sections", "clause", "clauses", "schedule", "schedules", "paragraph", "paragraphs",
        "para", "paras", "article", "articles", "regulation", "regulations", "rule", "rules", "part", "parts",
        "chapter", "chapters", "question", "questions", "pq", "pqs", "uin", "page", "pages", "p", "pp", "table",
        "tables", "annex", "annexes", "appendix", "figure", "fig", "chart", "no", "nos", "tier", "phase",
        "category", "version", "line", "box", "item", "items", "option", "recommendation", "recommendations",
        "priority", "step", "goal", "sdg", "hl", "col", "cols", "column", "columns", "vol", "volume",
        "ref", "reference", "number", "standard", "stage", "level", "tranche", "round", "wave",
        "lot", "lots", "room", "floor", "platform", "route", "act", "target", "targets", "indicator", "indicators",
        "objective", "objectives",
    ]

    /// Words before a year that make the year part of a name ("Modern Slavery Act 2015").
    static let namedYearHeads: Set<String> = [
        "act", "acts", "regulations", "order", "bill", "convention", "strategy", "plan", "report", "review",
        "statement", "rules", "directive", "protocol", "declaration", "agenda", "games", "olympics", "census",
        "index", "framework", "guidance", "measure", "code", "conference", "summit", "cup", "vision", "manifesto",
    ]

    static let qualifiers2: [(String, String, String)] = [
        ("well", "over", "over"), ("just", "over", "over"), ("more", "than", "more than"), ("up", "to", "up to"),
        ("at", "least", "at least"), ("fewer", "than", "fewer than"), ("less", "than", "less than"),
        ("just", "under", "under"), ("excess", "of", "over"), ("upwards", "of", "over"), ("an", "estimated", "approximately"),
        ("just", "below", "under"), ("in", "region", "approximately"), ("well", "above", "over"),
    ]
    static let qualifiers1: [String: String] = [
        "over": "over", "approximately": "approximately", "approx": "approximately", "around": "around",
        "about": "approximately", "some": "approximately", "roughly": "approximately", "nearly": "nearly",
        "almost": "almost", "under": "under", "circa": "approximately", "ca": "approximately",
        "c": "approximately", "estimated": "approximately",
    ]

    static let changeNouns: [String: ChangeDirection] = [
        "increase": .increase, "increases": .increase, "rise": .increase, "uplift": .increase,
        "growth": .increase, "jump": .increase, "hike": .increase,
        "decrease": .decrease, "fall": .decrease, "reduction": .decrease, "drop": .decrease,
        "decline": .decrease, "cut": .decrease, "dip": .decrease,
    ]
    static let changeVerbs: [String: ChangeDirection] = [
        "increased": .increase, "rose": .increase, "risen": .increase, "grew": .increase, "grown": .increase,
        "up": .increase, "increase": .increase, "increasing": .increase, "rising": .increase, "rise": .increase,
        "decreased": .decrease, "fell": .decrease, "fallen": .decrease, "dropped": .decrease,
        "declined": .decrease, "reduced": .decrease, "down": .decrease, "decrease": .decrease, "falling": .decrease,
        "decreasing": .decrease, "cut": .decrease, "lowered": .decrease,
    ]

    /// Plural nouns that make a year-like number a count ("2000 victims").
    static let countNouns: Set<String> = [
        "people", "victims", "referrals", "individuals", "children", "women", "men", "adults", "cases",
        "persons", "girls", "boys", "males", "females", "offenders", "arrests", "prosecutions", "convictions",
        "survivors", "officers", "staff", "organisations", "households", "places", "beds", "calls", "reports",
        "decisions", "applications", "workers", "sites", "premises", "businesses", "charges", "crimes", "offences",
    ]

    static let receiveVerbs: Set<String> = [
        "receive", "receives", "received", "receiving", "awarded", "allocated", "granted", "given", "secured",
        "won", "get", "gets", "got", "paid", "offered", "obtained",
    ]
    static let giveVerbs: Set<String> = [
        "awarded", "award", "awards", "awarding", "granted", "grant", "grants", "granting", "given", "gave",
        "give", "gives", "giving", "paid", "pay", "pays", "paying", "allocated", "allocate", "allocates",
        "allocating", "provided", "provide", "provides", "providing", "offered", "offer",
    ]
    static let fundingVerbPrefixes: [String] = [
        "provid", "award", "giv", "gave", "fund", "grant", "allocat", "invest", "commit", "spen", "pa",
        "contribut", "donat", "offer", "suppl",
    ]
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "will", "would", "was", "were", "is", "are", "be", "been", "being", "also",
        "already", "now", "recently", "jointly", "each", "collectively", "successfully", "since", "just",
        "further", "additionally", "previously", "currently", "shall", "can", "could", "to",
    ]
    static let deliveryVerbs: Set<String> = [
        "carried", "delivered", "run", "led", "operated", "conducted", "undertaken", "managed", "administered",
    ]
    static let projectNouns: Set<String> = [
        "project", "projects", "programme", "programmes", "program", "service", "services", "scheme", "initiative",
        "pilot", "work", "campaign", "helpline",
    ]
    static let programmeHeads: Set<String> = [
        "fund", "funds", "programme", "program", "scheme", "tax", "grant", "grants", "initiative", "partnership",
        "contract", "budget", "pot", "competition", "challenge", "account", "reserve", "facility", "allocation",
    ]
    /// Capitalised words that cannot start an organisation name.
    static let nameStoplist: Set<String> = [
        "we", "i", "it", "this", "these", "those", "they", "their", "our", "her", "his", "its", "in", "on", "at",
        "for", "from", "to", "by", "of", "and", "or", "but", "with", "as", "since", "during", "between", "until",
        "a", "an", "all", "each", "every", "some", "any", "further", "following", "there", "here", "that",
        "which", "who", "what", "when", "where", "if", "however", "also", "additionally", "moreover",
        "my", "your", "he", "she", "you", "me", "us",
        "over", "under", "up", "about", "around", "including", "not", "no", "yes",
    ]
    /// Capitalised words that are not an organisation name on their own ("the Government").
    static let genericSingleNames: Set<String> = [
        "government", "parliament", "ministers", "minister", "department", "total", "overall", "office", "house",
        "secretary", "state", "committee", "council", "police", "charity", "charities",
    ]
    static let nameConnectors: Set<String> = ["of", "and", "for", "&", "the", "de", "in", "on", "at"]

    /// Places that are not recipients ("to reduce the threat to the UK").
    static let places: Set<String> = [
        "uk", "united kingdom", "england", "wales", "scotland", "northern ireland", "britain", "great britain",
        "europe", "england and wales", "london", "the uk", "eu", "european union",
    ]

    /// Subjects that stand for the answering body itself.
    static let selfSubjects: Set<String> = [
        "we", "the government", "this government", "government", "the department", "my department",
        "the department's", "ministers", "hmg", "his majesty's government", "her majesty's government", "i",
        "the uk government", "uk government",
    ]

    /// The first words of `exploitationPhrases`: a token that is none of them starts no phrase.
    static let exploitationPhraseStarts = Set(exploitationPhrases.map { $0.0[0] })

    static let exploitationPhrases: [([String], String)] = [
        (["sexual", "exploitation"], "sexual exploitation"), (["sexually", "exploited"], "sexual exploitation"),
        (["sex", "trafficking"], "sexual exploitation"), (["labour", "exploitation"], "labour exploitation"),
        (["forced", "labour"], "labour exploitation"), (["labour", "exploited"], "labour exploitation"),
        (["criminal", "exploitation"], "criminal exploitation"), (["criminally", "exploited"], "criminal exploitation"),
        (["county", "lines"], "criminal exploitation"), (["domestic", "servitude"], "domestic servitude"),
        (["organ", "harvesting"], "organ harvesting"), (["organ", "removal"], "organ harvesting"),
        (["unknown", "exploitation"], "unknown exploitation"),
    ]
    /// False for a word that cannot be a key of `populationWords` (`KeyScreen`).
    static func couldNameAGroup(_ lower: String) -> Bool { populationScreen.mayContain(lower) }
    private static let populationScreen = KeyScreen(populationWords.keys)
    static let populationWords: [String: String] = [
        "women": "women", "woman": "women", "girls": "girls", "girl": "girls", "men": "men", "boys": "boys",
        "children": "children", "child": "children", "adults": "adults", "adult": "adults", "males": "males",
        "male": "males", "females": "females", "female": "females", "minors": "children", "under-18s": "children",
        "juveniles": "children",
    ]
    static let measureStops: Set<String> = [
        "was", "were", "is", "are", "has", "have", "had", "will", "would", "may", "might", "can", "could",
        "should", "who", "which", "that", "and", "but", "with", "while", "whereas", "these", "this", "compared",
        "where", "when", "as", "so", "or", "than", "since", "be", "been",
    ]
    static let trimWords: Set<String> = [
        "of", "the", "a", "an", "to", "for", "in", "on", "at", "by", "from", "and", "so", "that", "they", "we",
        "it", "which", "who", "there", "were", "was", "is", "are", "has", "have", "been", "also", "all", "with",
        "total", "some", "approximately", "over", "under", "around", "about", "nearly", "almost", "up",
    ]
    static let abbreviations: Set<String> = [
        "c", "e", "g", "i", "mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "v", "approx", "etc", "cf", "para",
        "fig", "hon", "rt", "cllr", "prof", "co", "ca", "al", "op", "cit", "p", "pp", "ref",
    ]

    /// Words that describe what a recipient is, before its name: "the charity Hope for Justice".
    static let descriptorNouns: Set<String> = [
        "charity", "organisation", "organization", "ngo", "group", "provider", "consortium", "company", "firm",
        "body", "agency", "partner", "network", "foundation", "trust", "campaign", "enterprise", "institute",
    ]
    /// Two-word descriptors: "non-governmental organisation", "social enterprise", "think tank".
    static let descriptorPairs: [String: String] = [
        "non-governmental": "organisation", "non-profit": "organisation", "voluntary": "organisation",
        "social": "enterprise", "think": "tank", "civil": "society", "research": "organisation",
        "delivery": "partner", "third-sector": "organisation",
    ]
    /// Lower-case words that may stand between "the" and a descriptor: "the local charity X".
    static let descriptorAdjectives: Set<String> = [
        "local", "national", "regional", "specialist", "leading", "small", "registered", "international",
        "anti-slavery", "anti-trafficking", "frontline", "front-line", "survivor-led", "grassroots", "community",
        "independent", "expert", "women's", "women’s", "children's", "children’s", "uk-based", "uk", "london-based",
    ]
    /// Nouns a body possesses, after "the Commissioner’s": the money is the body's.
    static let possessedNouns: Set<String> = [
        "office", "team", "unit", "department", "secretariat", "staff", "programme", "work", "service", "services",
    ]
    /// Heads of body names whose possessive names the body: "the Independent Anti-Slavery Commissioner’s office".
    static let bodyHeads: Set<String> = [
        "commissioner", "commissioners", "office", "council", "department", "authority", "agency", "service",
        "unit", "commission", "ministry", "government", "police", "force", "mayor", "board", "executive",
        "inspectorate", "centre", "coordinator", "co-ordinator", "lead", "champion", "ombudsman", "tsar", "adviser",
        "advisor", "secretary", "minister", "directorate", "trust", "partnership", "network", "forum", "panel",
    ]
    /// Well-known single names that contain "and", never cut into two recipients.
    static let namesWithAnd: Set<String> = [
        "justice and care", "rape crisis england and wales", "women and girls network", "police and crime commissioner",
        "police and crime commissioners", "modern slavery and organised immigration crime unit",
        "modern slavery and exploitation helpline", "gangmasters and labour abuse authority",
        "foreign commonwealth and development office", "tackling child exploitation and online protection",
        "child exploitation and online protection", "department for environment food and rural affairs",
        "department for science innovation and technology", "ministry of housing communities and local government",
    ]
    /// Heads of names that are pots of money, not recipients: "the Victims’ Fund".
    static let fundHeads: Set<String> = ["fund", "funds", "pot", "budget", "reserve"]

    // MARK: - Funding frames and discourse

    /// Heads of names that are documents, laws or events, never funded: "the Modern Slavery Act".
    static let documentHeads: Set<String> = [
        "act", "acts", "bill", "strategy", "regulations", "review", "summit", "plan", "report", "statement",
        "guidance", "order", "code", "convention", "protocol", "declaration", "conference", "audit",
    ]
    /// Heads of names of public bodies, which "the charity" or "the organisation" never stands for.
    static let publicBodyHeads: Set<String> = [
        "office", "department", "ministry", "government", "agency", "police", "constabulary", "authority",
        "parliament", "commissioner", "executive", "service", "inspectorate", "directorate", "cabinet", "treasury",
    ]
    /// Description heads that stand for a named organisation: "the charity received £64,000".
    static let organisationDescriptions: Set<String> = [
        "charity", "organisation", "organization", "ngo", "provider", "consortium", "partner", "trust", "foundation",
    ]
    /// Description heads that stand for a named programme: "the programme will receive £2m".
    static let programmeDescriptions: Set<String> = [
        "programme", "program", "project", "scheme", "initiative", "pilot", "service", "helpline", "unit", "centre",
        "taskforce", "operation", "network", "partnership", "hub",
    ]
    /// Lower-case heads that end the name of a funded thing after its proper name: "the Grip
    /// programme", "the TOEX programme", "their ‘Grip’ police enforcement programme".
    static let fundedThingHeads: Set<String> = [
        "programme", "programmes", "program", "project", "projects", "unit", "centre", "center", "service", "scheme",
        "taskforce", "initiative", "partnership", "pilot", "helpline", "network", "team", "hub", "campaign",
        "operation", "app", "platform", "tool", "model", "hotline",
    ]
    /// Lower-case words between a proper name and its head: "‘Grip’ police enforcement programme".
    static let fundedThingModifiers: Set<String> = [
        "police", "enforcement", "support", "advocacy", "outreach", "prevention", "intervention", "pilot",
        "specialist", "national", "regional", "local", "hotspot", "policing", "research", "training", "response",
        "victim", "victims", "survivor", "helpline", "rescue", "safeguarding", "exit", "awareness", "data",
    ]
    /// Plural heads that make a name a class of recipients, not one: "Violence Reduction Units".
    static let genericPluralHeads: Set<String> = [
        "units", "forces", "councils", "authorities", "commissioners", "charities", "organisations", "organizations",
        "partnerships", "vrus", "pccs", "services", "teams", "boards", "agencies", "constabularies", "ngos",
        "providers", "trusts", "groups", "schools", "hospitals", "councillors", "bodies", "areas", "regions",
    ]
    /// Verbs of a purpose clause whose object is what the money funds: "£3.6m to establish the NCLCC".
    static let purposeObjectVerbs: Set<String> = [
        "establish", "create", "set", "develop", "run", "fund", "support", "launch", "expand", "found", "build",
        "finance", "sustain", "continue", "extend", "open", "deliver", "operate", "resource", "maintain", "pilot",
    ]
    /// Nouns of bringing into being between a purpose verb and its object: "to support the establishment of".
    static let establishmentNouns: Set<String> = [
        "establishment", "creation", "development", "expansion", "launch", "setting", "running", "work",
        "operation", "continuation", "roll-out", "rollout", "delivery",
    ]
    /// Verbs that put money into a thing: "invested £17.8m in the MSOICU", "put £2m into".
    static let investVerbs: Set<String> = [
        "invest", "invests", "invested", "investing", "spend", "spends", "spent", "spending", "put", "puts",
        "putting", "inject", "injected", "injecting", "channel", "channelled", "plough", "ploughed",
    ]
    /// Verbs that give money to an indirect object before it: "funding St Giles Trust £860,000".
    static let indirectObjectVerbs: Set<String> = [
        "fund", "funds", "funded", "funding", "award", "awards", "awarded", "awarding", "allocate", "allocates",
        "allocated", "allocating", "grant", "granted", "granting", "give", "gives", "gave", "given", "giving",
        "pay", "pays", "paid", "paying", "offer", "offered", "offering",
    ]
    /// Words that may stand between a receiving verb and its sum: "received an additional investment of £5.5m".
    static let receivedSumWords: Set<String> = [
        "a", "an", "additional", "further", "extra", "new", "total", "grant", "grants", "funding", "investment",
        "of", "sum", "award", "allocation", "uplift", "package", "worth", "some", "around", "its", "their",
        "contribution", "payment", "one-off", "annual", "multi-year", "in", "over", "nearly", "almost",
    ]
    /// Words that mark a sum as part of a total already stated: "including £12.6m this year".
    static let partMarkers: Set<String> = ["including", "includes", "included", "comprising", "comprises", "which"]
    /// Participles of backing in an appositive: "West Midlands VRU, backed by £2.9m of investment".
    static let backingParticiples: Set<String> = ["backed", "supported", "funded", "underpinned", "resourced", "boosted"]
    /// Heads whose thing belongs to the organisation named before it: "a UNICEF project" is UNICEF's.
    static let projectOfOrganisationHeads: Set<String> = ["project", "projects", "pilot", "campaign", "app", "platform", "tool"]
    /// Nouns of money that make a clause a funding clause: "a £10 million investment to create ...".
    static let fundingNouns: Set<String> = [
        "funding", "grant", "grants", "investment", "investments", "allocation", "award", "awards", "contribution",
        "payment", "payments", "money", "uplift",
    ]
    /// Participles after a sum that make its clause a funding clause: "£2m has been provided by ...".
    static let fundingParticiples: Set<String> = [
        "available", "provided", "allocated", "awarded", "granted", "committed", "invested", "given", "made", "paid",
    ]
    /// Auxiliaries of the passive: "X was awarded £Y" receives, "X has awarded £Y" gives.
    static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "be", "is", "are", "being"]

    // MARK: - The recipient grammar

    /// Verbs of a purpose clause after "to": "£X to fund ...", "to help victims".
    static let infinitiveVerbs: Set<String> = [
        "fund", "support", "help", "provide", "deliver", "run", "develop", "improve", "tackle", "address", "enable",
        "ensure", "increase", "expand", "create", "establish", "build", "research", "understand", "identify",
        "prevent", "protect", "combat", "reduce", "raise", "train", "commission", "continue", "strengthen",
        "enhance", "assist", "allow", "pay", "cover", "test", "pilot", "evaluate", "assess", "work", "set",
        "boost", "drive", "meet", "give", "offer", "make", "take", "bring", "target", "extend", "explore",
        "launch", "roll", "scale", "invest", "promote", "encourage", "respond", "end", "stop", "disrupt",
        "rescue", "safeguard", "upskill", "embed", "maintain", "sustain", "keep", "trial", "design", "produce",
        "carry", "conduct", "undertake", "gather", "collect", "map", "better", "further", "date", "be", "spend",
        "recruit", "employ", "equip", "operate", "manage", "co-ordinate", "coordinate", "lead", "fight",
        "eradicate", "end", "increase", "monitor", "review", "update", "create", "pursue", "investigate",
        "prosecute", "bolster", "double", "grow", "transform", "integrate", "reach", "engage", "educate",
        "inform", "implement", "secure", "procure", "purchase", "buy", "hire", "open", "expand", "share",
    ]
    /// Verbs that take the recipient as object and the sum after "with": "funded X with £Y".
    static let fundWithVerbs: Set<String> = [
        "funded", "fund", "funds", "funding", "supported", "support", "supports", "supporting", "provided", "provide",
        "provides", "providing", "awarded", "equipped", "resourced",
    ]
    /// Nouns of money given, before "for R" or "to R": "funding for Unseen", "a grant to Kalayaan".
    static let fundingNounsBeforeRecipient: Set<String> = ["funding", "grant", "grants", "award", "awards", "payment", "payments", "contribution", "money"]

    /// Nouns before "to R" in "funding to R of £X".
    static let fundingNounsBeforeTo: Set<String> = ["funding", "grant", "grants", "award", "payment", "payments"]
    /// Words between a receiving or giving verb and its sum: "received a grant of £X".
    static let sumWordsAfterVerb: Set<String> = [
        "a", "an", "total", "grant", "funding", "sum", "additional", "further", "extra", "worth", "with", "new", "of",
        "in", "grants", "award", "package", "contract", "contracts", "valued", "at",
    ]
    /// Verbs that receive only in the passive: "Kalayaan was awarded £X"; "We awarded £X" gives.
    static let receivingOnlyInPassive: Set<String> = ["awarded", "allocated", "granted", "given", "paid", "offered"]
    static let relativePronouns: Set<String> = ["which", "who", "that", "whose"]
    /// Prepositions of a time phrase after the recipient: "to Unseen in 2024-25", "over three years".
    static let timePrepositionsAfterRecipient: Set<String> = ["in", "for", "over", "during", "across", "from", "between", "until", "till"]
    /// Words that open a duration after the recipient: "for the next three years", "a period of".
    static let durationOpeners: Set<String> = ["the", "next", "a", "period", "of"]
    /// Prepositions that name where money comes from: "from the X Fund", "through the Y Programme".
    static let sourcePrepositions: Set<String> = ["from", "through", "via", "under"]

    // MARK: - Figure context

    /// Copulas between a number and its group: "9,350 were adults".
    static let copulas: Set<String> = ["were", "was", "are", "is", "of", "being"]
    /// Words after a change that point back to the figure changed: "a 2% increase on the previous year".
    static let changeBaselineWords: Set<String> = ["from", "on", "compared", "since", "over", "against"]
    /// Words after a sum that leave it a sum, not a count of something: "3.4 million to Hestia".
    static let wordsAfterASum: Set<String> = [
        "to", "for", "in", "into", "towards", "each", "over", "per", "a", "an", "of", "from", "on", "was", "were",
        "is", "has", "have", "will", "had", "and", "or", "this", "last", "next", "respectively",
    ]
    /// Nouns of what money covers, between "towards the" and what is funded: "towards the costs of".
    static let costNouns: Set<String> = ["cost", "costs", "running", "work", "delivery", "expansion", "establishment"]
    /// Verbs between a funding subject and its sum: "the grant for this year is £400,000".
    static let copulasOfASum: Set<String> = ["is", "was", "be", "totals", "totalled", "totaled", "amounts", "amounted", "comes", "came", "stands", "stood"]
    /// Nouns after a sum that make it an investment: "a £10m investment in X".
    static let investmentNouns: Set<String> = ["investment", "investments"]
    /// Nouns of work funded and done by someone: "£250,000 for work by Anti-Slavery International".
    static let workNouns: Set<String> = ["work", "research", "activity", "activities"]
    /// Participles between work and its doer: "work carried out by", "research led by".
    static let workParticiples: Set<String> = ["led", "carried", "done", "delivered", "undertaken"]
    /// Stems in a list's heading that make its items funding: "The following grants were awarded:".
    static let fundingStems: [String] = ["fund", "grant", "award", "allocat", "paid", "payment"]
    /// Stems in a list's heading that make its numbered items codes: "the following offence codes:".
    static let codeListStems: [String] = ["offence", "code", "classification"]
    /// Words of a table header that make its column a period column: "Year", "Financial year".
    static let periodHeaderWords: [String] = ["year", "period", "quarter", "month", "date"]
    /// Words no sentence or heading ends with: a line that stops on one runs on into the next.
    static let wordsThatEndNoSentence: Set<String> = [
        "a", "an", "the", "including", "of", "to", "for", "with", "by", "from", "and", "or", "our", "their", "its", "into",
    ]
}
