import Foundation
import VitaeExtraction

/// Options for steps that take none. A step with these refuses a `with:` block.
public struct NoOptions: Decodable, Sendable, Hashable {
    public init() {}
}

/// A unit of work in a stage, named in pipeline files by `uses:`.
///
/// Most stage authors write an ``Analyzer`` instead; this is the general form that fetching,
/// parsing and storing use.
public protocol PipelineStep: Sendable {
    associatedtype Options: Decodable & Sendable = NoOptions
    /// The name pipeline files use.
    static var name: String { get }
    /// One line for `vitae pipelines steps`.
    static var summary: String { get }
    init(options: Options) throws
    func run(_ job: inout JobState, progress: StepProgress) async throws
}

extension PipelineStep {
    public static var summary: String { "" }
}

/// Lets a step say how far it is through its own work; the engine folds that into the job's 0-100.
public struct StepProgress: Sendable {
    let report: @Sendable (_ fraction: Double, _ message: String?) -> Void

    public init(_ report: @escaping @Sendable (_ fraction: Double, _ message: String?) -> Void) {
        self.report = report
    }

    /// `fraction` in 0...1 of this step's share of its stage.
    public func update(_ fraction: Double, message: String? = nil) {
        report(min(max(fraction, 0), 1), message)
    }

    public func update(done: Int, of total: Int, message: String? = nil) {
        update(total > 0 ? Double(done) / Double(total) : 1, message: message)
    }

    /// A reporter that drops everything, for running a step on its own.
    public static let ignored = StepProgress { _, _ in }
}

/// Where a job's input comes from: a local file for the CLI, the blob store for the server.
public protocol DocumentSource: Sendable {
    /// A name for messages (a file name, never a path from a client).
    var displayName: String { get }
    /// Reads the bytes, refusing more than `maxBytes`.
    func read(maxBytes: Int) async throws -> Data
}

public struct FileSource: DocumentSource {
    public var url: URL
    public init(_ url: URL) { self.url = url }
    public init(path: String) { self.url = URL(fileURLWithPath: path) }

    public var displayName: String { url.lastPathComponent }

    public func read(maxBytes: Int) async throws -> Data {
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw JobError(code: "input_not_found", message: "Cannot read \(url.path): no such file")
        }
        guard size <= maxBytes else {
            throw ExtractionError(.tooLarge, "\(displayName) is \(size) bytes; the limit is \(maxBytes)")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw JobError(code: "input_unreadable", message: "Cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}

/// Bytes already in memory, e.g. a job description given inline.
public struct InlineSource: DocumentSource {
    public var displayName: String
    public var data: Data
    public init(displayName: String, data: Data) {
        self.displayName = displayName
        self.data = data
    }

    public func read(maxBytes: Int) async throws -> Data {
        guard data.count <= maxBytes else {
            throw ExtractionError(.tooLarge, "\(displayName) is \(data.count) bytes; the limit is \(maxBytes)")
        }
        return data
    }
}

/// What a job is asked to analyse.
public struct JobInput: Sendable {
    public var resume: any DocumentSource
    /// A job posting to match the resume against.
    public var jobDescription: (any DocumentSource)?
    public var password: String?
    /// The queued job's `data`, passed through for steps that want it.
    public var metadata: JSONValue

    public init(
        resume: any DocumentSource, jobDescription: (any DocumentSource)? = nil, password: String? = nil,
        metadata: JSONValue = .object([:])
    ) {
        self.resume = resume
        self.jobDescription = jobDescription
        self.password = password
        self.metadata = metadata
    }
}

/// Where the storing stage puts a finished result (the server's job store; nothing for the CLI).
public protocol ResultSink: Sendable {
    func store(jobId: String, result: JSONValue) async throws
}

/// How a host runs jobs: where results go and how documents are read.
public struct RunEnvironment: Sendable {
    /// Where the storing stage puts results; nil keeps them only in the final update.
    public var sink: (any ResultSink)?
    /// Reads documents; the server swaps in a sandboxed child process.
    public var extractor: any DocumentExtracting

    public init(sink: (any ResultSink)? = nil, extractor: any DocumentExtracting = InProcessExtractor()) {
        self.sink = sink
        self.extractor = extractor
    }
}

/// Turns bytes into a document. In-process by default; a host that must survive a reader
/// crash or hang runs it elsewhere.
public protocol DocumentExtracting: Sendable {
    func extract(_ data: Data, options: ExtractionOptions, progress: ExtractionProgress?) async throws -> Document
}

public struct InProcessExtractor: DocumentExtracting {
    public init() {}

    public func extract(_ data: Data, options: ExtractionOptions, progress: ExtractionProgress?) async throws -> Document {
        try Extractor.extract(data, options: options, progress: progress)
    }
}

/// Everything a running job has so far; steps read and extend it in stage order.
public struct JobState: Sendable {
    public let jobId: String
    public let input: JobInput
    public let environment: RunEnvironment
    public var resumeBytes: Data?
    public var jobDescriptionBytes: Data?
    public var document: Document?
    public var jobDescription: Document?
    public var results = AnalysisResults()

    public init(jobId: String, input: JobInput, environment: RunEnvironment = .init()) {
        self.jobId = jobId
        self.input = input
        self.environment = environment
    }

    /// The document, or a clear failure if no parsing step ran before the caller.
    public func requireDocument(for step: String) throws -> Document {
        guard let document else {
            throw JobError(
                code: "pipeline_misconfigured",
                message: "Step '\(step)' needs a document; add `uses: extract` to the parsing stage")
        }
        return document
    }
}
