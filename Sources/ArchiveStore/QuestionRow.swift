/// A `questions` row as the writer keeps it: typed, and merged in Swift when a record of a known
/// question arrives.
struct QuestionRow: Equatable {
    var apiID: Int?
    var uin = ""
    var house = ""
    var dateTabled = ""
    var dateForAnswer: String?
    var isNamedDay: Bool?
    var isWithdrawn: Bool?
    var memberHasInterest: Bool?
    var heading: String?
    var questionText: String?
    /// True when `questionText` may be cut short (list responses cut it at 255 characters).
    var questionTextIsTruncated = false
    var askingMemberID: Int?
    var askingMemberName: String?
    var answeringBodyID: Int64?
    var answerID: Int64?

    /// The one list of the columns a question is written to and read from.
    static let columns = ColumnList<QuestionRow>(table: "questions", [
        .column("api_id", \.apiID), .column("uin", \.uin), .column("house", \.house),
        .column("date_tabled", \.dateTabled), .column("date_for_answer", \.dateForAnswer),
        .column("is_named_day", \.isNamedDay), .column("is_withdrawn", \.isWithdrawn),
        .column("member_has_interest", \.memberHasInterest), .column("heading", \.heading),
        .column("question_text", \.questionText), .column("question_text_is_truncated", \.questionTextIsTruncated),
        .column("asking_member_id", \.askingMemberID), .column("asking_member_name", \.askingMemberName),
        .column("answering_body_id", \.answeringBodyID), .column("answer_id", \.answerID),
    ])

    /// What `record` says, with the ids the writer found for its answering body and answer.
    init(_ record: QuestionRecord, answeringBodyID: Int64?, answerID: Int64?) {
        apiID = record.apiID
        uin = record.uin
        house = record.house.rawValue
        dateTabled = record.dateTabled
        dateForAnswer = record.dateForAnswer
        isNamedDay = record.isNamedDay
        isWithdrawn = record.isWithdrawn
        memberHasInterest = record.memberHasInterest
        heading = record.heading
        questionText = record.questionText
        questionTextIsTruncated = record.questionText != nil && record.questionTextIsTruncated
        askingMemberID = record.askingMember?.id
        askingMemberName = record.askingMemberName
        self.answeringBodyID = answeringBodyID
        self.answerID = answerID
    }

    /// A row to read a stored one into.
    init() {}

    /// This stored row with a newer record's `incoming` merged in: what the record knows and the
    /// archive did not is filled in, and newer values replace older ones, except that a question
    /// text that may be cut short never replaces a stored one, and a name a page gave is kept.
    func merged(with incoming: QuestionRow) -> QuestionRow {
        var row = self
        row.apiID = incoming.apiID ?? apiID
        row.dateForAnswer = incoming.dateForAnswer ?? dateForAnswer
        row.isNamedDay = incoming.isNamedDay ?? isNamedDay
        row.isWithdrawn = incoming.isWithdrawn ?? isWithdrawn
        row.memberHasInterest = incoming.memberHasInterest ?? memberHasInterest
        row.heading = incoming.heading ?? heading
        if let text = incoming.questionText, !incoming.questionTextIsTruncated || questionText == nil {
            row.questionText = text
            row.questionTextIsTruncated = incoming.questionTextIsTruncated
        }
        row.askingMemberID = incoming.askingMemberID ?? askingMemberID
        row.askingMemberName = askingMemberName ?? incoming.askingMemberName
        row.answeringBodyID = incoming.answeringBodyID ?? answeringBodyID
        return row
    }
}
