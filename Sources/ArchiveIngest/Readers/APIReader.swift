import ArchiveStore
import Foundation

/// Reads UK Parliament written-questions API responses: a single question
/// (`{"value": {...}, "links": [...]}`) or a page of a search (`{"totalResults": N, "results": [...]}`).
///
/// Types are checked strictly (a number where a string belongs is an error), required fields
/// (`id`, `uin`, `house`, `dateTabled`) must be present, and every date must be a real day. Any
/// failure is an ``InputError`` naming the file, the record and the field.
public enum APIReader {
    /// The records in an API response file, in file order.
    public static func records(from data: Data, file: String) throws -> [QuestionRecord] {
        try records(fromJSON: InputBytes.json(data, file: file), file: file)
    }

    /// The records in an already parsed API response.
    static func records(fromJSON json: JSONKind, file: String) throws -> [QuestionRecord] {
        guard case .object(let object) = json else {
            throw InputError(file: file, reason: "expected an API response object, found \(json.shown)")
        }
        let envelope = JSONFields(object, context: JSONContext(file: file, record: nil))
        if envelope.has("value") {
            guard let value = try envelope.object("value") else { throw envelope.error("value", "is null") }
            let label = uinLabel(value.object) ?? "value"
            return [try record(from: value.object, context: JSONContext(file: file, record: label), isList: false)]
        }
        if envelope.has("results") {
            guard let results = try envelope.array("results") else { throw envelope.error("results", "is null") }
            if let total = try envelope.int("totalResults"), total < 0 {
                throw envelope.error("totalResults", "expected a count, found \(total)")
            }
            return try results.enumerated().map { index, item in
                var context = JSONContext(file: file, record: "results[\(index)]")
                guard case .object(let wrapper) = item else {
                    throw context.error(nil, "expected an object, found \(item.shown)")
                }
                let fields = JSONFields(wrapper, context: context)
                guard let value = try fields.object("value") else {
                    throw fields.error("value", fields.has("value") ? "is null" : "is missing")
                }
                if let uin = uinLabel(value.object) { context.record = "results[\(index)] (\(uin))" }
                return try record(from: value.object, context: context, isList: true)
            }
        }
        if envelope.has("status"), envelope.has("title") {
            let status = envelope.kind("status")?.shown ?? "?"
            let title = (try? envelope.string("title")) ?? nil
            throw InputError(file: file, reason: "an API error response (status \(status)\(title.map { ": \($0)" } ?? ""))")
        }
        throw InputError(file: file, reason: "expected 'value' (one question) or 'results' (a list of questions) at the top level")
    }

    /// `uin 7814` when the record has a readable UIN, for naming it in errors.
    private static func uinLabel(_ object: [String: JSONKind]) -> String? {
        guard let value = object["uin"], case .string(let uin) = value, !uin.isEmpty else { return nil }
        return "uin \(uin.count > 20 ? String(uin.prefix(20)) + "…" : uin)"
    }

    /// Maps one `QuestionsViewModel` to a record.
    static func record(from object: [String: JSONKind], context: JSONContext, isList: Bool) throws -> QuestionRecord {
        let q = JSONFields(object, context: context)

        // Identity: required, strictly typed.
        guard q.has("id") else { throw q.error("id", "is missing") }
        guard let id = try q.int("id") else { throw q.error("id", "is null") }
        let uin = try q.requiredString("uin").trimmingSpaces
        guard q.has("house") else { throw q.error("house", "is missing") }
        guard let houseName = try q.string("house") else { throw q.error("house", "is null") }
        guard let house = House(rawValue: houseName) else {
            throw q.error("house", "expected \"Commons\" or \"Lords\", found \(InputError.quoted(houseName))")
        }
        let dateTabled = try q.requiredDate("dateTabled")

        var record = QuestionRecord(uin: uin, house: house, dateTabled: dateTabled)
        record.apiID = id
        record.dateForAnswer = try q.date("dateForAnswer")
        record.isNamedDay = try q.bool("isNamedDay")
        record.isWithdrawn = try q.bool("isWithdrawn")
        record.memberHasInterest = try q.bool("memberHasInterest")
        record.heading = try q.text("heading")?.trimmingSpaces
        record.questionText = try q.text("questionText")
        if isList, let text = record.questionText, text.utf16.count == 255 {
            // List responses cut questionText at 255 characters without a marker.
            record.questionTextIsTruncated = true
        }
        record.askingMember = try member(q, idKey: "askingMemberId", objectKey: "askingMember")

        let bodyID = try q.int("answeringBodyId")
        if let name = try q.text("answeringBodyName") {
            record.answeringBody = AnsweringBody(apiID: bodyID, name: name.trimmingSpaces)
        }

        record.groupedQuestions = try groupedQuestions(q)
        record.attachments = try q.objects("attachments").map { a in
            Attachment(url: try a.requiredString("url").trimmingSpaces, title: try a.text("title"),
                       fileType: try a.text("fileType"), fileSizeBytes: try a.int("fileSizeBytes").map(Int64.init))
        }
        _ = try q.int("attachmentCount")
        _ = try q.string("comparableAnswerText")

        try readAnswer(q, into: &record)
        return record
    }

