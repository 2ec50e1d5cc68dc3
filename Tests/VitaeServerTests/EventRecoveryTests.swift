import Foundation
import GRDB
import Testing
import VitaeEngine

/// Subscribers get every logged event even when the event feed loses one: the hub finds a watched
/// job whose log stays ahead of what was sent and sends the rest from the log.
@Suite(.serialized) struct EventRecoveryTests {
    @Test func anEventTheFeedNeverDeliveredStillReachesTheSubscriberInOrder() async throws {
        // Steps 800 ms apart, checks every 100 ms: the check, not the next step's gap, recovers the
        // event, with room for a busy machine to run a check late.
        let metrics = try await streamWithAnEventLostByTheFeed(reconcileInterval: .milliseconds(100))
        #expect(metrics.contains("vitae_events_recovered_total 1"), "recovered by the hub's check")
    }

    @Test func aGapTheFeedLeftIsFilledFromTheLogBeforeTheNextEvent() async throws {
        // The hub's check comes too late here: the stream sees the next step's event skip one and reads the log.
        let metrics = try await streamWithAnEventLostByTheFeed(reconcileInterval: .seconds(600))
        #expect(!metrics.contains("vitae_events_recovered_total"), "recovered by the stream, not the hub's check")
    }

    /// Watches a job while one of its updates is logged behind the server's back, so its feed never
    /// hears of it, as if a notification were lost; checks that the stream has every event once, in
    /// order, and returns the server's metrics.
    private func streamWithAnEventLostByTheFeed(reconcileInterval: Duration) async throws -> String {
        let server = try await TestServer.start(pipelines: try TestPipelines.all(pauseMilliseconds: 8000)) {
            $0.eventReconcileInterval = reconcileInterval
        }
        let http = HTTPClientHolder()
        let api = http.api(server)
        let jobId = try await api.add(queue: "slow-analysis", fileName: try await api.upload(try SeedFlowTests.resumeFile()))
        let stream = try await api.watch(jobId)
        let reading = Task { try await stream.collect(timeout: .seconds(60)) }
        var waiting = false
        for _ in 0..<200 where !waiting {
            try await Task.sleep(for: .milliseconds(20))
            waiting = (try await api.send(.GET, "/api/v1/queue/slow-analysis/jobs/\(jobId)").data["message"] as? String)?.hasPrefix("Waiting 2 of") == true
        }
        #expect(waiting)
        let database = try DatabaseQueue(path: server.dataDirectory.appendingPathComponent("vitae.sqlite").path)
        let lost = JobUpdate(jobId: jobId, status: .inProgress, progress: 1, stage: .analyzing, message: "logged behind the feed")
        try await database.write { db in
            let sequence = try Int.fetchOne(db, sql: "UPDATE jobs SET last_sequence = last_sequence + 1 WHERE id = ? RETURNING last_sequence",
                                            arguments: [jobId])!
            try db.execute(sql: "INSERT INTO job_events (job_id, first_sequence, last_sequence, updates, created_at) VALUES (?, ?, ?, ?, 0)",
                           arguments: [jobId, sequence, sequence, "[\(lost.jsonText)]"])
        }
        let frames = try await reading.value.filter { $0.event == "job_update" }
        let ids = frames.compactMap { $0.id.flatMap(Int.init) }
        #expect(ids == Array(1...ids.count), "every event once, in order")
        #expect(frames.contains { $0.data.contains("logged behind the feed") })
        #expect(frames.last?.data.contains("\"completed\"") == true)
        let metrics = String(decoding: try await api.send(.GET, "/metrics").body, as: UTF8.self)
        await http.shutdown()
        await server.stop()
        return metrics
    }
}
