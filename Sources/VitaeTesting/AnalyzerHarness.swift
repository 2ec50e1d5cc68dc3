import Foundation
import VitaeAnalysis
import VitaeEngine
import VitaeExtraction

/// Runs analyzers the way a pipeline would, in one line of a unit test.
///
/// ```swift
/// let output = try await AnalyzerHarness.run(WordCount.self, onFile: "Samples/resume.pdf")
/// #expect(output.words > 100)
/// ```
public enum AnalyzerHarness {
    /// Extracts `path` and runs `analyzer` on it, after the `prerequisites` (e.g. the sections analyzer).
    public static func run<A: Analyzer>(
        _ analyzer: A.Type, options: A.Options, onFile path: String, password: String? = nil,
        after prerequisites: [any PipelineStep] = []
    ) async throws -> A.Output {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let document = try Extractor.extract(data, options: ExtractionOptions(password: password))
        return try await run(analyzer, options: options, on: document, after: prerequisites)
    }

    public static func run<A: Analyzer>(
        _ analyzer: A.Type, onFile path: String, password: String? = nil, after prerequisites: [any PipelineStep] = []
    ) async throws -> A.Output where A.Options == NoOptions {
        try await run(analyzer, options: NoOptions(), onFile: path, password: password, after: prerequisites)
    }

    /// Runs `analyzer` on text given inline.
    public static func run<A: Analyzer>(
        _ analyzer: A.Type, onText text: String, after prerequisites: [any PipelineStep] = []
    ) async throws -> A.Output where A.Options == NoOptions {
        try await run(analyzer, options: NoOptions(), on: Document(plainText: text), after: prerequisites)
    }

    public static func run<A: Analyzer>(
        _ analyzer: A.Type, options: A.Options, on document: Document, jobDescription: Document? = nil,
        after prerequisites: [any PipelineStep] = []
    ) async throws -> A.Output {
        var job = JobState(jobId: "test", input: JobInput(resume: InlineSource(displayName: "test", data: Data())))
        job.document = document
        job.jobDescription = jobDescription
        for step in prerequisites {
            try await step.run(&job, progress: .ignored)
        }
        let step = try AnalyzerStep<A>(options: options)
        try await step.run(&job, progress: .ignored)
        guard let output = job.results[A.self] else {
            throw JobError(code: "internal_error", message: "\(A.name) produced no output")
        }
        return output
    }

    /// Runs a whole pipeline file on one file and returns the terminal update.
    public static func runPipeline(
        at pipelinePath: String, onFile path: String, registry: StepRegistry = .standard, password: String? = nil
    ) async throws -> JobUpdate {
        let pipeline = try PipelineLoader(registry: registry).load(contentsOf: URL(fileURLWithPath: pipelinePath))
        return await pipeline.execute(
            jobId: "test", input: JobInput(resume: FileSource(path: path), password: password)) { _ in }
    }
}
