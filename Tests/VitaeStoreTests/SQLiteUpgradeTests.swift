import Foundation
import GRDB
import Testing
@testable import VitaeStore

/// A database written by an older Vitae opens with its jobs counted and claimable: the counts table
/// is filled from the jobs already there, and the claim indexes cover them.
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
            }
        }
        let store = try SQLiteJobStore(path: path)
        var counts = QueueCounts()
        (counts.waiting, counts.completed, counts.failed) = (2, 1, 1)
        #expect(try await store.counts(queue: "q") == counts)
        #expect(try await store.claim(queues: ["q"], worker: "w", limit: 5, lease: .seconds(30)).map(\.id) == ["high", "low"])
        (counts.waiting, counts.active) = (0, 2)
        #expect(try await store.counts(queue: "q") == counts)
    }
}
