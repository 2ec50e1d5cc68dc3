import Foundation
import Testing
import ZIPFoundation
@testable import VitaeExtraction

@Suite("DOCX")
struct DOCXExtractionTests {
    @Test("the corpus DOCX reads in order with tab-aligned dates")
    func johnSmith() throws {
        let data = try Fixtures.data("resumes/john_smith.docx")
        #expect(Extractor.detectFormat(data) == .docx)
        let document = try Extractor.extract(data)
        #expect(document.format == .docx)
        let lines = document.lines.map(\.text)
        #expect(lines.first == "John Smith")
        #expect(lines.contains("Bachelor of Business Administration\tExpected Graduation: May 2018"))
        let objective = try #require(lines.firstIndex(of: "OBJECTIVE")), education = try #require(lines.firstIndex(of: "EDUCATION"))
        #expect(objective < education)
    }

    @Test("runs, tabs, breaks, bold, heading styles and sizes")
    func paragraphs() throws {
        let body = """
            <w:p><w:pPr><w:pStyle w:val="Heading1"/><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr>\
            <w:r><w:t>Experience</w:t></w:r></w:p>\
            <w:p><w:r><w:rPr><w:b/><w:sz w:val="24"/></w:rPr><w:t>Staff</w:t></w:r>\
            <w:r><w:rPr><w:b w:val="1"/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve"> Engineer</w:t></w:r>\
            <w:r><w:rPr><w:b/></w:rPr><w:tab/><w:t>2020 – 2024</w:t></w:r></w:p>\
            <w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Line one</w:t><w:br/><w:t>Line two</w:t><w:cr/><w:t>Line three</w:t></w:r></w:p>\
            <w:p/><w:p/><w:p/>\
            <w:p><w:r><w:t>Pro</w:t></w:r><w:r><w:t>ﬁle</w:t></w:r><w:r><w:delText>deleted</w:delText></w:r></w:p>
            """
        let lines = try Extractor.extract(DOCXBuilder.docx(body: body)).lines
        #expect(lines.map(\.text) == ["Experience", "Staff Engineer\t2020 – 2024", "Line one", "Line two", "Line three", "", "Profile"])
        #expect(lines[0].isBold)
        #expect(lines[1].isBold)
        #expect(lines[1].fontSize == 12)
        #expect(!lines[2].isBold)
        #expect(lines[2].fontSize == nil)
    }

    @Test("table cells are tab-separated, rows are lines")
    func tables() throws {
        let cell = { (text: String) in "<w:tc><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>" }
        let body = DOCXBuilder.paragraph("Skills", bold: true)
            + "<w:tbl><w:tr>\(cell("Swift"))\(cell("Go"))\(cell("Rust"))</w:tr><w:tr>\(cell("AWS"))"
            + "<w:tc><w:p><w:r><w:t>Docker</w:t></w:r></w:p><w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            + DOCXBuilder.paragraph("After")
        let lines = try Extractor.extract(DOCXBuilder.docx(body: body)).lines.map(\.text)
        #expect(lines == ["Skills", "Swift\tGo\tRust", "AWS\tDocker Kubernetes", "After"])
    }

    @Test("headers come first and footers last")
    func headersAndFooters() throws {
        let data = try DOCXBuilder.docx(
            body: DOCXBuilder.paragraph("Body"),
            headers: [DOCXBuilder.paragraph("Ada Lovelace", style: "Title")],
            footers: [DOCXBuilder.paragraph("ada@example.com")])
        let lines = try Extractor.extract(data).lines
        #expect(lines.map(\.text) == ["Ada Lovelace", "Body", "ada@example.com"])
        #expect(lines[0].isBold)
    }

    @Test("text boxes are read once, not also from their VML fallback")
    func alternateContent() throws {
        let body = """
            <w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">\
            <mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></mc:Choice>\
            <mc:Fallback><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></mc:Fallback>\
            </mc:AlternateContent></w:r></w:p>
            """ + DOCXBuilder.paragraph("Next")
        let lines = try Extractor.extract(DOCXBuilder.docx(body: body)).lines.map(\.text)
        #expect(lines == ["Boxed", "Next"])
    }

