import Foundation
import Testing
@testable import VitaeExtraction

@Suite("plain text, detection and limits")
struct PlainTextAndDetectionTests {
    @Test("UTF-8 with a BOM and CRLF line ends")
    func utf8() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("Zoë Ångström\r\nSwift\u{00A0}developer  \r\n\r\n\r\n\r\nSkills\r\n".utf8)
        #expect(Extractor.detectFormat(data) == .text)
        let document = try Extractor.extract(data)
        #expect(document.format == .text)
        #expect(document.lines.map(\.text) == ["Zoë Ångström", "Swift developer", "", "Skills"])
    }

    @Test("a wide run of spaces sets columns apart like a tab; two spaces and indentation do not")
    func columnGaps() throws {
        let document = try Extractor.extract(Data("2016      University of Illinois      B.A.\n    Swift  developer\n".utf8))
        #expect(document.lines.map(\.text) == ["2016\tUniversity of Illinois\tB.A.", "Swift developer"])
    }

    @Test("Latin-1 text decodes when it is not valid UTF-8")
    func latin1() throws {
        let data = Data("Jos".utf8) + Data([0xE9]) + Data(" Garc".utf8) + Data([0xED]) + Data("a\nM".utf8) + Data([0xFC]) + Data("nchen".utf8)
        let document = try Extractor.extract(data)
        #expect(document.text == "José García\nMünchen")
    }

    @Test("binary data is refused, whatever it claims to be")
    func binary() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) + Data(repeating: 0x41, count: 100)
        #expect(Extractor.detectFormat(png) == nil)
        let error = extractionError(png)
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message.contains("binary") == true)
        let controls = Data((0..<400).map { UInt8($0 % 2 == 0 ? 0x01 : 0x41) })
        #expect(extractionError(controls)?.code == .unsupportedFormat)
    }

    @Test("format comes from content, not the name: a PDF is a PDF, a DOCX a DOCX")
    func detection() throws {
        #expect(Extractor.detectFormat(try Fixtures.data("resumes/john_doe.pdf")) == .pdf)
        #expect(Extractor.detectFormat(try Fixtures.data("resumes/john_smith.docx")) == .docx)
        #expect(Extractor.detectFormat(Data()) == nil)
        #expect(Extractor.detectFormat(Data("%PDF".utf8)) == .text)
    }

    @Test("empty and whitespace-only files are empty")
    func empty() {
        #expect(extractionError(Data())?.code == .empty)
        #expect(extractionError(Data(" \n\t\r\n".utf8))?.code == .empty)
    }

    @Test("files over the byte limit are refused before anything else")
    func tooLarge() throws {
        var options = ExtractionOptions()
        options.limits.maxFileBytes = 1000
        let error = extractionError(try Fixtures.data("resumes/john_doe.pdf"), options: options)
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("over the limit") == true)
        #expect(extractionError(Data(repeating: 0, count: 1001), options: options)?.code == .tooLarge)
    }

    @Test("text cleanup: ligatures, soft hyphens, odd spaces, trailing blanks")
    func cleaner() {
        #expect(TextCleaner.clean("e\u{FB03}cient \u{FB01}le  pro\u{00AD}\u{FB01}le\u{00A0}\t x \u{200B} ") == "efficient file profile x")
        #expect(TextCleaner.clean("a \t\t b\t", keepTabs: true) == "a\tb")
        #expect(TextCleaner.clean("555-\u{00AD}\u{2010}5555") == "555-5555")
    }
}
