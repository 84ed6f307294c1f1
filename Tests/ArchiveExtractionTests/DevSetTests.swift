// The dev-set harness as a test: prints precision, recall and F1 and every miss and false hit.
import ArchiveExtraction
import Testing

@Suite struct DevSetTests {
    @Test func devSetScoresAtLeastPointNineF1ForGrantsAndFigures() throws {
        let eval = try DevSetEvaluation.load()
        let (grants, figures, log) = eval.evaluate()
        for line in log { print(line) }
        grants.report("DEV-SET grants: ")
        figures.report("DEV-SET figures:")
        #expect(grants.f1 >= 0.9)
        #expect(figures.f1 >= 0.9)
    }
}
