import SQLite

/// The filters every report shares. Each is bound as an SQL parameter, never spliced into SQL;
/// nil means "no filter".
public struct ReportFilters: Sendable, Equatable {
    /// Answers given on or after this day (`YYYY-MM-DD`).
    public var since: String?
    /// Answers given on or before this day.
    public var until: String?
    /// `Commons` or `Lords`.
    public var house: String?
    /// Answering body by name (any case) or Parliament id.
    public var body: String?
    /// Recipient (or funder) names containing this text, any case.
    public var recipient: String?
    /// A full-text query (FTS5 syntax) the question or answer must match.
    public var topic: String?
    /// At most this many rows.
    public var limit: Int?

    public init(since: String? = nil, until: String? = nil, house: String? = nil, body: String? = nil,
                recipient: String? = nil, topic: String? = nil, limit: Int? = nil) {
        self.since = since
        self.until = until
        self.house = house
        self.body = body
        self.recipient = recipient
        self.topic = topic
        self.limit = limit
    }

    /// The values for parameters ?1 to ?7 of every report's SQL, in that order.
    var parameters: [SQLiteValue] {
        [SQLiteValue(since), SQLiteValue(until), SQLiteValue(house), SQLiteValue(body), SQLiteValue(recipient),
         SQLiteValue(topic), SQLiteValue(limit)]
    }

    /// The answer-level conditions on `v` (answer_versions), `q` (questions) and `b` (answering_bodies),
    /// written against parameters ?1 to ?4 and ?6; `day` is the column --since and --until compare.
    static func answerConditions(day: String = "v.date_answered") -> String {
        """
        (?1 IS NULL OR \(day) >= ?1) AND (?2 IS NULL OR \(day) <= ?2)
        AND (?3 IS NULL OR q.house = ?3 COLLATE NOCASE)
        AND (?4 IS NULL OR b.name = ?4 COLLATE NOCASE OR CAST(b.api_id AS TEXT) = ?4)
        AND (?6 IS NULL OR q.id IN (SELECT rowid FROM search WHERE search MATCH ?6))
        """
    }

    /// The recipient condition on an organisation name column, against parameter ?5.
    static func recipientCondition(_ column: String) -> String {
        "(?5 IS NULL OR instr(lower(\(column)), lower(?5)) > 0)"
    }

    /// The limit clause, against parameter ?7.
    static let limitClause = "LIMIT coalesce(?7, -1)"
}

/// How `funding` groups its money.
public enum FundingGrouping: String, CaseIterable, Sendable {
    case recipient, funder, year, project
}

/// The canned reports: each one SQL statement over the archive, with the shared filters bound.
public enum Reports {
    /// Runs `sql` with the filters bound and shapes the rows as a report.
    static func run(_ database: Database, title: String, columns: [ReportColumn], sql: String,
                    filters: ReportFilters, extra: [SQLiteValue] = []) throws -> ReportTable {
        let statement = try database.prepare(sql)
        do {
            let rows = try statement.rows(filters.parameters + extra)
            return ReportTable(title: title, columns: columns, rows: rows.map { $0.map(ReportValue.init) })
        } catch let error as SQLiteError where error.primaryCode == 1 && (filters.topic != nil || !extra.isEmpty) {
            // The SQL itself is fixed, so a plain SQL error at run time comes from a full-text query.
            throw QueryError.badSearch(query: extra.first?.textValue ?? filters.topic ?? "", detail: error.message)
        }
    }

    // MARK: - funding

