import AsyncHTTPClient
import Foundation
import Testing

/// `GET /api/v1/sse/queue/:queueName`: a dashboard's live view of a whole queue.
@Suite(.serialized) struct QueueStreamTests {
    @Test func queueStreamCarriesStatsAndEveryJobOfItsQueueOnly() async throws {
        let server = try await TestServer.start()
        let http = HTTPClientHolder()
        let api = http.api(server)
        let stream = try await http.http.openSSE("\(server.base)/api/v1/sse/queue/resume-analysis")
        #expect(stream.status == 200)
        // The watcher is listed in the SSE stats with its queue and without a job.
        let stats = try await api.send(.GET, "/api/v1/sse/stats")
        let connections = (stats.data["connections"] as? [[String: Any]]) ?? []
        #expect(connections.contains { $0["queueName"] as? String == "resume-analysis" && $0["jobId"] == nil })
        #expect(stream.headers["content-type"].first?.hasPrefix("text/event-stream") == true)
        let blob = try await api.upload(try SeedFlowTests.resumeFile())
        let other = try await api.add(queue: "slow-analysis", fileName: blob)
        let jobId = try await api.add(fileName: blob)
        let frames = try await stream.collect(until: { $0.event == "job_update" && $0.data.contains(jobId) && $0.data.contains("\"completed\"") })
        #expect(frames.first?.event == "connected")
        #expect(frames.contains { $0.event == "queue_stats" })
        let updates = try frames.filter { $0.event == "job_update" }.map { try $0.json() }
        #expect(updates.allSatisfy { $0["jobId"] as? String == jobId }, "no event of another queue's job \(other)")
        #expect(updates.first?["status"] as? String == "queued")
        #expect(frames.filter { $0.event == "job_update" }.allSatisfy { $0.id == nil }, "queue frames carry no per-job id")

        let unknown = try await api.send(.GET, "/api/v1/sse/queue/no-such-queue")
        #expect(unknown.status == 404)
        #expect(unknown.errorCode == "unknown_queue")
        let queues = try await api.send(.GET, "/api/v1/queues")
        let names = ((try queues.json()["data"] as? [[String: Any]]) ?? []).compactMap { $0["queueName"] as? String }
        #expect(names == ["resume-analysis", "slow-analysis"])
        await http.shutdown()
        await server.stop()
    }
}
