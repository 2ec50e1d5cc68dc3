import Foundation
import Testing
import VitaeAnalysis
import VitaeEngine

@Suite struct PipelineLoaderTests {
    /// The single error a broken file gives, so each test can check its kind and line.
    func error(in yaml: String) throws -> PipelineError {
        do {
            _ = try loadTestPipeline(yaml)
        } catch let errors as PipelineErrors {
            try #require(errors.errors.count == 1, "expected one error, got: \(errors)")
            return errors.errors[0]
        }
        Issue.record("the pipeline loaded although it is broken")
        throw CancellationError()
    }

    @Test func loadsAValidFile() throws {
        let pipeline = try loadTestPipeline(pipelineYAML())
        #expect(pipeline.queue == "test")
        #expect(pipeline.definition.stages.map(\.name) == StageName.allCases)
        #expect(pipeline.definition.stages.map(\.weight) == [5, 5, 40, 40, 10])
        #expect(pipeline.definition.stages[0].message == "Starting resume analysis")
    }

    @Test func unknownAnalyzerNamesLineAndSuggestsTheRightName() throws {
        let e = try error(in: pipelineYAML(analyzing: "      - uses: word-cont"))
        #expect(e.kind == .unknownStep)
        #expect(e.location.file == "test.yaml")
        #expect(e.location.line == 16)
        #expect(e.hint == "did you mean 'word-count'?")
        #expect(e.description.hasPrefix("test.yaml:16:15: error: unknown analyzer"))
    }

    @Test func duplicateStage() throws {
        let yaml = pipelineYAML() + "\n  - stage: parsing\n    weight: 3\n"
        let e = try error(in: yaml)
        #expect(e.kind == .duplicateStage)
        #expect(e.location.line == 21)
        #expect(e.message.contains("first at line 9"))
    }

    @Test(arguments: ["0", "-2", "ten", "[1]"])
    func weightMustBePositiveNumber(_ weight: String) throws {
        let yaml = pipelineYAML().replacingOccurrences(of: "weight: 40\n    steps:\n      - uses: fake-parse", with: "weight: \(weight)\n    steps:\n      - uses: fake-parse")
        let e = try error(in: yaml)
        #expect(e.kind == .badWeight)
        #expect(e.location.line == 10)
    }

    @Test func missingStage() throws {
        let yaml = pipelineYAML().replacingOccurrences(of: "  - stage: fetching\n    weight: 5\n", with: "")
        let e = try error(in: yaml)
        #expect(e.kind == .missingStage)
        #expect(e.message.contains("'fetching'"))
        #expect(e.location.line == 2)
    }

    @Test func stagesOutOfOrder() throws {
        let yaml = pipelineYAML()
            .replacingOccurrences(of: "stage: initializing", with: "stage: PLACEHOLDER")
            .replacingOccurrences(of: "stage: fetching", with: "stage: initializing")
            .replacingOccurrences(of: "stage: PLACEHOLDER", with: "stage: fetching")
        #expect(try error(in: yaml).kind == .stageOrder)
    }

    @Test func badOptionTypePointsAtTheValue() throws {
        let e = try error(in: pipelineYAML(parsing: "      - uses: fake-parse\n        with:\n          pages: six"))
        #expect(e.kind == .badOptions)
        #expect(e.location.line == 14)
        #expect(e.message == "option `with.pages` of step 'fake-parse' should be a whole number")
    }

    @Test func optionsOnAStepThatTakesNone() throws {
        let e = try error(in: pipelineYAML().replacingOccurrences(of: "- uses: store", with: "- uses: store\n        with:\n          path: /tmp"))
        #expect(e.kind == .badOptions)
        #expect(e.message.contains("takes no options"))
    }

    @Test func unknownKeySuggestsTheKnownOne() throws {
        let yaml = pipelineYAML().replacingOccurrences(of: "weight: 10", with: "wieght: 10")
        #expect {
            _ = try loadTestPipeline(yaml)
        } throws: { error in
            // The misspelt key is reported where it stands, and so is the weight it fails to give.
            let all = (error as? PipelineErrors)?.errors ?? []
            return all.count == 2
                && all.contains { $0.kind == .unknownKey && $0.hint == "did you mean 'weight'?" && $0.location.line == 18 }
                && all.contains { $0.kind == .missingKey && $0.location.line == 17 }
        }
    }

    @Test func syntaxErrorHasALine() throws {
        let e = try error(in: "queue: test\nstages:\n  - stage: [unclosed\n")
        #expect(e.kind == .syntax)
        #expect(e.location.line >= 3)
    }

    @Test func emptyFile() throws {
        #expect(try error(in: "").kind == .missingKey)
    }

    @Test func shippedPipelinesAreValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let catalog = PipelineCatalog(
            directory: root.appendingPathComponent("Pipelines"), loader: PipelineLoader(registry: .standard))
        #expect(!catalog.files().isEmpty)
        _ = try catalog.loadAll()
    }
}

