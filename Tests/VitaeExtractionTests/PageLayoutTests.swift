import Testing
@testable import VitaeExtraction

/// Reading order on synthetic pages, independent of any PDF producer.
@Suite("page layout")
struct PageLayoutTests {
    /// Glyphs for `text` set at (x, y) in a `size` pt font (10 unless told) with advances of half
    /// the size, as poppler reports them.
    static func glyphs(_ text: String, x: Double, y: Double, bold: Bool = false, size: Double = 10) -> [PageLayout.Glyph] {
        var glyphs: [PageLayout.Glyph] = []
        for (index, scalar) in text.unicodeScalars.enumerated() {
            let left = x + Double(index) * size / 2
            glyphs.append(.init(scalar: scalar, rect: .init(x1: left, y1: y, x2: left + size / 2, y2: y + size * 1.2),
                                style: .init(fontSize: size, isBold: bold)))
        }
        glyphs.append(.init(scalar: "\n", rect: .init(x1: x, y1: y, x2: x, y2: y + size * 1.2), style: nil))
        return glyphs
    }

    static func read(_ glyphs: [PageLayout.Glyph]) -> [String] {
        PageLayout(page: 1).lines(from: glyphs).map(\.text)
    }

    @Test("a sidebar page reads the main column, then the sidebar")
    func twoColumns() {
        var page = Self.glyphs("Ada Lovelace, Analyst, ada@example.com, London and elsewhere", x: 40, y: 20, bold: true)
        let main = ["Built models for the Analytical Engine", "Wrote the first published algorithm",
                    "Translated Menabrea's memoir with notes", "Corresponded with Babbage on design",
                    "Described loops and conditional branches", "Predicted symbolic computation"]
        let side = ["SKILLS", "Mathematics", "Translation", "Poetical science", "Notes"]
        for (index, line) in main.enumerated() { page += Self.glyphs(line, x: 40, y: 60 + Double(index) * 14) }
        // The sidebar's baselines fall between the main column's, as independent columns do.
        for (index, line) in side.enumerated() { page += Self.glyphs(line, x: 300, y: 66 + Double(index) * 14) }
        let lines = Self.read(page)
        #expect(lines == ["Ada Lovelace, Analyst, ada@example.com, London and elsewhere"] + main + side)
    }

    @Test("right-aligned dates stay on their line in a single column")
    func singleColumnDates() {
        var page: [PageLayout.Glyph] = []
        var y = 20.0
        for job in 0..<3 {
            page += Self.glyphs("Engineer at Company \(job)", x: 40, y: y)
            page += Self.glyphs("2019 - 202\(job)", x: 400, y: y)
            for bullet in 0..<3 {
                y += 14
                page += Self.glyphs("• Shipped project \(bullet) across the whole page width and then some more", x: 50, y: y)
            }
            y += 20
        }
        let lines = Self.read(page)
        #expect(lines.count == 12)
        // The gap before the date is wider than a word space: a tab, as a Word tab stop gives.
        #expect(lines[0] == "Engineer at Company 0\t2019 - 2020")
        #expect(lines[4] == "Engineer at Company 1\t2019 - 2021")
    }

    /// Skills set as boxes: word spaces inside a chip, a wider gap between chips. The gap is judged
    /// by the chips' own type, not by a larger heading on the same row.
    @Test("gaps between chips are tabs, judged by the chips' own type")
    func chips() {
        var page = Self.glyphs("SKILLS", x: 40, y: 20, bold: true, size: 20)
        var x = 200.0
        for chip in ["Docker", "API Design", "Go"] {
            page += Self.glyphs(chip, x: x, y: 26)
            x += Double(chip.count) * 5 + 14  // 1.4 em of the chips' 10 pt type
        }
        #expect(Self.read(page) == ["SKILLS\tDocker\tAPI Design\tGo"])
    }

    @Test("a header of a name block and a right-hand contact stack is read block by block")
    func headerBlocks() {
        var page = Self.glyphs("London, UK", x: 400, y: 14)
        page += Self.glyphs("Ada Lovelace", x: 40, y: 24, bold: true)
        page += Self.glyphs("(123) 456-7890", x: 400, y: 26)
        page += Self.glyphs("ada@example.com", x: 400, y: 38)
        page += Self.glyphs("Analyst", x: 40, y: 48)
        page += Self.glyphs("github.com/ada", x: 400, y: 50)
        let body = ["Summary", "Wrote the first published algorithm for a machine that was never built at all",
                    "Translated the memoir of Menabrea on the engine and added the famous long notes"]
        for (index, line) in body.enumerated() { page += Self.glyphs(line, x: 40, y: 80 + Double(index) * 14) }
        #expect(Self.read(page) == ["Ada Lovelace", "Analyst", "London, UK", "(123) 456-7890", "ada@example.com", "github.com/ada"] + body)
        // On later pages the same shapes are body text, read row by row.
        #expect(PageLayout(page: 2).lines(from: page).first?.text == "London, UK")
    }

    @Test("glyphs glued across a gap split into words; bold is the majority face")
    func wordsAndHints() {
        var page = Self.glyphs("Name", x: 40, y: 20, bold: true)
        page.removeLast()  // no separator: poppler sometimes runs distant words together
        page += Self.glyphs("Phone", x: 200, y: 20)
        let lines = PageLayout(page: 3).lines(from: page)
        #expect(lines.map(\.text) == ["Name\tPhone"])
        #expect(lines.first?.page == 3)
        #expect(lines.first?.fontSize == 10)
        #expect(lines.first?.isBold == false)  // 4 bold of 9 glyphs
    }
}
