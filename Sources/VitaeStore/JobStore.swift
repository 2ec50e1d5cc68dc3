import Foundation
import VitaeEngine

/// The durable queue and per-job event log. SQLite implements it for one process,
/// PostgreSQL for many; nothing above this protocol knows which.
///
/// Every change a worker makes is conditional on its lease, so a worker that lost a job
/// (lease expired, job cancelled) gets `StoreError.leaseLost` and stops instead of writing
/// over another worker's run. Every state change appends its `job_update` to the job's log
/// in the same transaction, so the log and the job row never disagree.
public protocol JobStore: Sendable {
    /// Adds a job and its `queued` event, or returns the existing job with the same id.
    func add(_ job: NewJob, queued: JobUpdate) async throws -> AddOutcome

    func job(id: String) async throws -> JobRecord?

    /// Takes up to `limit` ready jobs of `queues`, highest priority first, for `lease`.
    /// Jobs whose lease ran out are taken again (attempt count kept); those out of attempts fail.
    func claim(queues: [String], worker: String, limit: Int, lease: Duration) async throws -> [JobRecord]

    /// Extends the leases of the jobs `worker` holds; returns the ids it no longer holds.
    func renewLeases(worker: String, jobIds: [String], lease: Duration) async throws -> Set<String>

    /// Appends non-terminal updates of one job the worker holds, in order, in one transaction.
    func append(_ updates: [JobUpdate], worker: String) async throws -> [StoredEvent]

    /// Ends the worker's attempt with a terminal update: `completed` stores the result,
    /// `failed` fails the job, or, with `retryAt`, sends it back to wait with `update` as a
    /// non-terminal note. The non-terminal updates in `following` are appended first, in the same
    /// transaction, so a quick job's last updates and its end cost one commit. Returns the events
    /// written, the end last.
    func finish(_ update: JobUpdate, following: [JobUpdate], worker: String, retryAt: Date?) async throws -> [StoredEvent]

    /// Gives a job held by `worker` back to the queue at once, e.g. on shutdown (attempt not counted).
    func release(jobId: String, worker: String) async throws

    /// Puts a failed or cancelled job back in the queue.
    func retry(jobId: String) async throws -> StoredEvent

    /// Cancels a waiting or active job; returns its terminal event.
    func cancel(jobId: String) async throws -> StoredEvent

    /// The job's events with a sequence above `after`, oldest first.
    func events(jobId: String, after: Int) async throws -> [StoredEvent]

    /// The job's phase and last sequence with its events above `after`, read together; nil for an
    /// unknown job. What an SSE stream reads when it opens, so a store may answer it in one read.
    func log(ofJob jobId: String, after: Int) async throws -> JobLog?

    /// The last logged sequence of each of these jobs that exists.
    func lastSequences(of jobIds: [String]) async throws -> [String: Int]

    func counts(queue: String) async throws -> QueueCounts

    /// The most recently created jobs of a queue, newest first.
    func recentJobs(queue: String, limit: Int) async throws -> [JobRecord]
}

extension EventFeed {
    public func committedEvents() -> AsyncStream<[StoredEvent]> {
        committedEvents(wanted: { _ in true })
    }
}

extension JobStore {
    public func append(_ update: JobUpdate, worker: String) async throws -> StoredEvent {
        try await append([update], worker: worker)[0]
    }

    public func finish(_ update: JobUpdate, worker: String, retryAt: Date?) async throws -> StoredEvent {
        try await finish(update, following: [], worker: worker, retryAt: retryAt).last!
    }

    public func log(ofJob jobId: String, after: Int) async throws -> JobLog? {
        guard let job = try await job(id: jobId) else { return nil }
        return JobLog(phase: job.phase, lastSequence: job.lastSequence, events: try await events(jobId: jobId, after: after))
    }
}

/// Events as they commit, from every writer the store knows of (one process for SQLite,
/// every process for PostgreSQL). Each event arrives at least once, in sequence order per job;
/// consumers drop sequences they have seen.
public protocol EventFeed: Sendable {
    /// Events as they commit, a batch at a time (what one commit or one read brought), so a busy queue
    /// costs one hand-over per batch rather than per event. `wanted` is asked, when a job's events
    /// commit, whether the caller needs them now; a store that has to read events back (PostgreSQL)
    /// skips the jobs nobody wants.
    func committedEvents(wanted: @escaping @Sendable (_ jobId: String) -> Bool) -> AsyncStream<[StoredEvent]>

    /// Rings when a job may have become ready to claim (added or queued again), for idle workers;
    /// cheaper than reading every event.
    func readyJobs() -> AsyncStream<Void>
}
