import ArchiveStore
import Foundation

/// Reads a written-question page as a browser shows it, saved as text:
///
///     Skip to main content
///     Human Trafficking: Prostitution
///     Question for Home Office
///     UIN 7814, tabled on 8 October 2024
///     To ask the Secretary of State for the Home Department, ...
///     Answered on
///     17 October 2024
///     The trafficking of women and girls ...   (answer paragraphs, one a line)
///     Answered by
///     Home Office
///     Named day
///     Named day questions only occur in the House of Commons. ...
///
/// It copes with blank lines anywhere, CRLF, "Asked by" lines, "Question"/"Answer" labels,
/// "Corrected on" dates, the correction and holding-answer notes, and site furniture (cookie
/// banners, footers) around the content. Fields the page does not show stay nil. What the page
/// implies is kept: a "Named day" marker makes `isNamedDay` true; the house follows the UIN
/// ("HL…" is Lords, anything else Commons; named day questions are Commons only, so the page
/// marker agrees, and where the two disagree the UIN wins).
public enum PageTextReader {
    /// The record in a saved page's bytes, which must be UTF-8.
    public static func record(from data: Data, file: String) throws -> QuestionRecord {
        try record(from: InputBytes.text(data, file: file), file: file)
    }

    /// The record in a saved page's text.
    public static func record(from text: String, file: String) throws -> QuestionRecord {
        let lines = contentLines(text)
        guard !lines.isEmpty else { throw InputError(file: file, reason: "empty file") }
        guard let header = findUINLine(lines) else {
            throw InputError(file: file, field: "uin",
                             reason: "no \"UIN N, tabled on D Month YYYY\" line (not a written-question page, or its header is missing)")
        }
        let label = "uin \(header.uin)"
        guard let tabledText = header.tabled else {
            throw InputError(file: file, record: label, field: "dateTabled",
                             reason: "the UIN line has no \"tabled on D Month YYYY\" date")
        }
        guard let dateTabled = Day(longForm: tabledText)?.description else {
            throw InputError(file: file, record: label, field: "dateTabled",
                             reason: "expected a date, found \(InputError.quoted(tabledText))")
        }
        let house: House = header.uin.uppercased().hasPrefix("HL") ? .lords : .commons
        var record = QuestionRecord(uin: header.uin, house: house, dateTabled: dateTabled)

        // A page whose headers are out of order would be misread (a question taken for the
        // heading, an answer lost), so it is refused rather than guessed at.
        let questionFor = lines.indices.first { lines[$0].hasPrefix("Question for") }
        if let questionFor, questionFor > header.firstLine {
            throw InputError(file: file, record: label, field: "heading",
                             reason: "the page's headers are out of order: \"Question for\" comes after the UIN line")
        }
        if let answeredOn = lines.indices.first(where: { if case .answeredOn = classify(lines[$0]) { return true } else { return false } }),
           answeredOn < header.firstLine {
            throw InputError(file: file, record: label, field: "dateAnswered",
                             reason: "the page's headers are out of order: \"Answered on\" comes before the question")
        }

        var reader = BodyReader(lines: lines, file: file, record: label)
        try reader.read(after: header.lastLine)
        if reader.answeredOn != nil && reader.answer.isEmpty && reader.original.isEmpty {
            throw InputError(file: file, record: label, field: "answerText",
                             reason: "the page says when it was answered but holds no answer text")
        }

        // The heading and the answering body come from the lines before the UIN line.
        if let index = questionFor {
            var body = String(lines[index].dropFirst("Question for".count)).trimmingSpaces
            if body.isEmpty, index + 1 < lines.count, index + 1 != header.firstLine { body = lines[index + 1] }
            if !body.isEmpty { record.answeringBody = AnsweringBody(apiID: nil, name: body) }
        }
        let anchor = min(questionFor ?? header.firstLine, header.firstLine)
        record.heading = lines[..<anchor].reversed().first { classify($0) == .text }

        record.questionText = reader.question.isEmpty ? nil : reader.question.joined(separator: "\n\n")
        if reader.namedDay { record.isNamedDay = true }
        record.askingMemberName = reader.askedBy
        record.answerVersions = reader.versions()
        if reader.status == .holding { record.dateHoldingAnswer = record.answerVersions.first?.date }
        return record
    }

