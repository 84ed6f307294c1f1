@testable import ArchiveExtraction
import Testing

/// A phrase set finds a phrase wherever a search for each phrase alone would.
@Suite struct PhraseSetTests {
    static let phrases = ["slavery", "traffick", "potential victim", "labour exploitation", "forced labour", "of these", "of those"]

    @Test(arguments: [
        "modern slavery and human trafficking",
        "trafficking",
        "the number of potential victims referred",
        "victims of forced labour",
        "of thes",
        "of those",
        "labour exploitatio",
        "slaver",
        "sla",
        "",
        "référence to slavery",
        "of the same period, of these 40% were women",
        "no phrase here at all",
    ])
    func findsWhatEachPhraseAloneFinds(text: String) {
        let expected = Self.phrases.contains { containsBytes(text, $0) }
        #expect(PhraseSet(Self.phrases).occurs(in: text) == expected)
    }

    @Test func findsAPhraseAtTheStartTheEndAndNowhere() {
        let set = PhraseSet(["ab", "abc", "b"])
        #expect(set.occurs(in: "abz"))
        #expect(set.occurs(in: "zzb"))
        #expect(!set.occurs(in: "zza"))
        #expect(!PhraseSet([]).occurs(in: "anything"))
    }
}
