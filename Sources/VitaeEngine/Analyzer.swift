import VitaeExtraction

/// The one type a stage author writes to add an analysis.
///
/// ```swift
/// struct WordCount: Analyzer {
///     static let name = "word-count"
///     struct Output: Codable, Sendable { var words: Int }
///     init(options: NoOptions) {}
///     func analyze(_ input: AnalyzerInput) async throws -> Output {
///         Output(words: input.document.text.split(whereSeparator: \.isWhitespace).count)
///     }
/// }
/// ```
/// Register it (`registry.register(analyzer: WordCount.self)`) and name it in a pipeline file
/// (`- uses: word-count`). Its output's fields join the job's result object (`"words": 312`).
public protocol Analyzer: Sendable {
    associatedtype Options: Decodable & Sendable = NoOptions
    associatedtype Output: Codable & Sendable
    static var name: String { get }
    static var summary: String { get }
    init(options: Options) throws
    func analyze(_ input: AnalyzerInput) async throws -> Output
}

extension Analyzer {
    public static var summary: String { "" }
}

/// What an analyzer sees: the document, what earlier analyzers found, and a progress reporter.
public struct AnalyzerInput: Sendable {
    public var document: Document
    public var results: AnalysisResults
    /// The job posting, when the job asks for matching.
    public var jobDescription: Document?
    public var metadata: JSONValue
    public var progress: StepProgress

    public init(
        document: Document, results: AnalysisResults = .init(), jobDescription: Document? = nil,
        metadata: JSONValue = .object([:]), progress: StepProgress = .ignored
    ) {
        self.document = document
        self.results = results
        self.jobDescription = jobDescription
        self.metadata = metadata
        self.progress = progress
    }
}

/// The outputs of the analyzers that have run, typed for Swift and merged for JSON.
public struct AnalysisResults: Sendable {
    private var outputs: [String: any Sendable] = [:]
    /// The job's result object: every contribution's fields, side by side.
    public private(set) var fields: [String: JSONValue] = [:]
    private var owners: [String: String] = [:]

    public init() {}

    public subscript<A: Analyzer>(_ analyzer: A.Type) -> A.Output? {
        outputs[A.name] as? A.Output
    }

    /// Records an analyzer's output and merges its JSON fields into the result.
    public mutating func record<A: Analyzer>(_ output: A.Output, of analyzer: A.Type) throws {
        outputs[A.name] = output
        let json = try JSONValue(encoding: output)
        if case .object(let members) = json {
            for (key, value) in members { try contribute(key: key, value: value, by: A.name) }
        } else {
            try contribute(key: A.name, value: json, by: A.name)
        }
    }

    /// Adds one field to the result. Two steps writing the same field is a pipeline bug, so it fails.
    public mutating func contribute(key: String, value: JSONValue, by step: String) throws {
        if let owner = owners[key], owner != step {
            throw JobError(
                code: "pipeline_misconfigured",
                message: "Steps '\(owner)' and '\(step)' both write the result field '\(key)'")
        }
        owners[key] = step
        fields[key] = value
    }

    public var json: JSONValue { .object(fields) }
}

/// Runs an ``Analyzer`` as a pipeline step.
public struct AnalyzerStep<A: Analyzer>: PipelineStep {
    public typealias Options = A.Options
    public static var name: String { A.name }
    public static var summary: String { A.summary }

    let analyzer: A

    public init(options: A.Options) throws {
        analyzer = try A(options: options)
    }

    public func run(_ job: inout JobState, progress: StepProgress) async throws {
        let input = AnalyzerInput(
            document: try job.requireDocument(for: A.name), results: job.results,
            jobDescription: job.jobDescription, metadata: job.input.metadata, progress: progress)
        let output = try await analyzer.analyze(input)
        try job.results.record(output, of: A.self)
    }
}
