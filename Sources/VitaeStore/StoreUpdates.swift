import Foundation
import VitaeEngine

/// The updates a store writes on its own (not a worker's), shared so every store words and codes
/// them the same: a client watching a job cannot tell which database it runs on.
public enum StoreUpdates {
    /// The terminal update for an active job whose worker stopped renewing its lease with no attempts left.
    public static func workerLost(_ record: JobRecord) -> JobUpdate {
        let reason = "The worker running this job stopped responding \(record.attempts) times"
        return JobUpdate(jobId: record.id, status: .failed, progress: record.progress, stage: record.stage.flatMap(StageName.init),
                         message: reason, error: reason, errorCode: "worker_lost")
    }

    /// The terminal update of a cancelled job.
    public static func cancelled(_ record: JobRecord) -> JobUpdate {
        JobUpdate(jobId: record.id, status: .failed, progress: record.progress, stage: record.stage.flatMap(StageName.init),
                  message: "The job was cancelled", error: "The job was cancelled", errorCode: "cancelled")
    }

    /// The note that starts a manual retry of a failed or cancelled job.
    public static func requeued(jobId: String) -> JobUpdate {
        JobUpdate(jobId: jobId, status: .queued, progress: 0, stage: nil, message: "Queued again for a retry")
    }

    /// Claimed jobs in the order workers should start them, whatever order the database returned.
    public static func claimOrder(_ jobs: [JobRecord]) -> [JobRecord] {
        jobs.sorted { ($0.priority, -$0.runAt, -$0.createdAt) > ($1.priority, -$1.runAt, -$1.createdAt) }
    }

    /// The job phase a terminal update leaves behind.
    public static func phase(after update: JobUpdate) -> JobPhase {
        update.status == .completed ? .completed : .failed
    }
}

extension Duration {
    /// Whole milliseconds, as the stores keep times.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
