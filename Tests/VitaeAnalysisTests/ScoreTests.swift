import Foundation
import Testing
@testable import VitaeAnalysis
import VitaeEngine
import VitaeExtraction
import VitaeTesting

/// Stands in for `extract` until real extraction is merged: the fetched bytes are plain text.
struct PlainTextExtractStep: PipelineStep {
    static let name = "plain-text-extract"
    init(options: NoOptions) {}
    func run(_ job: inout JobState, progress: StepProgress) async throws {
        job.document = Document(plainText: String(decoding: job.resumeBytes ?? Data(), as: UTF8.self))
        if let posting = job.jobDescriptionBytes {
            job.jobDescription = Document(plainText: String(decoding: posting, as: UTF8.self))
        }
    }
}

/// The shipped pipeline file with `edit` applied, its extraction swapped for plain text.
func loadShippedPipeline(editing edit: (String) -> String = { $0 }) throws -> Pipeline {
    var registry = StepRegistry.standard
    registry.register(PlainTextExtractStep.self)
    let yaml = edit(try Fixtures.pipelineYAML)
        .replacingOccurrences(of: "- uses: extract\n        with:\n          maxPages: 50", with: "- uses: plain-text-extract")
    return try PipelineLoader(registry: registry).load(yaml: yaml, source: "rubric.yaml")
}

func runPipeline(_ pipeline: Pipeline, fixture: String, job posting: String? = nil) async throws -> JSONValue {
    let text = try Fixtures.text(fixture)
    let postingSource = try posting.map { InlineSource(displayName: "job.txt", data: Data(try Fixtures.text($0).utf8)) }
    let update = await pipeline.execute(
        jobId: "t", input: JobInput(resume: InlineSource(displayName: "resume.txt", data: Data(text.utf8)), jobDescription: postingSource)
    ) { _ in }
    return try #require(update.result, "job failed: \(update.error ?? "?")")
}

@Suite struct ScoreTests {
    @Test(arguments: ["john_doe", "laverne-resume", "template-single-column", "alfred_pennyworth_pm"])
    func breakdownAddsUpToTheScore(fixture: String) async throws {
        let result = try await runPipeline(try loadShippedPipeline(), fixture: fixture)
        let score = try #require(result["score"]?.doubleValue)
        let breakdown = try #require(result["breakdown"]?.arrayValue)
        #expect(breakdown.compactMap { $0["points"]?.doubleValue }.reduce(0, +) == score)
        #expect(breakdown.compactMap { $0["maxPoints"]?.doubleValue }.reduce(0, +) == 100)
        #expect((0...100).contains(score))
        #expect(breakdown.allSatisfy { $0["reason"]?.stringValue?.isEmpty == false })
        // Same input, same score and breakdown.
        let again = try await runPipeline(try loadShippedPipeline(), fixture: fixture)
        #expect(again["score"] == result["score"])
        #expect(again["breakdown"] == result["breakdown"])
    }

    @Test func pointsAreApportionedToExactlyOneHundred() {
        #expect(ScoreAnalyzer.apportion([1, 1, 1], total: 100) == [34, 33, 33])
        #expect(ScoreAnalyzer.apportion([10, 10, 20, 15, 10, 15, 5, 5, 5, 5], total: 100) == [10, 10, 20, 15, 10, 15, 5, 5, 5, 5])
        #expect(ScoreAnalyzer.apportion([2, 1], total: 100).reduce(0, +) == 100)
    }

    @Test func changingARubricWeightInThePipelineFileChangesTheScore() async throws {
        let original = try await runPipeline(try loadShippedPipeline(), fixture: "laverne-resume")
        // Give "Quantified achievements", which this resume scores low on, ten times its weight.
        let reweighted = try await runPipeline(try loadShippedPipeline {
            $0.replacingOccurrences(of: "label: Quantified achievements\n              points: 15",
                                    with: "label: Quantified achievements\n              points: 150")
        }, fixture: "laverne-resume")
        let before = try #require(original["score"]?.doubleValue)
        let after = try #require(reweighted["score"]?.doubleValue)
        #expect(before != after)
        let breakdown = try #require(reweighted["breakdown"]?.arrayValue)
        #expect(breakdown.compactMap { $0["points"]?.doubleValue }.reduce(0, +) == after)
    }

    @Test(arguments: [
        ("points: 10\n              metric: contactCompleteness", "points: -5\n              metric: contactCompleteness", "points must be a number above 0"),
        ("metric: contactCompleteness", "metric: charisma", "unknown metric 'charisma'"),
        ("{ atLeast: 5, earns: 1.0 }", "{ atLeast: 5, earns: 7 }", "earning 7"),
        ("metric: datesConsistency", "metric: skillCount", "give it `thresholds`"),
        ("id: sections", "id: contact", "appears twice"),
        ("points: 20\n              metric: experienceYears", "points: lots\n              metric: experienceYears", "should be a number"),
    ])
    func badRubricFailsPipelineLoading(original: String, replacement: String, message: String) throws {
        let yaml = try Fixtures.pipelineYAML
        #expect(yaml.contains(original))
        #expect(throws: PipelineErrors.self) {
            _ = try loadShippedPipeline { $0.replacingOccurrences(of: original, with: replacement) }
        }
        do {
            _ = try loadShippedPipeline { $0.replacingOccurrences(of: original, with: replacement) }
        } catch let errors as PipelineErrors {
            #expect(errors.errors.allSatisfy { $0.kind == .badOptions })
            #expect(errors.description.contains("rubric.yaml:"))
            #expect(errors.description.contains(message), "\(errors.description)")
        }
    }

    @Test func emptyRubricIsRejected() {
        #expect(throws: ScoreAnalyzer.RubricError.self) { try ScoreAnalyzer(options: .init(criteria: [])) }
    }
}