    /// Money by recipient (or funder, year, project) over distinct grants stated in current
    /// answers: a grant restated in several answers counts once, a part of a grant only when its
    /// total is not stated. By year, each grant counts in the financial year it is for, years in
    /// order, and grants whose period the answers do not state in a row of their own, last.
    public static func funding(_ database: Database, by grouping: FundingGrouping = .recipient,
                               filters: ReportFilters = ReportFilters()) throws -> ReportTable {
        let key: String
        switch grouping {
        case .recipient: key = "r.name"
        case .funder: key = "coalesce(f.name, '(funder not known)')"
        case .year: key = "coalesce(p.financial_year, '\(Self.periodNotStated)')"
        case .project: key = "coalesce(p.project, '(no project named)')"
        }
        let order = grouping == .year ? "g.key = '\(Self.periodNotStated)', g.key" : "sum(g.amount_pence) DESC, g.key"
        let sql = """
            WITH live AS (
                SELECT m.grant_id, v.answer_id, v.date_answered
                FROM grant_mentions m
                JOIN answer_versions v ON v.id = m.answer_version_id AND v.is_current
                WHERE EXISTS (SELECT 1 FROM questions q LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
                              WHERE q.answer_id = v.answer_id AND \(ReportFilters.answerConditions()))
            ),
            per_grant AS (
                SELECT g.id, g.amount_pence, g.recipient_id, g.funder_id, g.project, g.rate, g.financial_year,
                       min(live.date_answered) AS first_stated, max(live.date_answered) AS last_stated
                FROM grants g JOIN live ON live.grant_id = g.id
                WHERE g.part_of_grant_id IS NULL OR g.part_of_grant_id NOT IN (SELECT grant_id FROM live)
                GROUP BY g.id
            ),
            grouped AS (
                SELECT \(key) AS key, p.*, f.name AS funder_name
                FROM per_grant p
                JOIN organisations r ON r.id = p.recipient_id
                LEFT JOIN organisations f ON f.id = p.funder_id
                WHERE \(ReportFilters.recipientCondition("r.name"))
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
            SELECT g.key AS \(grouping.rawValue),
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
            ORDER BY \(order)
            \(ReportFilters.limitClause)
            """
        return try run(database, title: "Funding by \(grouping.rawValue)", columns: [
            ReportColumn(grouping.rawValue, .text), ReportColumn("total_gbp", .money), ReportColumn("grants", .integer),
            ReportColumn("stated_as_rate", .integer), ReportColumn("periods", .text), ReportColumn("answers", .integer),
            ReportColumn("first_stated", .date), ReportColumn("last_stated", .date), ReportColumn("funders", .text),
        ], sql: sql, filters: filters)
    }

    /// The public page of the written question a row comes from (as the 360Giving export builds it).
    static let answerURL = "'https://questions-statements.parliament.uk/written-questions/detail/' || q.date_tabled || '/' || q.uin"

    /// The row of grants whose financial year no answer states, in funding by year.
    public static let periodNotStated = "(period not stated)"

    // MARK: - grants and figures

    /// Each grant mention with its answer, amount, duration, project and evidence.
    public static func grants(_ database: Database, filters: ReportFilters = ReportFilters()) throws -> ReportTable {
        let sql = """
            SELECT q.uin, q.house, v.date_answered, b.name AS answering_body, r.name AS recipient,
                   CASE WHEN g.amount_pence % 100 = 0 THEN g.amount_pence / 100 ELSE g.amount_pence / 100.0 END AS amount_gbp,
                   m.qualifier, g.rate, g.duration_months, g.financial_year, g.project,
                   f.name AS funder, g.id AS grant_id, g.part_of_grant_id, m.evidence, \(answerURL) AS url
            FROM grant_mentions m
            JOIN grants g ON g.id = m.grant_id
            JOIN organisations r ON r.id = g.recipient_id
            LEFT JOIN organisations f ON f.id = g.funder_id
            JOIN answer_versions v ON v.id = m.answer_version_id AND v.is_current
            JOIN questions q ON q.id = (SELECT min(id) FROM questions WHERE answer_id = v.answer_id)
            LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
            WHERE \(ReportFilters.answerConditions()) AND \(ReportFilters.recipientCondition("r.name"))
            ORDER BY v.date_answered, q.uin, m.evidence_start
            \(ReportFilters.limitClause)
            """
        return try run(database, title: "Grant mentions", columns: [
            ReportColumn("uin", .text), ReportColumn("house", .text), ReportColumn("date_answered", .date),
            ReportColumn("answering_body", .text), ReportColumn("recipient", .text), ReportColumn("amount_gbp", .money),
            ReportColumn("qualifier", .text), ReportColumn("rate", .text),
            ReportColumn("duration_months", .integer), ReportColumn("financial_year", .text), ReportColumn("project", .text),
            ReportColumn("funder", .text), ReportColumn("grant_id", .integer), ReportColumn("part_of_grant_id", .integer),
            ReportColumn("evidence", .text), ReportColumn("url", .text),
        ], sql: sql, filters: filters)
    }

