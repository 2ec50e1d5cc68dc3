import Foundation
import Testing
import VitaeAnalysis
import VitaeEngine
import VitaeTesting

/// The sample resumes themselves (PDF and DOCX, the files under VitaeExtractionTests/Fixtures/resumes)
/// through the real extractor, not pdftotext text: name, email, phone and location exactly right.
struct CorpusContact: Sendable, CustomTestStringConvertible {
    var file: String
    var name: String
    var email: String
    var phone: String
    var location: String?
    var testDescription: String { file }
}

let corpusContacts: [CorpusContact] = [
    .init(file: "alfred_pennyworth_pm.pdf", name: "Alfred Pennyworth", email: "alfred.pennyworth@email.com", phone: "(123) 456-7890", location: "Silicon Valley, CA, USA"),
    .init(file: "barry_allen_fe.pdf", name: "Barry Allen", email: "allthe.stars@google.com", phone: "(123) 456-7890", location: "Mountain View, CA, USA"),
    .init(file: "bruce_wayne_fullstack.pdf", name: "Bruce Wayne", email: "bwayne@email.com", phone: "(123) 456-7890", location: "Gotham, USA"),
    .init(file: "harvey_dent_mle.pdf", name: "Harvey Dent", email: "hdent@email.com", phone: "(123) 456-7891", location: "Gotham, USA"),
    .init(file: "john_doe.pdf", name: "John Doe", email: "john.doe@email.com", phone: "(123) 456-7890", location: "Anywhere, USA"),
    .init(file: "john_smith.pdf", name: "John Smith", email: "sresume@kent.edu", phone: "614-555-5555", location: "Columbus, Ohio"),
    .init(file: "john_smith.docx", name: "John Smith", email: "sresume@kent.edu", phone: "614-555-5555", location: "Columbus, Ohio"),
    .init(file: "laverne-resume.pdf", name: "Leo Leopard", email: "lleopard@laverne.edu", phone: "(909) 555-5555", location: "La Verne, CA"),
    .init(file: "openresume-resume.pdf", name: "John Doe", email: "hello@openresume.com", phone: "123-456-7890", location: "NYC, NY"),
    .init(file: "template-single-column.pdf", name: "John Doe", email: "john.doe@email.com", phone: "+1 (415) 555-0142", location: "San Francisco, CA"),
    .init(file: "template-two-column.pdf", name: "John Doe", email: "john.doe@email.com", phone: "+1 (415) 555-0142", location: "San Francisco, CA"),
    .init(file: "template-modern-single-column.pdf", name: "John Doe", email: "john.doe@email.com", phone: "+1 (415) 555-0142", location: "San Francisco, CA"),
    .init(file: "template-modern-two-column.pdf", name: "John Doe", email: "john.doe@email.com", phone: "+1 (415) 555-0142", location: "San Francisco, CA"),
]

@Suite struct CorpusContactTests {
    static let resumes = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("VitaeExtractionTests/Fixtures/resumes")

    @Test(arguments: corpusContacts)
    func contactThroughRealExtraction(_ expected: CorpusContact) async throws {
        let contact = try await AnalyzerHarness.run(
            ContactAnalyzer.self, onFile: Self.resumes.appendingPathComponent(expected.file).path,
            after: [AnalyzerStep<SectionsAnalyzer>(options: .init())]
        ).contact
        #expect(contact.name == expected.name)
        #expect(contact.emails == [expected.email])
        #expect(contact.phones == [expected.phone])
        #expect(contact.location == expected.location)
    }

    @Test func shippedPipelineOnAPDFWithAHeaderInTwoBlocks() async throws {
        let update = try await AnalyzerHarness.runPipeline(
            at: Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Pipelines/resume-analysis.yaml").path,
            onFile: Self.resumes.appendingPathComponent("harvey_dent_mle.pdf").path)
        let contact = update.result?["contact"]
        #expect(contact?["name"]?.stringValue == "Harvey Dent")
        #expect(contact?["location"]?.stringValue == "Gotham, USA")
    }
}