    @Test("a DOCTYPE or entity in the XML is refused", arguments: [
        #"<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#,
        #"<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>"#,
        #"<!DOCTYPE w:document SYSTEM "http://example.invalid/evil.dtd">"#,
    ])
    func entities(doctype: String) throws {
        let xml = #"<?xml version="1.0"?>"# + doctype
            + #"<w:document xmlns:w="\#(DOCXBuilder.namespace)"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"#
        let data = try DOCXBuilder.zip([("word/document.xml", Data(xml.utf8))])
        #expect(extractionError(data)?.code == .xmlEntitiesRefused)
    }

    @Test("malformed XML is corrupt")
    func malformedXML() throws {
        let data = try DOCXBuilder.zip([("word/document.xml", Data("<w:document><w:body><w:p>".utf8))])
        #expect(extractionError(data)?.code == .corrupt)
    }

    @Test("a part that inflates hugely is a zip bomb")
    func zipBombByRatio() throws {
        let padding = String(repeating: " ", count: 8 << 20)
        let data = try DOCXBuilder.docx(body: DOCXBuilder.paragraph("Hi") + "<!--\(padding)-->")
        #expect(data.count < 200_000)
        let error = extractionError(data)
        #expect(error?.code == .zipBomb)
        #expect(error?.message.contains("zip bomb") == true)
    }

    @Test("parts whose total exceeds the budget are a zip bomb")
    func zipBombByTotal() throws {
        var options = ExtractionOptions()
        options.limits.maxUncompressedBytes = 100_000
        let text = (0..<20_000).map { "w\($0) " }.joined()  // varied, so its ratio stays low
        let data = try DOCXBuilder.docx(body: DOCXBuilder.paragraph(text))
        #expect(extractionError(data, options: options)?.code == .zipBomb)
    }

    /// The sizes in the zip directory come from the file's author: a bomb can claim to be small.
    @Test("a bomb that lies about its size is stopped while inflating")
    func zipBombWithLyingHeader() throws {
        let padding = String(repeating: " ", count: 8 << 20)
        var data = try DOCXBuilder.docx(body: DOCXBuilder.paragraph("Hi") + "<!--\(padding)-->")
        let entry = try #require(try Archive(data: data, accessMode: .read)["word/document.xml"])
        let claimed = UInt32(entry.compressedSize)
        Self.patch(&data, signature: 0x0403_4B50, sizeOffset: 22, to: claimed)
        Self.patch(&data, signature: 0x0201_4B50, sizeOffset: 24, to: claimed)
        #expect(try Archive(data: data, accessMode: .read)["word/document.xml"]?.uncompressedSize == UInt64(claimed))
        #expect(extractionError(data)?.code == .zipBomb)
    }

    /// Rewrites the uncompressed size of every zip header with `signature`.
    private static func patch(_ data: inout Data, signature: UInt32, sizeOffset: Int, to size: UInt32) {
        let marker = withUnsafeBytes(of: signature.littleEndian, Array.init)
        var index = data.startIndex
        while let range = data[index...].firstRange(of: marker) {
            withUnsafeBytes(of: size.littleEndian) { data.replaceSubrange(range.lowerBound + sizeOffset..<range.lowerBound + sizeOffset + 4, with: $0) }
            index = range.upperBound
        }
    }

    @Test("a damaged zip is corrupt; a zip without a Word body is unsupported")
    func damagedAndForeignZips() throws {
        let good = try DOCXBuilder.docx(body: DOCXBuilder.paragraph("Hello"))
        #expect(extractionError(Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 7, count: 300))?.code == .corrupt)
        var flipped = good
        if let range = flipped.firstRange(of: Data("word/document.xml".utf8)) {
            // Corrupt the deflated body that follows the local header's file name.
            for offset in range.upperBound..<min(range.upperBound + 40, flipped.count) { flipped[offset] ^= 0x5A }
        }
        #expect([ExtractionError.Code.corrupt].contains(extractionError(flipped)?.code))
        let foreign = try DOCXBuilder.zip([("notes.txt", Data("hello".utf8))])
        #expect(Extractor.detectFormat(foreign) == nil)
        let error = extractionError(foreign)
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message.contains("not a Word document") == true)
    }
}
