import Foundation
import Testing
@testable import VitaeExtraction

@Suite("PDF resumes")
struct PDFExtractionTests {
    static let candidates: [(file: String, name: String)] = [
        ("alfred_pennyworth_pm.pdf", "Alfred Pennyworth"), ("barry_allen_fe.pdf", "Barry Allen"),
        ("bruce_wayne_fullstack.pdf", "Bruce Wayne"), ("harvey_dent_mle.pdf", "Harvey Dent"),
        ("john_doe.pdf", "John Doe"), ("john_smith.pdf", "John Smith"), ("john_smith.docx", "John Smith"),
        ("laverne-resume.pdf", "Leo Leopard"), ("openresume-resume.pdf", "John Doe"),
        ("template-modern-single-column.pdf", "John Doe"), ("template-modern-two-column.pdf", "John Doe"),
        ("template-single-column.pdf", "John Doe"), ("template-two-column.pdf", "John Doe"),
    ]

    @Test("every corpus resume yields its candidate's name", arguments: candidates.map(\.file))
    func candidateName(file: String) async throws {
        let name = try #require(Self.candidates.first { $0.file == file }?.name)
        let document = try await extractWithin(10, Fixtures.data("resumes/\(file)"))
        #expect(document.text.localizedCaseInsensitiveContains(name))
        #expect(document.lines.allSatisfy { $0.text == $0.text.trimmingCharacters(in: .whitespaces) })
        // Blank lines only separate DOCX paragraphs; PDF lines are rebuilt from glyphs, never blank.
        if document.format == .pdf { #expect(document.lines.allSatisfy { !$0.text.isEmpty }) }
    }

    @Test("the corpus folder holds exactly the resumes listed above")
    func corpusIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.resumes.path).sorted()
        #expect(files == Self.candidates.map(\.file).sorted())
    }

    /// Poppler's own order reads EDUCATION and SKILLS from the sidebar between the first job
    /// title and its bullets; the rebuilt order must finish the left column first.
    @Test("two-column templates read column by column",
          arguments: ["template-two-column.pdf", "template-modern-two-column.pdf"])
    func twoColumnOrder(file: String) throws {
        let lines = try Extractor.extract(Fixtures.data("resumes/\(file)")).lines.map(\.text)
        func index(_ text: String) throws -> Int {
            try #require(lines.firstIndex { $0.localizedCaseInsensitiveCompare(text) == .orderedSame }, "no line \(text)")
        }
        let headings = try ["SUMMARY", "EXPERIENCE", "PROJECTS", "EDUCATION", "SKILLS", "LINKS"].map(index)
        #expect(headings == headings.sorted(), "headings out of order: \(headings)")

        // Every left-column bullet lies between EXPERIENCE and EDUCATION, the sidebar after it.
        let experience = try index("EXPERIENCE"), education = try index("EDUCATION")
        for phrase in ["Stripe", "Mentored 3 junior engineers", "Figma", "Notion", "DevFlow", "SFHacks 2022 Winner"] {
            let at = try #require(lines.firstIndex { $0.contains(phrase) }, "missing \(phrase)")
            #expect(at > experience && at < education, "\(phrase) at line \(at)")
        }
        for phrase in ["UC Berkeley", "Bachelor of Science, Computer Science", "Kubernetes", "github.com/johndoe"] {
            let at = try #require(lines.lastIndex { $0.contains(phrase) }, "missing \(phrase)")
            #expect(at > education, "\(phrase) at line \(at)")
        }
        // No line mixes the two columns, and wrapped paragraph lines stay adjacent.
        #expect(!lines.contains { $0.contains("Berkeley") && $0.contains("Senior") })
        let summary = try #require(lines.firstIndex { $0.hasPrefix("Senior Software Engineer with 5+ years") })
        #expect(lines[summary + 1].contains("building scalable backend systems"))
        #expect(lines.contains { $0.hasPrefix("Senior Software Engineer") && $0.hasSuffix("Jan 2023 - Present") })
    }

    @Test("single-column pages keep right-aligned dates on their line")
    func singleColumnDates() throws {
        for file in ["template-single-column.pdf", "laverne-resume.pdf"] {
            let lines = try Extractor.extract(Fixtures.data("resumes/\(file)")).lines.map(\.text)
            #expect(lines.contains { $0.hasPrefix("Senior Software Engineer") && $0.hasSuffix("Jan 2023 - Present") }
                || lines.contains("University of La Verne, La Verne, CA\tExpected Graduation: June 2016"), "\(file)")
        }
    }

    @Test("odd producer spacing is cleaned: CRs, NBSP, soft hyphens, doubled hyphens, spaces around tabs")
    func spacingCleanup() throws {
        let text = try Extractor.extract(Fixtures.data("resumes/laverne-resume.pdf")).text
        #expect(text.contains("555 La Verne Way, La Verne, CA"))
        #expect(text.contains("(909) 555-5555"))
        #expect(text.contains("on-campus position"))
        for odd in ["\r", "\u{00A0}", "\u{00AD}", "\u{2010}", "  ", " \t", "\t ", "\t\t", "\t\n", "\n\t"] {
            #expect(!text.contains(odd), "\(odd.unicodeScalars.map(\.value))")
        }
        // The one tab left on a line stands for the wide gap before a right-aligned date.
        #expect(text.contains("University of La Verne, La Verne, CA\tExpected Graduation: June 2016"))
    }

    @Test("headings carry bold and font size hints")
    func fontHints() throws {
        let lines = try Extractor.extract(Fixtures.data("resumes/john_doe.pdf")).lines
        let heading = try #require(lines.first { $0.text == "PROFESSIONAL SUMMARY" })
        let body = try #require(lines.first { $0.text.hasPrefix("Highly skilled Full Stack Developer") })
        #expect(heading.isBold)
        #expect(!body.isBold)
        #expect(body.fontSize != nil)
        #expect(lines.allSatisfy { $0.page >= 1 && $0.page <= 2 })
        #expect(lines.contains { $0.page == 2 })
    }

    @Test("progress reports every page in order")
    func progress() throws {
        let calls = Locked<[Int]>([])
        let document = try Extractor.extract(Fixtures.data("resumes/alfred_pennyworth_pm.pdf")) { done, total in
            #expect(total == 2)
            calls.withLock { $0.append(done) }
        }
        #expect(document.pageCount == 2)
        #expect(calls.withLock { $0 } == [0, 1, 2])
    }

    @Test("more pages than the limit is refused before reading")
    func tooManyPages() throws {
        var options = ExtractionOptions()
        options.limits.maxPages = 1
        let error = extractionError(try Fixtures.data("resumes/alfred_pennyworth_pm.pdf"), options: options)
        #expect(error?.code == .tooManyPages)
        #expect(error?.message.contains("2 pages") == true)
    }

    @Test("a cancelled task stops between pages")
    func cancellation() async throws {
        let data = try Fixtures.data("pdf-odd/samples/nonfree/dmca.pdf")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try Extractor.extract(data)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test("a PDF header after some junk is still a PDF; a truncated one is corrupt")
    func headerAndTruncation() throws {
        let pdf = try Fixtures.data("pdf-odd/samples/simple1.pdf")
        #expect(Extractor.detectFormat(Data(repeating: 0x20, count: 200) + pdf) == .pdf)
        #expect(try Extractor.extract(Data("junk\n".utf8) + pdf).text.contains("Hello"))
        #expect(extractionError(Data("%PDF-1.7\n1 0 obj <<".utf8))?.code == .corrupt)
        _ = extractionError(pdf.prefix(pdf.count / 3))  // text or an ExtractionError, never a crash
    }
}