    /// Each figure quoted in a current answer, with its answer and evidence.
    public static func figures(_ database: Database, filters: ReportFilters = ReportFilters()) throws -> ReportTable {
        let sql = """
            SELECT q.uin, q.house, v.date_answered, b.name AS answering_body, f.value, f.unit, f.qualifier, f.period,
                   f.measure, f.kind, f.direction, f.exploitation_type, f.population, f.evidence, f.context, \(answerURL) AS url
            FROM figures f
            JOIN answer_versions v ON v.id = f.answer_version_id AND v.is_current
            JOIN questions q ON q.id = (SELECT min(id) FROM questions WHERE answer_id = v.answer_id)
            LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
            WHERE \(ReportFilters.answerConditions())
            ORDER BY v.date_answered, q.uin, f.evidence_start
            \(ReportFilters.limitClause)
            """
        return try run(database, title: "Figures", columns: [
            ReportColumn("uin", .text), ReportColumn("house", .text), ReportColumn("date_answered", .date),
            ReportColumn("answering_body", .text), ReportColumn("value", .decimal), ReportColumn("unit", .text),
            ReportColumn("qualifier", .text), ReportColumn("period", .text), ReportColumn("measure", .text),
            ReportColumn("kind", .text), ReportColumn("direction", .text), ReportColumn("exploitation_type", .text),
            ReportColumn("population", .text), ReportColumn("evidence", .text), ReportColumn("context", .text), ReportColumn("url", .text),
        ], sql: sql, filters: filters)
    }

    // MARK: - referrals

    /// NRM referral figures quoted in answers by period, exploitation type and group, with the
    /// answers that quoted each, conflicts, and a check of annual totals against the official ones.
    /// Unfiltered, it gives the rows of the `referral_trends` view.
    public static func referrals(_ database: Database, filters: ReportFilters = ReportFilters()) throws -> ReportTable {
        let sql = """
            WITH quoted AS (
                SELECT f.period, f.exploitation_type, f.population, f.unit, f.kind, f.value,
                       q.house, q.uin, v.date_answered, v.answer_id
                FROM figures f
                JOIN answer_versions v ON v.id = f.answer_version_id AND v.is_current
                JOIN questions q ON q.answer_id = v.answer_id
                LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
                WHERE f.is_nrm_referrals AND \(ReportFilters.answerConditions())
            ),
            valued AS (
                SELECT period, exploitation_type, population, unit, kind, value,
                       count(DISTINCT answer_id) AS answers,
                       group_concat(DISTINCT house || ' ' || uin) AS quoted_in,
                       min(date_answered) AS first_quoted,
                       max(date_answered) AS last_quoted
                FROM quoted
                GROUP BY period, exploitation_type, population, unit, kind, value
            )
            SELECT v.period, v.exploitation_type, v.population, v.unit, v.kind, v.value,
                   v.answers, v.quoted_in, v.first_quoted, v.last_quoted,
                   count(*) OVER (PARTITION BY v.period, v.exploitation_type, v.population, v.unit, v.kind) > 1 AS conflicting,
                   o.first_published AS official_first_published,
                   o.revised AS official_revised,
                   CASE
                       WHEN o.year IS NULL THEN NULL
                       WHEN abs(v.value - o.first_published) <= 0.005 * o.first_published THEN 'matches first published'
                       WHEN o.revised IS NOT NULL AND abs(v.value - o.revised) <= 0.005 * o.revised THEN 'matches revised'
                       ELSE 'differs from official totals'
                   END AS official_check
            FROM valued v
            LEFT JOIN nrm_official_totals o ON CAST(o.year AS TEXT) = v.period AND v.exploitation_type IS NULL
                 AND v.population IS NULL AND v.unit = 'count' AND v.kind = 'level'
            ORDER BY v.period, v.exploitation_type NULLS FIRST, v.population NULLS FIRST, v.unit, v.kind, v.value
            \(ReportFilters.limitClause)
            """
        return try run(database, title: "NRM referral figures quoted in answers", columns: [
            ReportColumn("period", .text), ReportColumn("exploitation_type", .text), ReportColumn("population", .text),
            ReportColumn("unit", .text), ReportColumn("kind", .text), ReportColumn("value", .decimal),
            ReportColumn("answers", .integer), ReportColumn("quoted_in", .text), ReportColumn("first_quoted", .date),
            ReportColumn("last_quoted", .date), ReportColumn("conflicting", .integer),
            ReportColumn("official_first_published", .integer), ReportColumn("official_revised", .integer),
            ReportColumn("official_check", .text),
        ], sql: sql, filters: filters)
    }

