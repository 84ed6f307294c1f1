/// What one input record says about a question and its answer, in the archive's terms, before it
/// is stored. Every reader (API JSON, page text) produces these; the importer stores them.
public struct QuestionRecord: Sendable, Equatable {
    /// Parliament's question id, when the source gives it.
    public var apiID: Int?
    /// Unique identification number, e.g. "7814" or "HL14174".
    public var uin: String
    /// The House the question was tabled in.
    public var house: House
    /// Day tabled, `YYYY-MM-DD`.
    public var dateTabled: String
    /// Day an answer was due, `YYYY-MM-DD`.
    public var dateForAnswer: String?
    /// Whether the MP named the day for the answer; nil when the source does not say.
    public var isNamedDay: Bool?
    /// Whether the question was withdrawn; nil when the source does not say.
    public var isWithdrawn: Bool?
    /// Whether the asking member declared an interest; nil when the source does not say.
    public var memberHasInterest: Bool?
    /// Subject heading, e.g. "Human Trafficking: Prostitution".
    public var heading: String?
    /// The question as tabled.
    public var questionText: String?
    /// True when `questionText` may be cut short (list responses cut it at 255 characters).
    public var questionTextIsTruncated: Bool
    /// The asking member's name as a page gives it, when the source gives no member id.
    public var askingMemberName: String?
    /// Who asked.
    public var askingMember: Member?
    /// Who was asked.
    public var answeringBody: AnsweringBody?
    /// Other questions answered together with this one.
    public var groupedQuestions: [GroupedQuestion]
    /// Files attached to the answer (recorded, never fetched).
    public var attachments: [Attachment]
    /// The answer versions this record states, oldest first (an original and its correction,
    /// say); empty for an unanswered question.
    public var answerVersions: [AnswerVersionRecord]
    /// Day a holding answer was given first, when one was.
    public var dateHoldingAnswer: String?

    /// A record with the identifying fields set and everything else unknown.
    public init(uin: String, house: House, dateTabled: String) {
        self.apiID = nil
        self.uin = uin
        self.house = house
        self.dateTabled = dateTabled
        self.dateForAnswer = nil
        self.isNamedDay = nil
        self.isWithdrawn = nil
        self.memberHasInterest = nil
        self.heading = nil
        self.questionText = nil
        self.questionTextIsTruncated = false
        self.askingMember = nil
        self.answeringBody = nil
        self.groupedQuestions = []
        self.attachments = []
        self.answerVersions = []
        self.dateHoldingAnswer = nil
    }
}

/// The two Houses of Parliament.
public enum House: String, Sendable, Equatable, CaseIterable {
    case commons = "Commons"
    case lords = "Lords"
}

/// What an answer version is.
public enum AnswerKind: String, Sendable, Equatable {
    case holding, substantive, correction
}

/// One version of an answer as a record states it.
public struct AnswerVersionRecord: Sendable, Equatable {
    /// Holding, substantive or correction.
    public var kind: AnswerKind
    /// Day this version was given, `YYYY-MM-DD`.
    public var date: String
    /// Who answered.
    public var answeringMember: Member?
    /// Who corrected it (corrections only).
    public var correctingMember: Member?
    /// The answer as published, when the source has HTML.
    public var html: String?
    /// Plain text: paragraphs separated by blank lines, "- " list items, " | " between table cells.
    public var text: String
    /// True for a list excerpt (255 characters and "...").
    public var isTruncated: Bool

    /// A version with every field given.
    public init(kind: AnswerKind, date: String, answeringMember: Member? = nil, correctingMember: Member? = nil,
                html: String?, text: String, isTruncated: Bool) {
        self.kind = kind
        self.date = date
        self.answeringMember = answeringMember
        self.correctingMember = correctingMember
        self.html = html
        self.text = text
        self.isTruncated = isTruncated
    }
}

/// A member of either House, by Parliament member id; the other fields when the source expanded it.
public struct Member: Sendable, Equatable {
    public var id: Int
    public var name: String?
    public var listAs: String?
    public var party: String?
    public var partyAbbreviation: String?
    public var memberFrom: String?
    public var thumbnailURL: String?

    /// A member known only by id unless the other fields are given.
    public init(id: Int, name: String? = nil, listAs: String? = nil, party: String? = nil,
                partyAbbreviation: String? = nil, memberFrom: String? = nil, thumbnailURL: String? = nil) {
        self.id = id
        self.name = name
        self.listAs = listAs
        self.party = party
        self.partyAbbreviation = partyAbbreviation
        self.memberFrom = memberFrom
        self.thumbnailURL = thumbnailURL
    }
}

/// A department or other body that answers questions.
public struct AnsweringBody: Sendable, Equatable {
    /// Parliament's answeringBodyId, when known.
    public var apiID: Int?
    /// Its name, e.g. "Home Office".
    public var name: String

    public init(apiID: Int?, name: String) {
        self.apiID = apiID
        self.name = name
    }
}

/// Another question answered together with this one.
public struct GroupedQuestion: Sendable, Equatable {
    public var uin: String
    /// Its day tabled, `YYYY-MM-DD`, when given.
    public var dateTabled: String?

    public init(uin: String, dateTabled: String?) {
        self.uin = uin
        self.dateTabled = dateTabled
    }
}

/// A file attached to an answer.
public struct Attachment: Sendable, Equatable {
    public var url: String
    public var title: String?
    public var fileType: String?
    public var fileSizeBytes: Int64?

    public init(url: String, title: String?, fileType: String?, fileSizeBytes: Int64?) {
        self.url = url
        self.title = title
        self.fileType = fileType
        self.fileSizeBytes = fileSizeBytes
    }
}
