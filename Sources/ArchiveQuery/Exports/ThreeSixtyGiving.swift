import ArchiveStore
import Checksum
import Foundation
import SQLite

/// The archive's grants in the 360Giving Data Standard (schema 1.4.3): one grant per distinct
/// grant stated in a current answer, however many answers restate it.
public enum ThreeSixtyGiving {
    /// Identifiers are made from this prefix: the archive has no registered 360Giving prefix, so
    /// these say where the record came from rather than claim one.
    public static let identifierPrefix = "360G-trafficking-archive"

    /// The CSV column titles, exactly as the standard names them.
    public static let columnTitles = [
        "Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date",
        "Planned Dates:Duration (months)", "Recipient Org:Identifier", "Recipient Org:Name",
        "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Title", "Data Source", "Last Modified",
    ]

    /// One grant as the standard describes it.
    public struct Grant: Equatable, Sendable {
        public var identifier: String
        public var title: String
        public var description: String
        public var amountAwarded: Double
        public var awardDate: String
        public var durationMonths: Int?
        /// The financial year the grant is for ("2025-26"), when stated.
        public var financialYear: String?
        public var recipientIdentifier: String
        public var recipientName: String
        public var funderIdentifier: String?
        public var funderName: String?
        public var programme: String?
        public var dataSource: String
        public var lastModified: String
    }

    /// Every distinct grant stated in a current answer, oldest first (a part of a grant whose
    /// total is stated is left out: the total holds it). Identifiers are made from `prefix`.
    public static func grants(_ archive: ReadableArchive, prefix: String = identifierPrefix) throws -> [Grant] {
        let database = archive.database
        let sql = """
            WITH live AS (
                SELECT m.grant_id, m.evidence, v.date_answered, q.uin, q.house, q.date_tabled, s.recorded_at,
                       row_number() OVER (PARTITION BY m.grant_id ORDER BY v.date_answered, q.id, m.id) AS nth
                FROM grant_mentions m
                JOIN answer_versions v ON v.id = m.answer_version_id AND v.is_current
                JOIN questions q ON q.id = (SELECT min(id) FROM questions WHERE answer_id = v.answer_id)
                JOIN sources s ON s.id = v.source_id
            )
            SELECT g.id, r.key, r.name, f.key, f.name, g.amount_pence, g.duration_months, g.financial_year, g.project,
                   g.programme, first.evidence, first.date_answered, first.uin, first.house, first.date_tabled,
                   (SELECT count(*) FROM live l WHERE l.grant_id = g.id) AS mentions,
                   (SELECT max(l.recorded_at) FROM live l WHERE l.grant_id = g.id) AS last_modified,
                   r.org_id, f.org_id, g.rate
            FROM grants g
            JOIN live first ON first.grant_id = g.id AND first.nth = 1
            JOIN organisations r ON r.id = g.recipient_id
            LEFT JOIN organisations f ON f.id = g.funder_id
            WHERE g.part_of_grant_id IS NULL OR g.part_of_grant_id NOT IN (SELECT grant_id FROM live)
            ORDER BY first.date_answered, r.key, g.amount_pence
            """
        return try database.rows(sql).map { row in
            let recipient = row[2].textValue ?? ""
            let funder = row[4].textValue
            let project = row[8].textValue
            let answered = row[11].textValue ?? ""
            let uin = row[12].textValue ?? ""
            let house = row[13].textValue ?? ""
            let mentions = row[15].integerValue ?? 1
            var title = "\(funder ?? "Grant") grant to \(recipient)"
            if let project { title += " for \(project)" }
            var description = "“\(row[10].textValue ?? "")” (\(house) written question \(uin), answered \(answered))."
            if let year = row[7].textValue { description += " For the financial year \(year)." }
            if let rate = row[19].textValue { description += " The amount is stated \(rate)." }
            if mentions > 1 { description += " Restated in \(mentions) answers in all." }
            description += " The answer gives no award date; Award Date is the date of the first answer that states the grant."
            return Grant(
                identifier: "\(prefix)-grant-\(grantKey(recipientKey: row[1].textValue ?? recipient, row: row))",
                title: title,
                description: description,
                amountAwarded: Double(row[5].integerValue ?? 0) / 100,
                awardDate: answered,
                durationMonths: row[6].integerValue.map(Int.init),
                financialYear: row[7].textValue,
                recipientIdentifier: row[17].textValue ?? "\(prefix)-org-\(slug(row[1].textValue ?? recipient))",
                recipientName: recipient,
                funderIdentifier: row[18].textValue ?? (row[3].textValue).map { "\(prefix)-org-\(slug($0))" },
                funderName: funder,
                programme: row[9].textValue,
                dataSource: answerURL(house: house, dateTabled: row[14].textValue ?? "", uin: uin),
                lastModified: row[16].textValue ?? Timestamp.zero)
        }
    }

