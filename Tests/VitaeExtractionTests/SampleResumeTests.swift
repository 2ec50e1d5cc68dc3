import Foundation
import Testing
@testable import VitaeExtraction

/// The repository's own generated samples (Samples/generate.py), one per layout.
@Suite("generated samples")
struct SampleResumeTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    static func lines(_ file: String) throws -> [TextLine] {
        try Extractor.extract(Data(contentsOf: folder.appendingPathComponent(file))).lines
    }

    @Test("single column: header fields and dates on their job line")
    func singleColumn() throws {
        let lines = try Self.lines("priya-raman-single-column.pdf")
        #expect(lines.first?.text == "Priya Raman")
        #expect(lines.first?.isBold == true)
        #expect(lines.contains { $0.text == "Senior Data Engineer, Northwind Freight\tMar 2021 - Present" })
        #expect(lines.contains { $0.text.contains("linkedin.com/in/priya-raman-data") })
    }

    @Test("two columns: the sidebar follows the whole main column")
    func twoColumn() throws {
        let text = try Self.lines("mateo-alvarez-two-column.pdf").map(\.text)
        let lastBullet = try #require(text.firstIndex { $0.hasPrefix("• Delivered 14 client apps") })
        let contact = try #require(text.firstIndex(of: "CONTACT"))
        #expect(lastBullet < contact)
        #expect(text[contact + 1] == "mateo.alvarez@example.org")
        #expect(text.contains("Senior Product Designer, Lumen Pay\tJan 2022 - Present"))
        #expect(!text.contains { $0.contains("Figma") && $0.contains("onboarding") })
    }

    @Test("DOCX: header first, tab-aligned dates, headings bold, table rows")
    func docx() throws {
        let lines = try Self.lines("grace-okafor.docx")
        #expect(lines.first?.text == "Grace Okafor")
        #expect(lines.first?.fontSize == 20)
        #expect(lines.contains { $0.text == "Staff Site Reliability Engineer, Meridian Bank\tApr 2021 - Present" })
        #expect(lines.first { $0.text == "Experience" }?.isBold == true)
        #expect(lines.last?.text == "Languages\tGo, Python, Bash")
    }
}
