import AsyncHTTPClient
import Foundation
import Testing

@Suite(.serialized) struct RestartTests {
    /// Stop the server mid-job and start another on the same data folder: the job finishes and a
    /// client resuming with Last-Event-ID sees one gap-free, never-repeating sequence.
    @Test func restartMidJobResumesTheStreamGapFree() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vitae-restart-\(UUID().uuidString)")
        let pipelines = try TestPipelines.all(pauseMilliseconds: 3000)
        let first = try await TestServer.start(dataDirectory: directory, pipelines: pipelines)
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        var api = APIClient(http: http, base: first.base)
        let jobId = try await api.add(queue: "slow-analysis", fileName: try await api.upload(try SeedFlowTests.resumeFile()))
        var seen = try await api.watch(jobId).collect(until: { $0.data.contains("Waiting 3 of 10") })
            .filter { $0.event == "job_update" }
        await first.stop()

        let second = try await TestServer.start(dataDirectory: directory, pipelines: pipelines)
        api = APIClient(http: http, base: second.base)
        let resumed = try await api.watch(jobId, headers: [("Last-Event-ID", try #require(seen.last?.id))]).collect()
        seen += resumed.filter { $0.event == "job_update" }
        let ids = seen.compactMap { $0.id.flatMap(Int.init) }
        #expect(ids == Array(1...ids.count), "no gap and no repeat across the restart")
        let updates = try seen.map { try $0.json() }
        let progress = updates.compactMap { $0["progress"] as? Int }
        #expect(progress == progress.sorted(), "progress never goes back: \(progress)")
        #expect(updates.filter { ["completed", "failed"].contains($0["status"] as? String) }.count == 1)
        #expect(updates.last?["status"] as? String == "completed")
        try await http.shutdown()
        await second.stop()
    }
}