    /// What a grant is, not where it sits in this archive: its recipient, amount, duration,
    /// financial year and rate, hashed, so archives built in any order give it one identifier.
    static func grantKey(recipientKey: String, row: [SQLiteValue]) -> String {
        let identity = [recipientKey, String(row[5].integerValue ?? 0), row[6].integerValue.map(String.init) ?? "",
                        row[7].textValue ?? "", row[19].textValue ?? ""].joined(separator: "|")
        var hash = SHA256()
        hash.update(Array(identity.utf8))
        return String(hash.finalize().prefix(16))
    }

    /// The public page of a written question.
    public static func answerURL(house: String, dateTabled: String, uin: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-"))
        let encodedUIN = uin.addingPercentEncoding(withAllowedCharacters: allowed) ?? uin
        return "https://questions-statements.parliament.uk/written-questions/detail/\(dateTabled)/\(encodedUIN)"
    }

    /// The grants as a table whose column names are the standard's CSV titles.
    public static func table(_ grants: [Grant]) -> ReportTable {
        let columns = columnTitles.map { title in
            ReportColumn(title, title == "Amount Awarded" ? .money : title == "Planned Dates:Duration (months)" ? .integer : .text)
        }
        let rows: [[ReportValue]] = grants.map { grant in
            [.text(grant.identifier), .text(grant.title), .text(grant.description), .text("GBP"), .real(grant.amountAwarded),
             .text(grant.awardDate), grant.durationMonths.map { .integer(Int64($0)) } ?? .null,
             .text(grant.recipientIdentifier), .text(grant.recipientName),
             grant.funderIdentifier.map(ReportValue.text) ?? .null, grant.funderName.map(ReportValue.text) ?? .null,
             grant.programme.map(ReportValue.text) ?? .null, .text(grant.dataSource), .text(grant.lastModified)]
        }
        return ReportTable(title: "360Giving grants", columns: columns, rows: rows)
    }

    /// The grants as a 360Giving data package (JSON), which must hold at least one grant.
    public static func package(_ grants: [Grant], issued: String, prefix: String = identifierPrefix) throws -> String {
        guard !grants.isEmpty else { throw ExportError.noGrants }
        let objects: [[String: Any]] = grants.map { grant in
            var object: [String: Any] = [
                "id": grant.identifier,
                "title": grant.title,
                "description": grant.description,
                "currency": "GBP",
                "amountAwarded": grant.amountAwarded,
                "awardDate": grant.awardDate,
                "recipientOrganization": [["id": grant.recipientIdentifier, "name": grant.recipientName]],
                "dataSource": grant.dataSource,
                "dateModified": grant.lastModified,
            ]
            if let funderName = grant.funderName, let funderID = grant.funderIdentifier {
                object["fundingOrganization"] = [["id": funderID, "name": funderName]]
            } else {
                object["fundingOrganization"] = [["id": "\(prefix)-org-unknown", "name": "Funder not stated"]]
            }
            // A financial year states its own dates: 1 April to 31 March.
            var planned: [String: Any] = [:]
            if let months = grant.durationMonths { planned["duration"] = months }
            if let year = grant.financialYear.flatMap({ Int($0.prefix(4)) }) {
                planned["startDate"] = "\(year)-04-01"
                planned["endDate"] = "\(year + 1)-03-31"
            }
            if !planned.isEmpty { object["plannedDates"] = [planned] }
            if let programme = grant.programme { object["grantProgramme"] = [["title": programme]] }
            return object
        }
        let package: [String: Any] = [
            "version": "1.4",
            "title": "Grants stated in UK parliamentary written answers on trafficking and modern slavery",
            "issued": issued,
            "grants": objects,
        ]
        let data = try JSONSerialization.data(withJSONObject: package, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Lowercase letters and digits joined by hyphens: a stable identifier from a name.
    static func slug(_ text: String) -> String {
        var parts: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts.isEmpty ? "unnamed" : parts.joined(separator: "-")
    }
}

/// Problems making an export.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    /// A 360Giving package needs at least one grant.
    case noGrants

    public var description: String {
        switch self {
        case .noGrants: return "the archive holds no grants yet, and a 360Giving package must have at least one"
        }
    }
}

extension Timestamp {
    /// A placeholder moment for data with no recorded time.
    static let zero = "1970-01-01T00:00:00Z"
}
