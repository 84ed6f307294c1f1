// The dev-set harness as a test: prints precision, recall and F1 and every miss and false hit.
import ArchiveExtraction
import Testing

@Suite struct DevSetTests {
    @Test func devSetScoresAtLeastPointNineF1ForGrantsAndFigures() throws {
        let eval = try DevSetEvaluation.load()
        let (grants, figures, log) = eval.evaluate()
        for line in log { print(line) }
        print("DEV-SET grants:  \(grants)")
        for m in grants.misses { print("  MISS  \(m)") }
        for h in grants.falseHits { print("  FALSE \(h)") }
        print("DEV-SET figures: \(figures)")
        for m in figures.misses { print("  MISS  \(m)") }
        for h in figures.falseHits { print("  FALSE \(h)") }
        #expect(grants.f1 >= 0.9)
        #expect(figures.f1 >= 0.9)
    }
}
