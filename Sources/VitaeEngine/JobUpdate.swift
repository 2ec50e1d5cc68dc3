/// The five stages every pipeline has, in the order they run.
public enum StageName: String, Codable, Sendable, CaseIterable {
    case initializing, fetching, parsing, analyzing, storing
}

/// Where a job stands, as the seed's `job_update.status` names it.
public enum JobStatus: String, Codable, Sendable, CaseIterable {
    case queued, started
    case inProgress = "in_progress"
    case completed, failed

    public var isTerminal: Bool { self == .completed || self == .failed }
}

/// One change in a job, in exactly the shape of the seed's `job_update` event.
public struct JobUpdate: Codable, Sendable, Hashable {
    public var type: String = "job_update"
    public var jobId: String
    public var status: JobStatus
    /// 0-100, never lower than an earlier update of the same run.
    public var progress: Int
    public var stage: StageName?
    public var message: String
    /// The analysis result, on `completed` only.
    public var result: JSONValue?
    /// A person-readable reason, on `failed` only (a string, as the seed's clients print it).
    public var error: String?
    /// A stable machine-readable reason, on `failed` only.
    public var errorCode: String?

    public init(
        jobId: String, status: JobStatus, progress: Int, stage: StageName?, message: String,
        result: JSONValue? = nil, error: String? = nil, errorCode: String? = nil
    ) {
        self.jobId = jobId
        self.status = status
        self.progress = progress
        self.stage = stage
        self.message = message
        self.result = result
        self.error = error
        self.errorCode = errorCode
    }
}
