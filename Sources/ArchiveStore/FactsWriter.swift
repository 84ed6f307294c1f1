import ArchiveFacts
internal import SQLite

// The figures and grants of answer versions: stored when a version is added, and replaced when a
// newer extractor reads the version again. A grant row is shared by every statement of it, so its
// fields are those of its first statement that names each one, in the order statements were
// stored: the same rule whether the archive was built at once or re-read since.

extension ArchiveWriter {
    // MARK: - Storing one version's facts

    /// Stores the facts read from one version; returns the grants its statements name.
    @discardableResult
    func storeFacts(_ facts: ExtractedFacts, versionID: Int64, answeringBody: String?) throws -> Set<Int64> {
        try insert(facts.figures, versionID: versionID)
        // Grant ids by index in facts.grants, so a part can point at its total (stated before it).
        var grantIDs: [Int64] = []
        for mention in facts.grants {
            let recipientID = try organisationID(mention.recipient)
            let funderID = try (mention.funder ?? answeringBody).map(organisationID)
            let totalID = mention.partOf.flatMap { $0 < grantIDs.count ? grantIDs[$0] : nil }
            let grantID = try grantID(recipientID: recipientID, funderID: funderID, totalID: totalID, mention: mention)
            grantIDs.append(grantID)
            try run("""
                INSERT INTO grant_mentions (grant_id, answer_version_id, recipient_as_written, qualifier, evidence, evidence_start,
                    evidence_end, project, programme, funder_id, total_grant_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (answer_version_id, evidence_start, grant_id) DO NOTHING
                """, [.integer(grantID), .integer(versionID), .text(mention.recipient), SQLiteValue(mention.qualifier),
                      .text(mention.evidence.text), SQLiteValue(mention.evidence.start), SQLiteValue(mention.evidence.end),
                      SQLiteValue(mention.project), SQLiteValue(mention.programme), SQLiteValue(funderID),
                      SQLiteValue(totalID == grantID ? nil : totalID)])
        }
        return Set(grantIDs)
    }

    /// Inserts a version's figures in one statement of a row each, in order (one statement rather
    /// than one per figure: SQLite's work per statement was most of a figure's cost).
    private func insert(_ figures: [Figure], versionID: Int64) throws {
        // At most 500 rows a statement, well within SQLite's limit on parameters.
        for start in stride(from: 0, to: figures.count, by: 500) {
            let chunk = figures[start..<min(start + 500, figures.count)]
            let values = chunk.flatMap { figure -> [SQLiteValue] in
                [.integer(versionID), .real(figure.value), .text(figure.unit.rawValue), SQLiteValue(figure.qualifier),
                 .text(figure.kind.rawValue), SQLiteValue(figure.direction?.rawValue), SQLiteValue(figure.period),
                 SQLiteValue(figure.measure), SQLiteValue(figure.exploitationType), SQLiteValue(figure.population),
                 SQLiteValue(figure.isNRMReferrals), .text(figure.evidence.text), SQLiteValue(figure.evidence.start),
                 SQLiteValue(figure.evidence.end), SQLiteValue(figure.context?.text)]
            }
            try run(figuresInsertSQL(rows: chunk.count), values)
        }
    }

    // The INSERT text for `rows` figures, made once for each count a run meets (a version has few).
    private func figuresInsertSQL(rows: Int) -> String {
        if let made = figuresInsertSQLByRows[rows] { return made }
        let row = "(" + Array(repeating: "?", count: 15).joined(separator: ", ") + ")"
        let sql = """
            INSERT INTO figures (answer_version_id, value, unit, qualifier, kind, direction, period, measure, exploitation_type,
                population, is_nrm_referrals, evidence, evidence_start, evidence_end, context) VALUES
            """ + Array(repeating: row, count: rows).joined(separator: ", ")
        figuresInsertSQLByRows[rows] = sql
        return sql
    }