@Suite struct MatchTests {
    @Test func matchesAgainstAJobPosting() async throws {
        let result = try await runPipeline(try loadShippedPipeline(), fixture: "john_doe", job: "job_desc_java_developer")
        let match = try #require(result["match"])
        let score = try #require(match["score"]?.doubleValue)
        #expect((1...100).contains(score))
        let found = (match["requiredSkills"]?["found"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(found.contains("Java"))
        #expect(found.contains("Hibernate"))
        let missing = (match["missingSkills"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(!missing.contains("Java"))
        let coverage = try #require(match["keywordCoverage"]?.doubleValue)
        #expect(coverage > 0 && coverage <= 1)
    }

    /// A posting asks in sentences ("10+ years of experience in product management", "Excellent
    /// written and verbal communication skills"): under its Requirements heading they count.
    @Test func softSkillsThePostingAsksForCount() async throws {
        func match(_ fixture: String) async throws -> JSONValue {
            try #require(try await runPipeline(try loadShippedPipeline(), fixture: fixture, job: "job_desc_product_manager")["match"])
        }
        let productManager = try await match("alfred_pennyworth_pm")
        let found = (productManager["requiredSkills"]?["found"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(found.contains("Product Management"))
        #expect(found.contains("Communication"))
        let frontEndDeveloper = try await match("barry_allen_fe")
        #expect(try #require(productManager["score"]?.doubleValue) > 2 * (try #require(frontEndDeveloper["score"]?.doubleValue)))
    }

    @Test func benefitsAndProseAskForNothing() {
        let posting = """
            About Us
            We value leadership and communication across the company.
            Requirements
            • Experience with Kubernetes.
            • Strong communication skills.
            Benefits
            • Leadership training budget.
            """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let match = MatchAnalyzer.match(postingLines: posting, resumeLines: ["Kubernetes"], resumeSkills: ["kubernetes"])
        #expect(match.requiredSkills.found == ["Kubernetes"])
        #expect(match.requiredSkills.missing == ["Communication"])
    }

    @Test func examplesOfferAChoiceAndAListAsksForEach() {
        let posting = """
            Requirements
            • Experience with popular front-end frameworks (such as React, Vue, or Angular).
            • Proficiency in web markup such as HTML, CSS, and JavaScript.
            • Python or Go.
            • Experience building web applications with at least one popular framework (Django,
            Flask, Spring).
            • Observability with Prometheus, Grafana or Datadog.
            • Kubernetes, Helm and Argo CD.
            """.split(separator: "\n").map(String.init)
        let match = MatchAnalyzer.match(
            postingLines: posting, resumeLines: [], resumeSkills: ["react", "javascript", "python", "flask", "grafana", "kubernetes"])
        #expect(match.requiredSkills.found == ["React", "JavaScript", "Python", "Flask", "Grafana", "Kubernetes"])
        // Vue, Angular, Go, Django, Spring, Prometheus and Datadog were choices the resume made; HTML,
        // CSS, Helm and Argo CD were asked for.
        #expect(match.requiredSkills.missing == ["HTML", "CSS", "Helm", "Argo CD"])
    }

    @Test func aVersionOfASkillIsThatSkill() {
        #expect(MatchAnalyzer.withoutVersion("html5") == "html")
        #expect(MatchAnalyzer.withoutVersion("css3") == "css")
        #expect(MatchAnalyzer.withoutVersion("s3") == nil && MatchAnalyzer.withoutVersion("ec2") == nil)
        #expect(MatchAnalyzer.withoutVersion("python") == nil)
    }

    /// "HTML, CSS" in the summary and "HTML5, CSS3" in the list are one requirement each, met by a
    /// resume that names either version.
    @Test func aSkillAskedWithAndWithoutItsVersionIsAskedOnce() {
        let posting = """
            We build with React, HTML, CSS, and responsive design principles.
            Requirements
            • Proficiency in web markup, including HTML5, CSS3.
            """.split(separator: "\n").map(String.init)
        let match = MatchAnalyzer.match(postingLines: posting, resumeLines: [], resumeSkills: ["react", "css"])
        #expect(match.requiredSkills.found == ["React", "CSS"])
        #expect(match.requiredSkills.missing == ["HTML", "Responsive Design"])
    }

    @Test func aPostingAskingForHTMLIsMetByHTML5() async throws {
        let match = try await AnalyzerHarness.run(
            MatchAnalyzer.self, options: NoOptions(), on: Document(plainText: "Jo Bloggs\nSKILLS\nHTML5, CSS3, Java"),
            jobDescription: Document(plainText: "Requirements\n• HTML, CSS and Java."),
            after: [try AnalyzerStep<SkillsAnalyzer>(options: .init())])
        #expect(match.match?.requiredSkills.found == ["HTML", "CSS", "Java"])
    }

    @Test func noPostingNoMatchField() async throws {
        let result = try await runPipeline(try loadShippedPipeline(), fixture: "john_doe")
        #expect(result["match"] == nil)
        #expect(result["score"] != nil)
    }
}
