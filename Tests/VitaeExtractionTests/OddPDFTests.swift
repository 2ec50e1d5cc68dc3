import Foundation
import Testing
@testable import VitaeExtraction

@Suite("awkward PDFs (pdfminer samples)")
struct OddPDFTests {
    static let passwords: [String: (user: String, owner: String, text: String)] = [
        "encryption/aes-128.pdf": ("baz", "foo", "Secret!"), "encryption/rc4-40.pdf": ("baz", "foo", "Secret!"),
        "encryption/aes-256-r6.pdf": ("usersecret", "ownersecret", "Hello World"),
    ]

    /// Text or a clear ExtractionError within a time bound, never a crash or hang.
    @Test("yields text or a clear error, in bounded time", arguments: Fixtures.oddPDFs)
    func textOrError(file: String) async throws {
        #expect(Fixtures.oddPDFs.count >= 50)
        let data = try Fixtures.data("pdf-odd/samples/\(file)")
        var options = ExtractionOptions()
        options.limits.maxPages = 100
        do {
            let document = try await extractWithin(20, data, options: options)
            #expect(document.format == .pdf)
            #expect(!document.lines.isEmpty)
            #expect(document.lines.allSatisfy { !$0.text.isEmpty && (1...document.pageCount).contains($0.page) })
        } catch let error as ExtractionError {
            #expect([.encrypted, .noTextLayer, .corrupt].contains(error.code), "\(file): \(error)")
            #expect(!error.message.isEmpty)
            if error.code == .encrypted { #expect(Self.passwords[file] != nil, "\(file) is not one of the encrypted samples") }
        }
    }

    @Test("the time bound fails a hung extraction instead of waiting for it")
    func timeBoundWorks() async {
        let started = Date()
        await #expect(throws: TimedOut.self) {
            try await runWithin(0.2, slot: false) { Thread.sleep(forTimeInterval: 20); return 0 }
        }
        // Generous: parallel tests may keep the cooperative pool busy for a while after the deadline.
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test("encrypted PDFs open with either password", arguments: passwords.keys.sorted())
    func encrypted(file: String) throws {
        let data = try Fixtures.data("pdf-odd/samples/\(file)")
        let pair = try #require(Self.passwords[file])
        for password in [pair.user, pair.owner] {
            let document = try Extractor.extract(data, options: ExtractionOptions(password: password))
            #expect(document.text.contains(pair.text), "\(file) with \(password)")
        }
        let missing = extractionError(data)
        #expect(missing?.code == .encrypted)
        #expect(missing?.message.contains("password-protected; pass --password") == true)
        // A wrong password once crashed poppler's from-bytes constructor; every kind must fail cleanly.
        for wrong in ["wrong", " ", "baz baz", "ünïcödé", pair.user.uppercased()] {
            #expect(extractionError(data, options: ExtractionOptions(password: wrong))?.code == .wrongPassword, "\(wrong)")
        }
    }

    @Test("an unencrypted PDF ignores a password")
    func passwordOnPlainPDF() throws {
        let document = try Extractor.extract(Fixtures.data("pdf-odd/samples/encryption/base.pdf"), options: .init(password: "x"))
        #expect(document.text == "Secret!")
    }

    @Test("image-only PDFs report a missing text layer")
    func scanned() throws {
        let error = extractionError(try Fixtures.data("pdf-odd/samples/contrib/pdf-with-jbig2.pdf"))
        #expect(error?.code == .noTextLayer)
        #expect(error?.message.contains("scanned; OCR not supported") == true)
    }

    /// pdfminer's expected output uses its own layout, so words are compared, not spacing.
    @Test("words match pdfminer's expected text", arguments: [
        "simple1.pdf", "simple4.pdf", "simple5.pdf", "zen_of_python_corrupted.pdf",
        "contrib/issue-886-xref-stream-widths.pdf", "contrib/issue-625-identity-cmap.pdf",
    ])
    func expectedWords(file: String) throws {
        let json = try JSONSerialization.jsonObject(with: Fixtures.data("pdf-odd/expected_text.json")) as? [String: Any]
        let expected = try #require((json?["expected"] as? [String: String])?[file])
        let document = try Extractor.extract(Fixtures.data("pdf-odd/samples/\(file)"))
        let ours = words(document.text)
        var available = Dictionary(ours.map { ($0, 1) }, uniquingKeysWith: +)
        let missing = words(expected).filter { word in
            guard let count = available[word], count > 0 else { return true }
            available[word] = count - 1
            return false
        }
        #expect(missing.isEmpty, "\(file) lacks \(missing)")
    }
}
