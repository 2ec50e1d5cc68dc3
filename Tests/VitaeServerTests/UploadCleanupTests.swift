import Foundation
import Testing

/// Uploads no job needs are deleted; an upload a waiting or running job will read is kept.
@Suite(.serialized) struct UploadCleanupTests {
    @Test func uploadsNoJobNeedsAreDeletedAndThoseOfUnfinishedJobsKept() async throws {
        let server = try await TestServer.start(pipelines: try TestPipelines.all(pauseMilliseconds: 5000)) {
            $0.uploadRetention = .milliseconds(300)
            $0.uploadCleanupInterval = .milliseconds(100)
        }
        let http = HTTPClientHolder()
        let api = http.api(server)
        let resume = try SeedFlowTests.resumeFile()
        let unused = try await api.upload(resume)
        let running = try await api.upload(resume)
        let jobId = try await api.add(queue: "slow-analysis", fileName: running)
        let blobs = server.dataDirectory.appendingPathComponent("blobs")
        func present(_ name: String) -> Bool { FileManager.default.fileExists(atPath: blobs.appendingPathComponent(name).path) }
        var deleted = false
        for _ in 0..<50 where !deleted {
            try await Task.sleep(for: .milliseconds(100))
            deleted = !present(unused)
        }
        #expect(deleted, "an upload no job uses goes once older than the retention")
        #expect(present(running), "the upload of an unfinished job stays")
        let job = try await api.send(.GET, "/api/v1/queue/slow-analysis/jobs/\(jobId)")
        #expect(["waiting", "active"].contains(job.data["state"] as? String ?? ""))
        await http.shutdown()
        await server.stop()
    }
}
