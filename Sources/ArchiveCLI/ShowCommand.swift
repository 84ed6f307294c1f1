import ArchiveQuery
import ArgumentParser
import Foundation

/// `archive show`: one written question whole, to read and to cite.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one written question whole: question, every answer version, its figures and grants with their evidence, and its link.",
        discussion: """
            In the current answer's text a grant's evidence is marked ⟦like this⟧ and a figure's [like this]; \
            the grants and figures follow, each with the exact words that state it. UINs restart each \
            session, so a UIN may name several questions: all are printed unless --house narrows them.

            EXAMPLES:
              archive show 7814
              archive show HL1234 --house lords
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The question's UIN.", valueName: "uin"))
    var uin: String

    @Option(name: .long, help: ArgumentHelp("commons or lords.", valueName: "house"))
    var house: String?

    func validate() throws {
        if let house, !["commons", "lords"].contains(house.lowercased()) { throw ValidationError("--house is commons or lords, not '\(house)'") }
    }

    func run() throws {
        try withReadOnlyArchive(database) { db in
            let pages = try AnswerPage.load(db, uin: uin, house: house)
            guard !pages.isEmpty else { throw CommandFailure("no question with UIN \(uin)\(house.map { " in the \($0)" } ?? "") in \(database.path)") }
            try StandardOutput.write(pages.map { $0.rendered() }.joined(separator: "\n" + String(repeating: "-", count: 60) + "\n\n"))
        }
    }
}
