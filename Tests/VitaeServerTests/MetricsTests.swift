import Foundation
import Testing

/// `GET /metrics` after a completed and a failed job.
@Suite(.serialized) struct MetricsTests {
    @Test func scrapeShowsJobsStagesQueuesStreamsAndExtractionFailures() async throws {
        let server = try await TestServer.start()
        let http = HTTPClientHolder()
        let api = http.api(server)
        let good = try await api.add(fileName: try await api.upload(try SeedFlowTests.resumeFile()))
        _ = try await api.watch(good).collect()
        let brokenFile = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).pdf")
        try Data("%PDF-1.7\nthis is not a PDF body".utf8).write(to: brokenFile)
        let bad = try await api.add(fileName: try await api.upload(brokenFile), opts: ["attempts": 1])
        let badEnd = try await api.watch(bad).collect()
        #expect(badEnd.last?.data.contains("\"failed\"") == true)
        let watcher = try await api.watch(try await api.add(queue: "slow-analysis", fileName: try await api.upload(try SeedFlowTests.resumeFile())))

        let reply = try await api.send(.GET, "/metrics")
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"]?.hasPrefix("text/plain") == true)
        let text = String(decoding: reply.body, as: UTF8.self)
        for expected in [
            #"vitae_jobs_added_total{queue="resume-analysis"} 2"#,
            #"vitae_jobs_completed_total{queue="resume-analysis"} 1"#,
            #"vitae_jobs_failed_total{queue="resume-analysis"} 1"#,
            #"vitae_job_duration_seconds_count{queue="resume-analysis",status="completed"} 1"#,
            #"vitae_stage_duration_seconds_count{queue="resume-analysis",stage="parsing"}"#,
            #"vitae_queue_depth{queue="resume-analysis",state="waiting"} 0"#,
            "vitae_sse_connections_open ",
            "vitae_events_published_total ",
            "vitae_extraction_failures_total{reason=",
        ] {
            #expect(text.contains(expected), "missing \(expected) in:\n\(text)")
        }
        // At least the open watcher; streams that just ended may not have been counted down yet.
        let open = text.split(separator: "\n").first { $0.hasPrefix("vitae_sse_connections_open ") }
            .flatMap { Double($0.split(separator: " ").last ?? "") }
        #expect((open ?? 0) >= 1, "open SSE connections: \(open ?? -1)")
        _ = watcher
        await http.shutdown()
        await server.stop()
    }
}