    /// A member from its id field and, when the API expanded it, its MemberViewModel.
    private static func member(_ q: JSONFields, idKey: String, objectKey: String) throws -> Member? {
        let id = try q.int(idKey)
        guard let m = try q.object(objectKey) else { return id.map { Member(id: $0) } }
        let ownID = try m.int("id")
        if let id, let ownID, id != ownID {
            throw m.error("id", "is \(ownID), but \(idKey) is \(id)")
        }
        guard let memberID = ownID ?? id else { throw m.error("id", "is missing") }
        _ = try m.string("partyColour")
        return Member(id: memberID, name: try m.text("name"), listAs: try m.text("listAs"),
                      party: try m.text("party"), partyAbbreviation: try m.text("partyAbbreviation"),
                      memberFrom: try m.text("memberFrom"), thumbnailURL: try m.text("thumbnailUrl"))
    }

    /// `groupedQuestions` (UINs) joined with `groupedQuestionsDates` (UIN and day tabled), in the
    /// order given, each UIN once.
    private static func groupedQuestions(_ q: JSONFields) throws -> [GroupedQuestion] {
        let uins = try q.strings("groupedQuestions").map(\.trimmingSpaces).filter { !$0.isEmpty }
        var dates: [(uin: String, date: String?)] = []
        for entry in try q.objects("groupedQuestionsDates") {
            dates.append((try entry.requiredString("questionUin").trimmingSpaces, try entry.date("dateTabled")))
        }
        var result: [GroupedQuestion] = []
        var seen = Set<String>()
        for uin in uins + dates.map(\.uin) where seen.insert(uin).inserted {
            result.append(GroupedQuestion(uin: uin, dateTabled: dates.first(where: { $0.uin == uin })?.date))
        }
        return result
    }

    /// The answer versions the record states, oldest first.
    private static func readAnswer(_ q: JSONFields, into record: inout QuestionRecord) throws {
        let answerText = try q.string("answerText")
        let originalText = try q.string("originalAnswerText")
        let dateAnswered = try q.date("dateAnswered")
        let dateCorrected = try q.date("dateAnswerCorrected")
        let dateHolding = try q.date("dateHoldingAnswer")
        let isHolding = try q.bool("answerIsHolding") ?? false
        let isCorrection = try q.bool("answerIsCorrection") ?? false
        let answering = try member(q, idKey: "answeringMemberId", objectKey: "answeringMember")
        let correcting = try member(q, idKey: "correctingMemberId", objectKey: "correctingMember")
        record.dateHoldingAnswer = dateHolding

        let hasText = !(answerText ?? "").trimmingSpaces.isEmpty
        guard hasText || dateAnswered != nil else { return } // unanswered

        if isCorrection {
            guard let answered = dateAnswered ?? dateCorrected else {
                throw q.error("dateAnswered", "is missing, but the question has a corrected answer")
            }
            if let originalText, !originalText.trimmingSpaces.isEmpty {
                let body = answerBody(originalText)
                record.answerVersions.append(AnswerVersionRecord(
                    kind: .substantive, date: dateAnswered ?? answered, answeringMember: answering,
                    html: body.html, text: body.text, isTruncated: body.isTruncated))
            }
            let body = answerBody(answerText ?? "")
            record.answerVersions.append(AnswerVersionRecord(
                kind: .correction, date: dateCorrected ?? answered, answeringMember: answering,
                correctingMember: correcting, html: body.html, text: body.text, isTruncated: body.isTruncated))
            return
        }
        if isHolding {
            guard let day = dateAnswered ?? dateHolding else {
                throw q.error("dateAnswered", "is missing, but the question has a holding answer")
            }
            let body = answerBody(answerText ?? "")
            record.answerVersions.append(AnswerVersionRecord(
                kind: .holding, date: day, answeringMember: answering,
                html: body.html, text: body.text, isTruncated: body.isTruncated))
            if record.dateHoldingAnswer == nil { record.dateHoldingAnswer = day }
            return
        }
        guard let day = dateAnswered else {
            throw q.error("dateAnswered", "is missing, but the question has an answer")
        }
        let body = answerBody(answerText ?? "")
        record.answerVersions.append(AnswerVersionRecord(
            kind: .substantive, date: day, answeringMember: answering,
            html: body.html, text: body.text, isTruncated: body.isTruncated))
    }

    /// HTML and text of an answer, or, for a list response's excerpt (plain text cut to 255
    /// characters plus "..."), the excerpt as text marked truncated and no HTML.
    static func answerBody(_ raw: String) -> (html: String?, text: String, isTruncated: Bool) {
        if isExcerpt(raw) { return (nil, raw.trimmingSpaces, true) }
        return (raw, HTMLText.text(fromHTML: raw), false)
    }

    /// True for the list-response excerpt: no tags, ends with "...", at most 255 + 3 characters
    /// (UTF-16 units, as the API counts them).
    static func isExcerpt(_ raw: String) -> Bool {
        let text = raw.trimmingSpaces
        guard text.hasSuffix("..."), text.utf16.count <= 258 else { return false }
        return !containsTag(text)
    }

    /// True when the text holds something that looks like an HTML tag or comment: `<` followed
    /// by a letter, `/` or `!`.
    static func containsTag(_ text: String) -> Bool {
        var previousWasOpen = false
        for byte in text.utf8 {
            if previousWasOpen,
               (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") {
                return true
            }
            previousWasOpen = byte == UInt8(ascii: "<")
        }
        return false
    }
}
