import Foundation
import VitaeEngine
import VitaeExtraction

/// The README's worked example: an analyzer a stage author writes in one type.
struct WordCount: Analyzer {
    static let name = "word-count"
    /// Optional fields let a pipeline file leave an option out.
    struct Options: Decodable, Sendable {
        var minimumLength: Int?
    }
    struct Output: Codable, Sendable, Equatable {
        var words: Int
    }

    let options: Options
    init(options: Options) { self.options = options }

    func analyze(_ input: AnalyzerInput) async throws -> Output {
        let words = input.document.text.split(whereSeparator: \.isWhitespace)
        return Output(words: words.filter { $0.count >= options.minimumLength ?? 1 }.count)
    }
}

/// Gives the job a document without any file, so engine tests need no extraction.
struct FakeParse: PipelineStep {
    struct Options: Decodable, Sendable {
        var text: String?
        var pages: Int?
    }
    static let name = "fake-parse"
    let options: Options
    init(options: Options) { self.options = options }

    func run(_ job: inout JobState, progress: StepProgress) async throws {
        let pages = options.pages ?? 6
        for page in 1...pages {
            progress.update(done: page, of: pages, message: "Reading page \(page) of \(pages)")
        }
        job.document = Document(plainText: options.text ?? "Ada Lovelace\nAnalyst engine programmer")
    }
}

struct Fail: PipelineStep {
    struct Options: Decodable, Sendable {
        var code: String?
    }
    static let name = "fail"
    let options: Options
    init(options: Options) { self.options = options }

    func run(_ job: inout JobState, progress: StepProgress) async throws {
        throw JobError(code: options.code ?? "boom", message: "The step failed on purpose")
    }
}

/// Waits until cancelled, to test cooperative cancellation inside a step.
struct WaitForever: PipelineStep {
    static let name = "wait-forever"
    init(options: NoOptions) {}

    func run(_ job: inout JobState, progress: StepProgress) async throws {
        while true {
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

extension StepRegistry {
    static var testing: StepRegistry {
        var registry = StepRegistry.builtIn
        registry.register(FakeParse.self)
        registry.register(Fail.self)
        registry.register(WaitForever.self)
        registry.register(analyzer: WordCount.self)
        return registry
    }
}

/// A pipeline file's text with one stage's steps swapped, for tests.
func pipelineYAML(parsing: String = "      - uses: fake-parse", analyzing: String = "      - uses: word-count") -> String {
    """
    queue: test
    stages:
      - stage: initializing
        weight: 5
        steps:
          - uses: check-input
      - stage: fetching
        weight: 5
      - stage: parsing
        weight: 40
        steps:
    \(parsing)
      - stage: analyzing
        weight: 40
        steps:
    \(analyzing)
      - stage: storing
        weight: 10
        steps:
          - uses: store
    """
}

func loadTestPipeline(_ yaml: String) throws -> Pipeline {
    try PipelineLoader(registry: .testing).load(yaml: yaml, source: "test.yaml")
}

let emptyInput = JobInput(resume: InlineSource(displayName: "resume.txt", data: Data()))
