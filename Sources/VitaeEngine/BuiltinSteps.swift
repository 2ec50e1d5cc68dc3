import Foundation
import VitaeExtraction

/// Refuses a job whose input cannot be analysed before any bytes are fetched.
public struct CheckInputStep: PipelineStep {
    public static let name = "check-input"
    public static let summary = "checks that the job names a file to analyse"
    public init(options: NoOptions) {}

    public func run(_ job: inout JobState, progress: StepProgress) async throws {
        guard !job.input.resume.displayName.isEmpty else {
            throw JobError(code: "invalid_input", message: "The job names no file to analyse")
        }
    }
}

/// Reads the resume (and the job posting, if any) from the job's document sources.
public struct FetchStep: PipelineStep {
    public struct Options: Decodable, Sendable {
        public var maxBytes: Int = ExtractionLimits.default.maxFileBytes
        public init() {}
        enum CodingKeys: CodingKey { case maxBytes }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            maxBytes = try c.decodeIfPresent(Int.self, forKey: .maxBytes) ?? maxBytes
        }
    }

    public static let name = "fetch"
    public static let summary = "reads the resume and any job posting (options: maxBytes)"
    let options: Options
    public init(options: Options) { self.options = options }

    public func run(_ job: inout JobState, progress: StepProgress) async throws {
        job.resumeBytes = try await job.input.resume.read(maxBytes: options.maxBytes)
        if let posting = job.input.jobDescription {
            progress.update(0.5, message: "Fetching the job description")
            job.jobDescriptionBytes = try await posting.read(maxBytes: options.maxBytes)
        }
    }
}

/// Turns the fetched bytes into text, reporting page by page.
public struct ExtractStep: PipelineStep {
    public struct Options: Decodable, Sendable {
        public var maxPages: Int = ExtractionLimits.default.maxPages
        public var maxUncompressedBytes: Int = ExtractionLimits.default.maxUncompressedBytes
        public init() {}
        enum CodingKeys: CodingKey { case maxPages, maxUncompressedBytes }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            maxPages = try c.decodeIfPresent(Int.self, forKey: .maxPages) ?? maxPages
            maxUncompressedBytes = try c.decodeIfPresent(Int.self, forKey: .maxUncompressedBytes) ?? maxUncompressedBytes
        }
    }

    public static let name = "extract"
    public static let summary = "extracts text from PDF, DOCX or plain text (options: maxPages, maxUncompressedBytes)"
    let options: Options

    public init(options: Options) throws {
        guard options.maxPages > 0, options.maxUncompressedBytes > 0 else {
            throw JobError(code: "bad_options", message: "maxPages and maxUncompressedBytes must be above 0")
        }
        self.options = options
    }

    public func run(_ job: inout JobState, progress: StepProgress) async throws {
        guard let bytes = job.resumeBytes else {
            throw JobError(code: "pipeline_misconfigured", message: "Step 'extract' needs `uses: fetch` in the fetching stage")
        }
        var limits = ExtractionLimits.default
        limits.maxPages = options.maxPages
        limits.maxUncompressedBytes = options.maxUncompressedBytes
        let extraction = ExtractionOptions(password: job.input.password, limits: limits)
        let extractor = job.environment.extractor
        let document = try await extractor.extract(bytes, options: extraction) { done, total in
            progress.update(done: done, of: total, message: "Reading page \(done) of \(total)")
        }
        try Task.checkCancellation()
        job.document = document
        try job.results.contribute(
            key: "document",
            value: ["format": .string(document.format.rawValue), "pageCount": .number(Double(document.pageCount)),
                    "lineCount": .number(Double(document.lines.count))],
            by: Self.name)
        if let posting = job.jobDescriptionBytes {
            do {
                job.jobDescription = try await extractor.extract(posting, options: ExtractionOptions(limits: limits), progress: nil)
            } catch let error as any CodedError {
                // The reader's messages say "the file": say which of the two files it is.
                throw JobError(code: error.errorCode, message: "The job posting cannot be read: \(error.errorMessage)")
            }
        }
    }
}

/// Hands the finished result to the host's sink (the server's job store) before `completed` is sent.
public struct StoreStep: PipelineStep {
    public static let name = "store"
    public static let summary = "saves the result where the host keeps results"
    public init(options: NoOptions) {}

    public func run(_ job: inout JobState, progress: StepProgress) async throws {
        try await job.environment.sink?.store(jobId: job.jobId, result: job.results.json)
    }
}