    // MARK: - answers, search, bodies, timeline

    /// Answered questions with their current answer, newest first.
    public static func answers(_ database: Database, filters: ReportFilters = ReportFilters()) throws -> ReportTable {
        let sql = """
            SELECT q.uin, q.house, q.date_tabled, v.date_answered, b.name AS answering_body, q.heading, v.kind AS answer_kind,
                   (SELECT count(*) FROM answer_versions x WHERE x.answer_id = v.answer_id) AS versions,
                   v.is_truncated, q.is_named_day,
                   (SELECT count(*) FROM figures f WHERE f.answer_version_id = v.id) AS figures,
                   (SELECT count(*) FROM grant_mentions m WHERE m.answer_version_id = v.id) AS grants,
                   coalesce(asker.name, q.asking_member_name) AS asking_member, answerer.name AS answering_member, \(answerURL) AS url
            FROM questions q
            JOIN answer_versions v ON v.answer_id = q.answer_id AND v.is_current
            LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
            LEFT JOIN members asker ON asker.id = q.asking_member_id
            LEFT JOIN members answerer ON answerer.id = v.answering_member_id
            WHERE \(ReportFilters.answerConditions())
            ORDER BY v.date_answered DESC, q.house, q.uin
            \(ReportFilters.limitClause)
            """
        return try run(database, title: "Answers", columns: [
            ReportColumn("uin", .text), ReportColumn("house", .text), ReportColumn("date_tabled", .date),
            ReportColumn("date_answered", .date), ReportColumn("answering_body", .text), ReportColumn("heading", .text),
            ReportColumn("answer_kind", .text), ReportColumn("versions", .integer), ReportColumn("is_truncated", .integer),
            ReportColumn("is_named_day", .integer), ReportColumn("figures", .integer), ReportColumn("grants", .integer),
            ReportColumn("asking_member", .text), ReportColumn("answering_member", .text), ReportColumn("url", .text),
        ], sql: sql, filters: filters)
    }

    /// Full-text search (FTS5 syntax) over headings, questions and current answers, best first,
    /// with the matching words of the answer [in brackets].
    public static func search(_ database: Database, query: String, filters: ReportFilters = ReportFilters()) throws -> ReportTable {
        let sql = """
            SELECT q.uin, q.house, v.date_answered, b.name AS answering_body, q.heading,
                   snippet(search, -1, '[', ']', '…', 16) AS snippet, round(bm25(search), 3) AS rank,
                   coalesce(asker.name, q.asking_member_name) AS asking_member, answerer.name AS answering_member, \(answerURL) AS url
            FROM search
            JOIN questions q ON q.id = search.rowid
            LEFT JOIN answer_versions v ON v.answer_id = q.answer_id AND v.is_current
            LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
            LEFT JOIN members asker ON asker.id = q.asking_member_id
            LEFT JOIN members answerer ON answerer.id = v.answering_member_id
            WHERE search MATCH ?8 AND \(ReportFilters.answerConditions(day: "coalesce(v.date_answered, q.date_tabled)"))
             
            ORDER BY bm25(search), q.id
            \(ReportFilters.limitClause)
            """
        return try run(database, title: "Search: \(query)", columns: [
                ReportColumn("uin", .text), ReportColumn("house", .text), ReportColumn("date_answered", .date),
                ReportColumn("answering_body", .text), ReportColumn("heading", .text), ReportColumn("snippet", .text),
                ReportColumn("rank", .decimal), ReportColumn("asking_member", .text), ReportColumn("answering_member", .text),
                ReportColumn("url", .text),
            ], sql: sql, filters: filters, extra: [.text(query)])
    }

