import Foundation
import GRDB
import Testing
import VitaeEngine
@testable import VitaeStore

/// A database written by an older Vitae opens with its jobs counted and claimable and its event logs
/// readable: the counts table is filled from the jobs already there, the claim indexes cover them, and
/// events logged one row each read back among those logged since.
@Suite struct SQLiteUpgradeTests {
    @Test func aFirstVersionDatabaseKeepsItsJobsCountedAndClaimable() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitae-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("vitae.sqlite").path
        do {
            let old = try DatabaseQueue(path: path)
            try SQLiteJobStore.migrator.migrate(old, upTo: "v1")
            try await old.write { db in
                for (id, phase, priority) in [("done", "completed", 0), ("low", "waiting", 0), ("high", "waiting", 5), ("broken", "failed", 0)] {
                    try db.execute(sql: """
                        INSERT INTO jobs (id, queue, name, data, phase, priority, attempts, max_attempts, progress, created_at, run_at, last_sequence)
                        VALUES (?, 'q', 'n', '{}', ?, ?, 0, 3, 0, 1, 1, 1)
                        """, arguments: [id, phase, priority])
                }
                for sequence in 1...2 {
                    let update = JobUpdate(jobId: "low", status: .queued, progress: 0, stage: nil, message: "step \(sequence)")
                    try db.execute(sql: "INSERT INTO job_events (job_id, sequence, body, created_at) VALUES ('low', ?, ?, 1)",
                                   arguments: [sequence, update.jsonText])
                }
                try db.execute(sql: "UPDATE jobs SET last_sequence = 2 WHERE id = 'low'")
            }
        }
        let store = try SQLiteJobStore(path: path)
        var counts = QueueCounts()
        (counts.waiting, counts.completed, counts.failed) = (2, 1, 1)
        #expect(try await store.counts(queue: "q") == counts)
        #expect(try await store.claim(queues: ["q"], worker: "w", limit: 5, lease: .seconds(30)).map(\.id) == ["high", "low"])
        (counts.waiting, counts.active) = (0, 2)
        #expect(try await store.counts(queue: "q") == counts)
        let more = JobUpdate(jobId: "low", status: .inProgress, progress: 50, stage: .parsing, message: "step 3")
        let done = JobUpdate(jobId: "low", status: .completed, progress: 100, stage: .storing, message: "step 4")
        _ = try await store.finish(done, following: [more], worker: "w", retryAt: nil)
        let logged = try await store.events(jobId: "low", after: 0)
        #expect(logged.map(\.sequence) == [1, 2, 3, 4])
        #expect(logged.map(\.update.message) == ["step 1", "step 2", "step 3", "step 4"])
        #expect(try await store.events(jobId: "low", after: 3).map(\.update.message) == ["step 4"])
    }
}