    /// True when the text has the page layout: a "UIN N, tabled on D Month YYYY" line and one of
    /// the page's other markers.
    static func looksLikePage(_ text: String) -> Bool {
        let lines = contentLines(text)
        guard let header = findUINLine(lines), header.tabled != nil else { return false }
        return lines.contains { line in
            line.hasPrefix("Question for") || line.hasPrefix("Answered on") || line.hasPrefix("Asked by")
                || line == "Skip to main content"
        }
    }

    // MARK: Lines

    /// The non-blank lines, trimmed, with CRLF and lone CR as line ends.
    static func contentLines(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{2028}" }) {
            let line = String(raw).trimmingSpaces
            if !line.isEmpty { lines.append(line) }
        }
        return lines
    }

    struct UINLine {
        var uin: String
        var tabled: String?
        var firstLine: Int
        var lastLine: Int
    }

    /// The first "UIN N, tabled on D Month YYYY" line (which a saved page may split after the comma).
    static func findUINLine(_ lines: [String]) -> UINLine? {
        let pattern = #/^UIN:?\s+([A-Za-z]{0,3}\s?\d+[A-Za-z]?)\s*,?\s*(?:(?i:tabled\s+on)\s+(.+?))?\s*$/#
        for (index, line) in lines.enumerated() where line.hasPrefix("UIN") {
            guard let match = line.wholeMatch(of: pattern) else { continue }
            let uin = match.1.filter { !$0.isWhitespace }.uppercased()
            if let tabled = match.2 {
                return UINLine(uin: uin, tabled: String(tabled), firstLine: index, lastLine: index)
            }
            if index + 1 < lines.count, let next = lines[index + 1].firstMatch(of: #/^(?i:tabled\s+on)\s+(.+)$/#) {
                return UINLine(uin: uin, tabled: String(next.1).trimmingSpaces, firstLine: index, lastLine: index + 1)
            }
            return UINLine(uin: uin, tabled: nil, firstLine: index, lastLine: index)
        }
        return nil
    }

    enum Status { case none, correction, replacement, holding }

    enum LineKind: Equatable {
        case answeredOn(String), correctedOn(String), answeredBy, askedBy(String)
        case status(Status), questionLabel, answerLabel, originalAnswerLabel
        case namedDay, questionFor, uin, furniture, text
    }

    /// Site furniture: lines that are never part of a question or an answer.
    private static let furniture: Set<String> = [
        "skip to main content", "cookies on uk parliament", "cookies on parliament.uk", "cookie settings",
        "cookie policy", "cookies", "accept all cookies", "reject all cookies", "accept additional cookies",
        "reject additional cookies", "accept cookies", "reject cookies", "change cookie settings",
        "manage cookies", "hide this message", "hide cookie message", "back to top", "share this page",
        "print this page", "contact us", "accessibility statement", "privacy notice", "privacy policy",
        "terms of use", "uk parliament", "parliament.uk", "menu", "search", "home",
        "written questions, answers and statements", "written questions and answers",
        "is this page useful?", "report a problem with this page",
    ]

    static func classify(_ line: String) -> LineKind {
        let lower = line.lowercased()
        func rest(_ prefix: String) -> String { String(line.dropFirst(prefix.count)).trimmingSpaces }
        if lower.hasPrefix("answered on") { return .answeredOn(rest("answered on")) }
        if lower.hasPrefix("corrected on") { return .correctedOn(rest("corrected on")) }
        if lower.hasPrefix("answered by") || lower.hasPrefix("corrected by") { return .answeredBy }
        if lower.hasPrefix("asked by") { return .askedBy(rest("asked by")) }
        if lower.hasPrefix("this answer is a correction") { return .status(.correction) }
        if lower.contains("replacement for a previous holding answer") { return .status(.replacement) }
        if lower.hasPrefix("this is a holding answer") || lower.hasPrefix("this answer is a holding answer") {
            return .status(.holding)
        }
        if lower.hasPrefix("question for") { return .questionFor }
        if lower.hasPrefix("uin ") || lower.hasPrefix("uin:") { return .uin }
        switch lower {
        case "question": return .questionLabel
        case "answer", "corrected answer", "answer text": return .answerLabel
        case "original answer": return .originalAnswerLabel
        case "named day": return .namedDay
        default: break
        }
        if lower.hasPrefix("named day questions only occur") { return .namedDay }
        if furniture.contains(lower) || lower.hasPrefix("©") || lower.hasPrefix("we use cookies")
            || lower.hasPrefix("we use necessary cookies") || lower.hasPrefix("copyright") || lower.hasPrefix("parliamentary copyright") {
            return .furniture
        }
        return .text
    }

    /// Reads the lines after the UIN line into question, answer and notes.
    private struct BodyReader {
        let lines: [String]
        let file: String
        let record: String

        enum State { case question, answer, original, askedBy, answeredBy, ignore }
        var state = State.question
        var question: [String] = []
        var answer: [String] = []
        var original: [String] = []
        var answeredOn: String?
        var correctedOn: String?
        /// The asking member's name as the page gives it after "Asked by".
        var askedBy: String?
        var status = Status.none
        var namedDay = false

        init(lines: [String], file: String, record: String) {
            self.lines = lines
            self.file = file
            self.record = record
        }

        var answerStarted: Bool { answeredOn != nil || correctedOn != nil || !answer.isEmpty || !original.isEmpty }

        mutating func read(after start: Int) throws {
            var index = start + 1
            // "Named day" furniture is kept wherever it is, the header included.
            for line in lines[..<min(start + 1, lines.count)] where classify(line) == .namedDay { namedDay = true }
            while index < lines.count {
                let line = lines[index]
                switch classify(line) {
                case .answeredOn(let rest):
                    let (day, used) = try date(rest, at: index, field: "dateAnswered", marker: "Answered on")
                    if answeredOn == nil { answeredOn = day }
                    index += used
                    if state != .original { state = .answer }
                case .correctedOn(let rest):
                    let (day, used) = try date(rest, at: index, field: "dateAnswerCorrected", marker: "Corrected on")
                    if correctedOn == nil { correctedOn = day }
                    index += used
                    state = .answer
                case .answeredBy:
                    state = .answeredBy
                case .askedBy(let rest):
                    if rest.isEmpty { state = .askedBy } else if askedBy == nil { askedBy = rest }
                case .status(let s):
                    status = s
                case .questionLabel:
                    if !answerStarted { state = .question }
                case .answerLabel:
                    state = .answer
                case .originalAnswerLabel:
                    state = .original
                case .namedDay:
                    namedDay = true
                    state = .ignore
                case .furniture:
                    state = .ignore
                case .questionFor, .uin:
                    break
                case .text:
                    take(line)
                }
                index += 1
            }
        }

        /// A text line, where the state puts it. After "Asked by" and "Answered by" the member's
        /// name and role follow (short lines); a question ("To ask ...") or a paragraph-long line
        /// there means the page put the names before the text.
        private mutating func take(_ line: String) {
            switch state {
            case .question: question.append(line)
            case .answer: answer.append(line)
            case .original: original.append(line)
            case .askedBy:
                if line.hasPrefix("To ask") || line.count > 100 {
                    if answerStarted { state = .answer; answer.append(line) } else { state = .question; question.append(line) }
                } else if askedBy == nil {
                    // The first short line is the member's name; their role follows.
                    askedBy = line
                }
            case .answeredBy:
                if answer.isEmpty, answerStarted, line.count > 100 {
                    state = .answer
                    answer.append(line)
                }
            case .ignore: break
            }
        }

        /// The day after a marker: on the same line, or the next line. Returns the day and how
        /// many extra lines it used.
        private func date(_ rest: String, at index: Int, field: String, marker: String) throws -> (String, Int) {
            var text = rest
            var used = 0
            if text.isEmpty, index + 1 < lines.count {
                text = lines[index + 1]
                used = 1
            }
            guard let day = Day(longForm: text)?.description else {
                throw InputError(file: file, record: record, field: field,
                                 reason: "expected a date after \"\(marker)\", found \(text.isEmpty ? "nothing" : InputError.quoted(text))")
            }
            return (day, used)
        }

        /// The answer versions the page states, oldest first; none when it shows no answer date.
        func versions() -> [AnswerVersionRecord] {
            func version(_ kind: AnswerKind, _ date: String, _ paragraphs: [String]) -> AnswerVersionRecord {
                AnswerVersionRecord(kind: kind, date: date, html: nil, text: paragraphs.joined(separator: "\n\n"), isTruncated: false)
            }
            if status == .correction || correctedOn != nil {
                guard let day = correctedOn ?? answeredOn else { return [] }
                var result: [AnswerVersionRecord] = []
                if !original.isEmpty { result.append(version(.substantive, answeredOn ?? day, original)) }
                result.append(version(.correction, day, answer))
                return result
            }
            guard let day = answeredOn else { return [] }
            let text = answer.isEmpty ? original : answer
            return [version(status == .holding ? .holding : .substantive, day, text)]
        }
    }
}
