import Testing
@testable import ArchiveIngest

@Suite struct HTMLTextTests {
    @Test func paragraphsBecomeBlankLineSeparatedBlocks() {
        #expect(HTMLText.text(fromHTML: "<p>One.</p><p>Two.</p><h2>Three</h2><div>Four</div>")
            == "One.\n\nTwo.\n\nThree\n\nFour")
    }

    @Test func lineBreaksBecomeNewlines() {
        #expect(HTMLText.text(fromHTML: "<p>a<br>b<br/><br>c</p>") == "a\nb\n\nc")
    }

    @Test func whitespaceInsideBlocksIsCollapsed() {
        #expect(HTMLText.text(fromHTML: "<p>  lots\n\t of   <b>space</b>\u{A0}\u{A0}here  </p>")
            == "lots of space here")
    }

    @Test func spacerParagraphsAreDropped() {
        let html = "<p>First.</p><p> </p><p>&nbsp;</p><p>\u{A0}</p><p></p><p>Second.</p>"
        #expect(HTMLText.text(fromHTML: html) == "First.\n\nSecond.")
    }

    @Test func entitiesAreDecoded() {
        #expect(HTMLText.text(fromHTML: "<p>K &amp; AM &pound;65 &#8211; &#x2019;s &lt;tag&gt; &quot;q&quot;</p>")
            == "K & AM £65 – ’s <tag> \"q\"")
    }

    @Test func scriptAndStyleContentIsDropped() {
        let html = "<style>p { color: red }</style><p>Kept<script>alert('x')</script> text.</p><script>var a = 1;</script>"
        #expect(HTMLText.text(fromHTML: html) == "Kept text.")
    }

    @Test func linksKeepTheirText() {
        let html = #"<p>See <a href="https://www.gov.uk/x" target="_blank">the statistics</a>.</p>"#
        #expect(HTMLText.text(fromHTML: html) == "See the statistics.")
    }

    @Test func unorderedListItemsAreDashedOneALine() {
        let html = "<p>Funding:</p><ul><li>£1m to A</li><li><p>£2m to B</p></li></ul><p>After.</p>"
        #expect(HTMLText.text(fromHTML: html) == "Funding:\n\n- £1m to A\n- £2m to B\n\nAfter.")
    }

    @Test func orderedListItemsAreNumbered() {
        #expect(HTMLText.text(fromHTML: "<ol><li>first</li><li>second</li></ol>") == "1. first\n2. second")
        #expect(HTMLText.text(fromHTML: #"<ol start="3"><li>third</li></ol>"#) == "3. third")
    }

    @Test func nestedListsAreIndented() {
        let html = "<ul><li>outer<ul><li>inner</li></ul></li><li>next</li></ul>"
        #expect(HTMLText.text(fromHTML: html) == "- outer\n  - inner\n- next")
    }

    @Test func tableRowsBecomeLinesWithCellsJoinedByBars() {
        let html = """
        <p>Referrals:</p>
        <table><caption>NRM referrals</caption>
        <thead><tr><th>Year</th><th>Number</th></tr></thead>
        <tbody><tr><td>2022</td><td><p>16,938</p></td></tr>
        <tr><td>2023</td><td>17,004<br>(provisional)</td></tr></tbody></table>
        <p>Source: Home Office.</p>
        """
        #expect(HTMLText.text(fromHTML: html) == """
        Referrals:

        NRM referrals
        Year | Number
        2022 | 16,938
        2023 | 17,004 (provisional)

        Source: Home Office.
        """)
    }

    @Test func emptyTableCellsKeepTheirPlace() {
        #expect(HTMLText.text(fromHTML: "<table><tr><td>a</td><td></td><td>c</td></tr></table>") == "a |  | c")
    }

    @Test func unclosedTagsAreRecovered() {
        #expect(HTMLText.text(fromHTML: "<p>one<p>two<ul><li>three<li>four") == "one\n\ntwo\n\n- three\n- four")
        #expect(HTMLText.text(fromHTML: "<div><b>bold <i>both</div> after") == "bold both\n\nafter")
    }

    @Test func garbageNeverCrashes() {
        let inputs = ["", " ", "<", ">", "</p>", "<<<>>>", "&", "&#;", "&#xFFFFFFFF;", "<p", "<!--", "<![CDATA[x",
                      "<table><td>x", "</li></ul>y", String(repeating: "<div>", count: 20_000) + "deep",
                      String(repeating: "<b>", count: 5_000), "\u{0}\u{1}<p>\u{7}</p>", "<scr<script>ipt>x"]
        for input in inputs {
            _ = HTMLText.text(fromHTML: input)
        }
        #expect(HTMLText.text(fromHTML: "") == "")
        #expect(HTMLText.text(fromHTML: "plain words") == "plain words")
    }

    @Test func nestedMarkupKeepsItsText() {
        let html = String(repeating: "<div>", count: 200) + "deep" + String(repeating: "</div>", count: 200)
        #expect(HTMLText.text(fromHTML: html) == "deep")
    }

    @Test func absurdlyDeepMarkupIsCutOffNotCrashed() {
        // libxml2 stops at its nesting limit (256) unless told HTML_PARSE_HUGE, which we never do.
        let html = String(repeating: "<div>", count: 100_000) + "deep"
        #expect(HTMLText.text(fromHTML: html).count < 10)
    }

    @Test func realItemAnswerReadsCleanly() {
        let html = "<p>The department is supporting sectors.</p><p> </p><p>In July 2021, £7 million <a href=\"https://x\" target=\"_blank\">https://x</a>.</p>"
        #expect(HTMLText.text(fromHTML: html) == "The department is supporting sectors.\n\nIn July 2021, £7 million https://x.")
    }
}
