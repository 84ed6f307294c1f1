@testable import ArchiveFacts
import ArchiveExtraction
import DevSetScoring
import Testing

/// The ASCII fast path of the organisation-name fold must give what the scalar-by-scalar fold gives.
@Suite struct OrganisationNameFoldTests {
    static let written = [
        "The Salvation Army", "the salvation army.", "\"Barnardo's\"",
        "Hope for Justice Ltd", "Unseen UK", "Unseen UK Ltd", "Justice and Care UK Limited", "UK",
        "Changing Lives;", "`Migrant Help`", "International Organization for Migration", "Kalayaan & Anti-Slavery International",
        "  The   Medaille\tTrust ", "The\r\nSnowdrop Project", "the", "The ", "'", "", "St Giles Trust (SGT)",
        "City Hearts (UK) Ltd.", "Modern Slavery Helpline:", "NSPCC, ", "The The Trust", "ltd", "Ashiana Sheffield CIC",
        "Tackling Organised Exploitation (TOEX) programme", "The Children's Society", "Women at the Well plc",
    ]

    @Test(arguments: written)
    func anASCIINameFoldsAsTheGeneralFoldDoes(name: String) throws {
        let ascii = try #require(ASCIIName(name))
        #expect(ascii.displayName() == OrganisationName.displayNameByScalars(name))
        #expect(ascii.key() == OrganisationName.keyByScalars(name))
    }

    @Test func everyLabelledRecipientFoldsTheSameBothWays() throws {
        let names = try DevSet.allAnswers().flatMap { $0.grants.compactMap { $0["recipient"] as? String } }
        #expect(names.count >= 38)
        for name in names {
            if let ascii = ASCIIName(name) {
                #expect(ascii.key() == OrganisationName.keyByScalars(name), "\(name)")
                #expect(ascii.displayName() == OrganisationName.displayNameByScalars(name), "\(name)")
            } else {
                #expect(OrganisationName.key(name) == OrganisationName.keyByScalars(name), "\(name)")
            }
        }
    }

    @Test func aNameWithAnAccentTakesTheGeneralFold() {
        #expect(ASCIIName("Fundación Esperanza") == nil)
        #expect(OrganisationName.key("The Fundación Esperanza Ltd") == "fundacion esperanza")
    }
}

/// A remembered key is the key: asked again, after other names, and after the memory is full.
@Suite struct RememberedKeyTests {
    @Test func aRememberedKeyIsTheCanonicalKey() {
        let names = ["Home Office", "the Home Department", "TSA", "‘Changing Lives’", "Hope for Justice", "NCA", "Unseen UK"]
        for name in names + names {
            #expect(OrganisationName.rememberedCanonicalKey(name) == OrganisationName.canonicalKey(name))
        }
        for n in 0...OrganisationName.rememberedLimit {
            _ = OrganisationName.rememberedCanonicalKey("Organisation \(n)")
        }
        for name in names {
            #expect(OrganisationName.rememberedCanonicalKey(name) == OrganisationName.canonicalKey(name))
        }
    }
}
