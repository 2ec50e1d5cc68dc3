import Foundation
import PostgresNIO
import Synchronization
import VitaeEngine
import VitaeStore

/// The writes of running jobs (their updates and their ends) from every worker of this process,
/// committed together: while one statement runs, the next batch fills up, so a busy worker process
/// commits many jobs per transaction and sends one NOTIFY per job per batch.
///
/// Each write is still checked against its worker's lease on its own: a job the worker no longer
/// holds is left out of the batch's UPDATE, writes nothing, and its caller gets `leaseLost`.
final class PostgresJobWrites: Sendable {
    /// What a write does to the job row besides logging its updates.
    enum Change: Sendable {
        /// The job goes on running.
        case progress
        /// The job ends in `phase` with the last update's result or error.
        case end(JobPhase)
        /// The job waits until the time given (epoch milliseconds) to run again.
        case retry(at: Int64)
    }

    struct Write: Sendable {
        var worker: String
        /// In order; with an end or a retry, the last one is the terminal update or the note.
        var updates: [JobUpdate]
        var change: Change
        var jobId: String { updates[0].jobId }
    }

    private struct Pending: Sendable {
        var write: Write
        var continuation: CheckedContinuation<[StoredEvent], any Error>
    }

    private let database: PostgresDatabase
    private let clock: @Sendable () -> Date
    private let queue = Mutex<(pending: [Pending], flushing: Bool)>(([], false))
    private let maxBatch = 256

    init(database: PostgresDatabase, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

    /// Commits `write` with the next batch; returns its events, or throws `leaseLost` or the statement's error.
    func submit(_ write: Write) async throws -> [StoredEvent] {
        try await withCheckedThrowingContinuation { continuation in
            let startFlushing = queue.withLock { queue -> Bool in
                queue.pending.append(Pending(write: write, continuation: continuation))
                guard !queue.flushing else { return false }
                queue.flushing = true
                return true
            }
            if startFlushing { Task { await self.flushAll() } }
        }
    }

    private func flushAll() async {
        while true {
            let batch = queue.withLock { queue -> [Pending] in
                // One write per job in a batch: the UPDATE can change a row only once per statement.
                var jobs = Set<String>()
                var batch: [Pending] = []
                var later: [Pending] = []
                for pending in queue.pending {
                    if batch.count < maxBatch, jobs.insert(pending.write.jobId).inserted { batch.append(pending) } else { later.append(pending) }
                }
                queue.pending = later
                if batch.isEmpty { queue.flushing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            await flush(batch)
        }
    }

    private func flush(_ batch: [Pending]) async {
        let now = clock().epochMilliseconds
        var writes = "["
        var eventJobs: [String] = []
        var eventPositions: [Int] = []
        var bodies: [String] = []
        for (index, pending) in batch.enumerated() {
            if index > 0 { writes.append(",") }
            Self.describe(pending.write, into: &writes)
            for (position, update) in pending.write.updates.enumerated() {
                eventJobs.append(update.jobId)
                eventPositions.append(position + 1)
                bodies.append(update.jsonText)
            }
        }
        writes.append("]")
        let held: [String: Int]
        do {
            let rows = try await database.rows("""
                WITH w AS (
                    SELECT * FROM jsonb_to_recordset(\(writes)::jsonb) AS w(id text, worker text, n bigint, kind text, phase text,
                        progress bigint, stage text, keep_stage boolean, message text, result text, error text, error_code text, run_at bigint)),
                job AS (
                    UPDATE vitae_jobs j SET last_sequence = j.last_sequence + w.n, phase = w.phase,
                           progress = COALESCE(w.progress, j.progress),
                           stage = CASE WHEN w.keep_stage THEN j.stage ELSE w.stage END,
                           message = w.message,
                           result = CASE WHEN w.kind = 'end' THEN w.result ELSE j.result END,
                           error = CASE WHEN w.kind = 'progress' THEN j.error ELSE w.error END,
                           error_code = CASE WHEN w.kind = 'progress' THEN j.error_code ELSE w.error_code END,
                           run_at = COALESCE(w.run_at, j.run_at),
                           finished_at = CASE WHEN w.kind = 'end' THEN \(now) ELSE j.finished_at END,
                           lease_owner = CASE WHEN w.kind = 'progress' THEN j.lease_owner END,
                           lease_expires_at = CASE WHEN w.kind = 'progress' THEN j.lease_expires_at END
                    FROM w WHERE j.id = w.id AND j.phase = 'active' AND j.lease_owner = w.worker
                    RETURNING j.id, j.last_sequence, w.n),
                event AS (
                    INSERT INTO vitae_job_events (job_id, sequence, body, created_at)
                    SELECT e.job_id, job.last_sequence - job.n + e.position, e.body, \(now)
                    FROM unnest(\(eventJobs)::text[], \(eventPositions)::bigint[], \(bodies)::text[]) AS e(job_id, position, body)
                    JOIN job ON job.id = e.job_id ORDER BY e.job_id, e.position)
                SELECT id, last_sequence, pg_notify('vitae_events', id || ':' || (last_sequence - n + 1))::text FROM job
                """)
            held = try Dictionary(uniqueKeysWithValues: rows.map { row in
                let (id, last, _) = try row.decode((String, Int, String).self)
                return (id, last)
            })
        } catch {
            for pending in batch { pending.continuation.resume(throwing: error) }
            return
        }
        for pending in batch {
            let updates = pending.write.updates
            guard let last = held[pending.write.jobId] else {
                pending.continuation.resume(throwing: StoreError.leaseLost(jobId: pending.write.jobId))
                continue
            }
            let first = last - updates.count + 1
            pending.continuation.resume(returning: updates.enumerated().map {
                StoredEvent(jobId: $0.element.jobId, sequence: first + $0.offset, update: $0.element)
            })
        }
    }

    /// The write as a JSON object of the columns the statement reads; nulls keep what the row has.
    private static func describe(_ write: Write, into out: inout String) {
        let latest = write.updates.last!
        var progress: Int? = latest.progress
        var stage = latest.stage?.rawValue
        var keepStage = false
        var runAt: Int64?
        let kind: String
        let phase: JobPhase
        switch write.change {
        case .progress:
            (kind, phase) = ("progress", .active)
        case .end(let ending):
            (kind, phase) = ("end", ending)
        case .retry(let at):
            (kind, phase, runAt) = ("retry", .waiting, at)
            // The job keeps the progress and stage of its last logged step, which a repeated run resumes after.
            let step = write.updates.dropLast().last
            (progress, stage, keepStage) = (step?.progress, step?.stage?.rawValue, step == nil)
        }
        func text(_ value: String?) -> String {
            guard let value else { return "null" }
            var quoted = ""
            JSONText.quoted(value, into: &quoted)
            return quoted
        }
        out.append("{\"id\":\(text(write.jobId)),\"worker\":\(text(write.worker)),\"n\":\(write.updates.count),")
        out.append("\"kind\":\"\(kind)\",\"phase\":\"\(phase.rawValue)\",\"progress\":\(progress.map(String.init) ?? "null"),")
        out.append("\"stage\":\(text(stage)),\"keep_stage\":\(keepStage),\"message\":\(text(latest.message)),")
        out.append("\"result\":\(text(latest.result?.jsonText)),\"error\":\(text(latest.error)),\"error_code\":\(text(latest.errorCode)),")
        out.append("\"run_at\":\(runAt.map(String.init) ?? "null")}")
    }
}