    /// Answers per answering body per year.
    public static func bodies(_ database: Database, filters: ReportFilters = ReportFilters()) throws -> ReportTable {
        let sql = """
            SELECT coalesce(b.name, '(not known)') AS answering_body, strftime('%Y', v.date_answered) AS year,
                   count(DISTINCT v.answer_id) AS answers, count(*) AS questions
            FROM questions q
            JOIN answer_versions v ON v.answer_id = q.answer_id AND v.is_current
            LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
            WHERE \(ReportFilters.answerConditions())
            GROUP BY b.id, year
            ORDER BY answering_body, year
            \(ReportFilters.limitClause)
            """
        return try run(database, title: "Answers by answering body and year", columns: [
            ReportColumn("answering_body", .text), ReportColumn("year", .text), ReportColumn("answers", .integer),
            ReportColumn("questions", .integer),
        ], sql: sql, filters: filters)
    }

    /// Questions tabled and answered per month; for named-day questions, how many were answered by
    /// the day named.
    public static func timeline(_ database: Database, filters: ReportFilters = ReportFilters()) throws -> ReportTable {
        let sql = """
            WITH asked AS (
                SELECT q.id, q.date_tabled, q.date_for_answer, q.is_named_day,
                       (SELECT min(x.date_answered) FROM answer_versions x WHERE x.answer_id = q.answer_id AND x.kind != 'holding') AS answered_on
                FROM questions q
                LEFT JOIN answer_versions v ON v.answer_id = q.answer_id AND v.is_current
                LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
                WHERE \(ReportFilters.answerConditions(day: "q.date_tabled"))
                 
            ),
            months AS (
                SELECT strftime('%Y-%m', date_tabled) AS month FROM asked
                UNION SELECT strftime('%Y-%m', answered_on) FROM asked WHERE answered_on IS NOT NULL
            )
            SELECT m.month,
                   (SELECT count(*) FROM asked a WHERE strftime('%Y-%m', a.date_tabled) = m.month) AS tabled,
                   (SELECT count(*) FROM asked a WHERE strftime('%Y-%m', a.answered_on) = m.month) AS answered,
                   (SELECT count(*) FROM asked a WHERE a.is_named_day AND strftime('%Y-%m', a.date_tabled) = m.month) AS named_day_tabled,
                   (SELECT count(*) FROM asked a WHERE a.is_named_day AND strftime('%Y-%m', a.date_tabled) = m.month
                      AND a.answered_on IS NOT NULL AND a.date_for_answer IS NOT NULL AND a.answered_on <= a.date_for_answer) AS named_day_answered_by_day_named
            FROM months m
            ORDER BY m.month
            \(ReportFilters.limitClause)
            """
        return try run(database, title: "Questions tabled and answered per month", columns: [
            ReportColumn("month", .text), ReportColumn("tabled", .integer), ReportColumn("answered", .integer),
            ReportColumn("named_day_tabled", .integer), ReportColumn("named_day_answered_by_day_named", .integer),
        ], sql: sql, filters: filters)
    }
}

/// Problems with a query a person asked for.
public enum QueryError: Error, Equatable, CustomStringConvertible {
    /// The full-text query is not valid FTS5 syntax.
    case badSearch(query: String, detail: String)
    /// `archive sql` was given a statement that would change the database.
    case notReadOnly(String)

    public var description: String {
        switch self {
        case .badSearch(let query, let detail):
            return "cannot search for \(query): \(detail) (FTS5 syntax: words, \"exact phrases\", AND, OR, NOT, prefix*)"
        case .notReadOnly:
            return "archive sql runs read-only queries; this statement would change the database and was not run"
        }
    }
}

extension ReportValue {
    /// A report value from an SQLite value; blobs are shown as their size.
    init(_ value: SQLiteValue) {
        switch value {
        case .null: self = .null
        case .integer(let integer): self = .integer(integer)
        case .real(let real): self = .real(real)
        case .text(let text): self = .text(text)
        case .blob(let bytes): self = .text("<\(bytes.count) bytes>")
        }
    }
}
