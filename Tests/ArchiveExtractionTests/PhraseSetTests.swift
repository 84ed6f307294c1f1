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

    /// The byte search agrees with a plain scan of every start, at the ends, on repeats and
    /// near-misses, and on text longer than the phrase by nothing or by one byte.
    @Test func containsBytesFindsWhatAPlainScanFinds() {
        let texts = ["", "a", "nrm", "the nrm", "nr", "nnrm", "nrnrm", "the national referral mechanism",
                     "national referral mechanis", "xnational referral mechanismx", "référence nrm", "nrm nrm"]
        let needles = ["", "n", "nrm", "rm", "national referral mechanism", "nrm nrm", "é"]
        for text in texts {
            for needle in needles {
                let h = Array(text.utf8), n = Array(needle.utf8)
                let plain = n.isEmpty || (n.count <= h.count && (0...(h.count - n.count)).contains { Array(h[$0..<($0 + n.count)]) == n })
                #expect(containsBytes(text, needle) == plain, "\(needle) in \(text)")
            }
        }
    }

    @Test func containsByteFindsAByteAnywhereAndNotInAnEmptyText() {
        #expect(containsByte("two-year", UInt8(ascii: "-")))
        #expect(containsByte("-", UInt8(ascii: "-")))
        #expect(containsByte("year-", UInt8(ascii: "-")))
        #expect(!containsByte("two–year", UInt8(ascii: "-")))  // an en dash is not a hyphen
        #expect(!containsByte("", UInt8(ascii: "-")))
    }

    @Test func findsAPhraseAtTheStartTheEndAndNowhere() {
        let set = PhraseSet(["ab", "abc", "b"])
        #expect(set.occurs(in: "abz"))
        #expect(set.occurs(in: "zzb"))
        #expect(!set.occurs(in: "zza"))
        #expect(!PhraseSet([]).occurs(in: "anything"))
        #expect(set.occurs(in: "zbz"))  // a one-byte phrase before any byte
        #expect(PhraseSet(["ab"]).occurs(in: "zab"))
        #expect(!PhraseSet(["ab"]).occurs(in: "zazb"))
        #expect(!PhraseSet(["ab"]).occurs(in: "a"))
        #expect(!PhraseSet(["ab"]).occurs(in: ""))
    }

    /// A sentence's lower-case words mention the NRM by its name, or as "nrm"/"nrms" standing alone.
    @Test func theNRMIsMentionedByNameOrAsAWordOfItsOwn() {
        #expect(Context.mentionsNRM("referrals to the nrm in 2023"))
        #expect(Context.mentionsNRM("two nrms"))
        #expect(Context.mentionsNRM("the national referral mechanism , in 2023"))
        #expect(!Context.mentionsNRM("an nrmx code and xnrm"))
        #expect(!Context.mentionsNRM("no mention of it here"))
        #expect(!Context.mentionsNRM(""))
    }

    /// "NRM" as a word of its own, not inside another word, at either end or between spaces.
    @Test func aSpaceSeparatedWordIsAWholeWord() {
        let words = ["nrm", "nrms"].map { Array($0.utf8) }
        #expect(hasSpaceSeparatedWord("referrals to the nrm in 2023", in: words))
        #expect(hasSpaceSeparatedWord("nrm referrals", in: words))
        #expect(hasSpaceSeparatedWord("two nrms", in: words))
        #expect(!hasSpaceSeparatedWord("the nrm, in 2023", in: words))  // split on spaces only, as the sentence's words are
        #expect(!hasSpaceSeparatedWord("nrmx and xnrm", in: words))
        #expect(!hasSpaceSeparatedWord("", in: words))
        #expect(!hasSpaceSeparatedWord("nrm", in: []))
    }
}

/// A name's last word read on its bytes (ASCII) says what reading it as Characters says.
@Suite struct FundNameTests {
    @Test(arguments: ["the Modern Slavery Fund", "Fund.", "Tackling Modern Slavery Fund 2023", "Funding", "",
                      "123", "The Child Trafficking Protection Fund—", "Changing Lives", "Prevention FUND (UK)",
                      "fund's", "a programme", "  Fund  ", "Fund-raising", "Community Fund;"])
    func theByteReadingAgreesWithTheCharacterReading(name: String) {
        #expect(Grants.isFundName(name) == Grants.isFundNameByCharacters(name), "\(name)")
    }

    @Test func aNameEndingInAFundHeadIsAFundName() {
        #expect(Grants.isFundName("the Modern Slavery Fund"))
        #expect(!Grants.isFundName("Changing Lives"))
    }
}
