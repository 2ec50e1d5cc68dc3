import Foundation
import VitaeEngine

/// The life of a job in the queue.
public enum JobPhase: String, Codable, Sendable, CaseIterable {
    /// Ready to run, or waiting for its `runAt` after a failed attempt.
    case waiting
    /// Claimed by a worker holding a lease.
    case active
    case completed, failed, cancelled

    public var isFinished: Bool { self == .completed || self == .failed || self == .cancelled }
}

/// A job as the store keeps it.
public struct JobRecord: Codable, Sendable, Hashable {
    public var id: String
    public var queue: String
    public var name: String
    public var data: JSONValue
    public var phase: JobPhase
    public var priority: Int
    public var attempts: Int
    public var maxAttempts: Int
    public var progress: Int
    public var stage: String?
    public var message: String?
    public var result: JSONValue?
    public var error: String?
    public var errorCode: String?
    /// Milliseconds since 1970, as the seed's timestamps are.
    public var createdAt: Int64
    public var runAt: Int64
    public var startedAt: Int64?
    public var finishedAt: Int64?
    /// The sequence number of the job's latest event.
    public var lastSequence: Int

    public init(
        id: String, queue: String, name: String, data: JSONValue, phase: JobPhase = .waiting, priority: Int = 0,
        attempts: Int = 0, maxAttempts: Int = 3, progress: Int = 0, stage: String? = nil, message: String? = nil,
        result: JSONValue? = nil, error: String? = nil, errorCode: String? = nil, createdAt: Int64, runAt: Int64,
        startedAt: Int64? = nil, finishedAt: Int64? = nil, lastSequence: Int = 0
    ) {
        self.id = id
        self.queue = queue
        self.name = name
        self.data = data
        self.phase = phase
        self.priority = priority
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.progress = progress
        self.stage = stage
        self.message = message
        self.result = result
        self.error = error
        self.errorCode = errorCode
        self.createdAt = createdAt
        self.runAt = runAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.lastSequence = lastSequence
    }
}

/// What a caller asks the queue to run.
public struct NewJob: Sendable {
    public var id: String
    public var queue: String
    public var name: String
    public var data: JSONValue
    public var priority: Int
    public var maxAttempts: Int

    public init(id: String, queue: String, name: String, data: JSONValue, priority: Int = 0, maxAttempts: Int = 3) {
        self.id = id
        self.queue = queue
        self.name = name
        self.data = data
        self.priority = priority
        self.maxAttempts = maxAttempts
    }
}

/// One `job_update` in a job's log, numbered from 1 within the job.
public struct StoredEvent: Sendable, Hashable, Codable {
    public var jobId: String
    public var sequence: Int
    public var update: JobUpdate

    public init(jobId: String, sequence: Int, update: JobUpdate) {
        self.jobId = jobId
        self.sequence = sequence
        self.update = update
    }
}

/// What a new subscriber to a job needs, read at one moment: where the job is, and its events since
/// what the subscriber saw.
public struct JobLog: Sendable, Hashable {
    public var phase: JobPhase
    public var lastSequence: Int
    /// The events after the sequence asked for, oldest first.
    public var events: [StoredEvent]

    public init(phase: JobPhase, lastSequence: Int, events: [StoredEvent]) {
        (self.phase, self.lastSequence, self.events) = (phase, lastSequence, events)
    }
}

/// How many jobs of a queue are in each phase.
public struct QueueCounts: Codable, Sendable, Hashable {
    public var waiting = 0
    public var active = 0
    public var completed = 0
    public var failed = 0
    public var cancelled = 0

    public init() {}

    public subscript(phase: JobPhase) -> Int {
        get {
            switch phase {
            case .waiting: waiting
            case .active: active
            case .completed: completed
            case .failed: failed
            case .cancelled: cancelled
            }
        }
        set {
            switch phase {
            case .waiting: waiting = newValue
            case .active: active = newValue
            case .completed: completed = newValue
            case .failed: failed = newValue
            case .cancelled: cancelled = newValue
            }
        }
    }
}

public enum AddOutcome: Sendable {
    /// The job is new; its first event (`queued`) is in the log.
    case added(JobRecord, StoredEvent)
    /// A job with this id exists already; adding again changes nothing.
    case existing(JobRecord)
}

/// Why the store refused a change.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The worker no longer holds the job (its lease expired and another took it, or it was cancelled).
    case leaseLost(jobId: String)
    case notFound(jobId: String)
    /// The job is not in a phase that allows the change, e.g. retrying a job that is running.
    case conflict(jobId: String, phase: JobPhase, action: String)

    public var description: String {
        switch self {
        case .leaseLost(let id): "job \(id) is no longer held by this worker"
        case .notFound(let id): "no job with id \(id)"
        case .conflict(let id, let phase, let action): "cannot \(action) job \(id) while it is \(phase.rawValue)"
        }
    }
}

extension Date {
    /// Milliseconds since 1970.
    public var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
