import Testing
import VitaeEngine
import VitaeExtraction
@testable import VitaeAnalysis
import VitaeTesting

@Suite struct ReadabilityTests {
    func readability(of text: String) async throws -> Double {
        try await AnalyzerHarness.run(SignalsAnalyzer.self, onText: text).signals.readability
    }

    @Test func figuresDatesAndSeparatorsDoNotCountAgainstCleanText() async throws {
        let text = """
            Dana Whitfield | +1 (206) 555-0187 | dana@example.com | linkedin.com/in/dana-whitfield
            Senior Data Engineer, 2016 - 2018
            • Cut warehouse costs by 38% ($410K a year) across 2.4B rows, 120+ pipelines, 99.95% uptime
            M.S. Computer Science, 2014
            """
        #expect(try await readability(of: text) == 1)
    }

    @Test func garbledGlyphsLowerIt() async throws {
        let clean = "Led a team of five engineers building payment services"
        // A font without a Unicode map, a replacement character, pdfminer-style CIDs, UTF-8 read as
        // Latin-1, symbol soup, and words run together by a PDF that has no spaces.
        let garbled = "\u{E021}\u{E034}\u{E02F} r\u{FFFD}sum\u{FFFD} (cid:12)(cid:7) CafÃ© donâ€™t !\"#$%& "
            + "Experiencedsoftwareengineerwithtenyearsofexperience"
        let share = try await readability(of: clean + " " + garbled)
        #expect(share == 0.56)  // 9 words against 7 garbled tokens
        #expect(try await readability(of: clean) == 1)
    }

    @Test func longAddressesAreWords() async throws {
        #expect(try await readability(of: "https://github.com/dana-whitfield/warehouse-cost-explorer-service") == 1)
    }
}

@Suite struct DatesSignalTests {
    /// A headline has no dates of its own: it is no undated position to be told to date.
    @Test func theHeadlineIsNoUndatedPosition() async throws {
        let resume = Document(plainText: """
                Omar Castillo
                Logistics Coordinator at Northwind Freight

                Leeds, England - omar.castillo@example.com

                EXPERIENCE
                Warehouse Supervisor
                Contoso Retail -  Leeds, England -
                """)
        let readers: [any PipelineStep] = [try AnalyzerStep<SectionsAnalyzer>(options: .init()), try AnalyzerStep<ContactAnalyzer>(options: .init())]
        let experience = try await AnalyzerHarness.run(ExperienceAnalyzer.self, options: .init(), on: resume, after: readers)
        #expect(experience.experience.map(\.source) == [.headline, nil])
        let output = try await AnalyzerHarness.run(
            SignalsAnalyzer.self, options: NoOptions(), on: resume,
            after: readers + [try AnalyzerStep<ExperienceAnalyzer>(options: .init())])
        // The listed position has no dates; the headline that restates the current job is not counted.
        #expect(output.signals.undatedPositions == 1)
    }
}

@Suite struct ActionVerbSignalTests {
    /// Resumes written in paragraphs open their statements mid-line and after a date column; a verb
    /// inside a sentence ("… which led to …") opens nothing.
    @Test func statementsOpenAfterFullStopsAndDateColumns() async throws {
        let output = try await AnalyzerHarness.run(SignalsAnalyzer.self, onText: """
            March 2019 – Platform Engineer, Northwind Freight, Leeds
            Present Moved the fleet to containers, which led to faster releases. Built the deploy
            tooling; mentored two juniors. Node.js and ASP.NET services.
            • Reduced cloud spend by a third
            """)
        #expect(output.signals.distinctActionVerbs == ["built", "mentored", "reduced"])
        #expect(output.signals.actionVerbLines == 3)
    }
}