    /// The organisation a name written in an answer names, created with its display name if new;
    /// remembers how it was written.
    func organisationID(_ asWritten: String) throws -> Int64 {
        let key = OrganisationName.rememberedCanonicalKey(asWritten)
        // Looked up before inserting: most names are of organisations already stored, and an
        // upsert with RETURNING builds a temporary table each time it runs.
        let known = try firstRow("SELECT id FROM organisations WHERE key = ?", [.text(key)])?.first?.integerValue
        guard let id = try known ?? firstRow("INSERT INTO organisations (name, key) VALUES (?, ?) RETURNING id",
                                             [.text(OrganisationName.displayName(asWritten)), .text(key)])?.first?.integerValue else {
            throw StoreError.rowNotReturned(table: "organisations")
        }
        try run("INSERT INTO organisation_names (name, key, organisation_id) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                [.text(asWritten), .text(key), .integer(id)])
        return id
    }

    /// The grant with this recipient, amount, duration, year and rate: one row however many answers
    /// restate it. A restatement may name what an earlier one left out, the total it is part of too.
    private func grantID(recipientID: Int64, funderID: Int64?, totalID: Int64?, mention: GrantMention) throws -> Int64 {
        let identity: [SQLiteValue] = [.integer(recipientID), .integer(mention.amountPence), SQLiteValue(mention.durationMonths ?? 0),
                                       .text(mention.financialYear ?? ""), .text(mention.rate ?? "")]
        if let row = try firstRow("""
            SELECT id, project IS NULL, programme IS NULL, funder_id IS NULL, part_of_grant_id IS NULL FROM grants
            WHERE recipient_id = ? AND amount_pence = ? AND coalesce(duration_months, 0) = ?
                AND coalesce(financial_year, '') = ? AND coalesce(rate, '') = ?
            """, identity), let id = row[0].integerValue {
            let total = totalID == id ? nil : totalID
            let missing = row.dropFirst().map { $0.integerValue == 1 }
            // Most restatements add nothing the grant lacks: their UPDATE was one statement a
            // mention for no change.
            let fills = [mention.project != nil, mention.programme != nil, funderID != nil, total != nil]
            if zip(missing, fills).contains(where: { $0 && $1 }) {
                try run("""
                    UPDATE grants SET project = coalesce(project, ?), programme = coalesce(programme, ?), funder_id = coalesce(funder_id, ?),
                        part_of_grant_id = coalesce(part_of_grant_id, ?)
                    WHERE id = ?
                    """, [SQLiteValue(mention.project), SQLiteValue(mention.programme), SQLiteValue(funderID),
                          SQLiteValue(total), .integer(id)])
            }
            return id
        }
        return try insert("""
            INSERT INTO grants (recipient_id, funder_id, amount_pence, duration_months, financial_year, project, programme, rate, part_of_grant_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(recipientID), SQLiteValue(funderID), .integer(mention.amountPence), SQLiteValue(mention.durationMonths),
                  SQLiteValue(mention.financialYear), SQLiteValue(mention.project), SQLiteValue(mention.programme),
                  SQLiteValue(mention.rate), SQLiteValue(totalID)])
    }

    // MARK: - Replacing one version's facts

    /// Removes one version's figures and grant statements; returns the grants they named.
    func removeFacts(of versionID: Int64) throws -> Set<Int64> {
        let named = try statement("SELECT DISTINCT grant_id FROM grant_mentions WHERE answer_version_id = ?")
            .rows([.integer(versionID)]).compactMap { $0[0].integerValue }
        try run("DELETE FROM grant_mentions WHERE answer_version_id = ?", [.integer(versionID)])
        try run("DELETE FROM figures WHERE answer_version_id = ?", [.integer(versionID)])
        return Set(named)
    }

    /// Brings grants in line with their statements: a grant no statement names goes (with its
    /// parts' link to it), the others take each field from their first statement that names it,
    /// and an organisation no grant or statement names goes.
    func settle(grants: Set<Int64>) throws {
        for id in grants.sorted() {
            let stated = try firstRow("SELECT 1 FROM grant_mentions WHERE grant_id = ? LIMIT 1", [.integer(id)]) != nil
            if stated {
                try run("""
                    UPDATE grants SET
                        project = (SELECT project FROM grant_mentions WHERE grant_id = ?1 AND project IS NOT NULL ORDER BY answer_version_id, id LIMIT 1),
                        programme = (SELECT programme FROM grant_mentions WHERE grant_id = ?1 AND programme IS NOT NULL ORDER BY answer_version_id, id LIMIT 1),
                        funder_id = (SELECT funder_id FROM grant_mentions WHERE grant_id = ?1 AND funder_id IS NOT NULL ORDER BY answer_version_id, id LIMIT 1),
                        part_of_grant_id = (SELECT total_grant_id FROM grant_mentions WHERE grant_id = ?1 AND total_grant_id IS NOT NULL ORDER BY answer_version_id, id LIMIT 1)
                    WHERE id = ?1
                    """, [.integer(id)])
                continue
            }
            try run("UPDATE grants SET part_of_grant_id = NULL WHERE part_of_grant_id = ?", [.integer(id)])
            try run("UPDATE grant_mentions SET total_grant_id = NULL WHERE total_grant_id = ?", [.integer(id)])
            try run("DELETE FROM grants WHERE id = ?", [.integer(id)])
        }
        try run("""
            DELETE FROM organisations WHERE id NOT IN (SELECT recipient_id FROM grants)
                AND id NOT IN (SELECT funder_id FROM grants WHERE funder_id IS NOT NULL)
                AND id NOT IN (SELECT funder_id FROM grant_mentions WHERE funder_id IS NOT NULL)
            """, [])
    }
}
