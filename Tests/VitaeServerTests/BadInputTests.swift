import AsyncHTTPClient
import Foundation
import Testing
import VitaeServer

/// Bad requests get a clear 4xx envelope and leave the server serving.
@Suite(.serialized) struct BadInputTests {
    func withAPI(_ body: (APIClient, TestServer) async throws -> Void) async throws {
        let server = try await TestServer.start()
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let api = APIClient(http: http, base: server.base)
        do { try await body(api, server) } catch {
            try? await http.shutdown(); await server.stop(); throw error
        }
        let health = try await api.send(.GET, "/healthz")
        #expect(health.status == 200, "the server still answers after bad input")
        try await http.shutdown()
        await server.stop()
    }

    @Test func badJSONAndMissingFields() async throws {
        try await withAPI { api, _ in
            let garbage = try await api.send(.POST, "/api/v1/queue/add", body: Data("{not json".utf8), headers: [("Content-Type", "application/json")])
            #expect(garbage.status == 400)
            #expect(garbage.errorCode == "bad_json")
            #expect(try garbage.json()["success"] as? Bool == false)
            let missing = try await api.send(.POST, "/api/v1/queue/add", json: ["queueName": "resume-analysis"])
            #expect(missing.status == 400)
            #expect(((try missing.json()["error"] as? [String: Any])?["message"] as? String)?.contains("data") == true)
            let empty = try await api.send(.POST, "/api/v1/upload/presigned-url", body: Data())
            #expect(empty.status == 400)
        }
    }

    @Test func unknownQueueAndFileNotUploaded() async throws {
        try await withAPI { api, _ in
            let unknown = try await api.send(.POST, "/api/v1/queue/add", json: ["queueName": "nope", "data": ["fileName": "x.pdf"]])
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "unknown_queue")
            let noBlob = try await api.send(.POST, "/api/v1/queue/add", json: ["queueName": "resume-analysis", "data": ["fileName": "never-uploaded.pdf"]])
            #expect(noBlob.status == 400)
            #expect(noBlob.errorCode == "file_not_uploaded")
            let traversal = try await api.send(.POST, "/api/v1/queue/add", json: ["queueName": "resume-analysis", "data": ["fileName": "../../etc/passwd"]])
            #expect(traversal.status == 400)
        }
    }

    @Test func uploadURLsMustBeSignedUnchangedAndFresh() async throws {
        try await withAPI { api, server in
            let presign = try await api.send(.POST, "/api/v1/upload/presigned-url", json: ["fileName": "../../../etc/evil name.pdf"])
            let url = try #require(presign.data["uploadUrl"] as? String)
            let name = try #require(presign.data["fileName"] as? String)
            #expect(!name.contains("/") && !name.contains(".."), "the blob name is the server's own")
            let tampered = url.replacingOccurrences(of: "max=", with: "max=9")
            #expect(try await api.send(.PUT, tampered, body: Data("x".utf8)).status == 403)
            let unsigned = try await api.send(.PUT, "/api/v1/upload/blob/\(name)", body: Data("x".utf8))
            #expect(unsigned.status == 403)
            #expect(unsigned.errorCode == "upload_url_invalid")
            let expired = try await api.send(.PUT, "/api/v1/upload/blob/\(name)?expires=1&max=10&sig=abc", body: Data("x".utf8))
            #expect(expired.status == 403)
            #expect(try await api.send(.PUT, url, body: Data("resume".utf8), headers: [("x-ms-blob-type", "BlockBlob")]).status == 201)
            #expect(try await api.send(.PUT, url, body: Data("again".utf8)).status == 409, "one URL, one blob")
            let blobs = try FileManager.default.contentsOfDirectory(atPath: server.dataDirectory.appendingPathComponent("blobs").path)
            #expect(blobs == [name])
        }
    }

    @Test func oversizedUploadIsRefused() async throws {
        let server = try await TestServer.start { $0.maxUploadBytes = 1000 }
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let api = APIClient(http: http, base: server.base)
        let presign = try await api.send(.POST, "/api/v1/upload/presigned-url", json: ["fileName": "big.pdf"])
        let url = try #require(presign.data["uploadUrl"] as? String)
        let reply = try await api.send(.PUT, url, body: Data(repeating: 65, count: 5000))
        #expect(reply.status == 413)
        let blobs = try FileManager.default.contentsOfDirectory(atPath: server.dataDirectory.appendingPathComponent("blobs").path)
        #expect(blobs.filter { !$0.hasPrefix(".") }.isEmpty)
        try await http.shutdown()
        await server.stop()
    }

    @Test func hostileFileFailsOnlyItsOwnJob() async throws {
        try await withAPI { api, _ in
            let corrupt = FileManager.default.temporaryDirectory.appendingPathComponent("corrupt-\(UUID().uuidString).pdf")
            try Data("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n garbage \u{0}\u{1}\u{2} trailer".utf8).write(to: corrupt)
            let bad = try await api.add(fileName: try await api.upload(corrupt))
            let good = try await api.add(fileName: try await api.upload(try SeedFlowTests.resumeFile()))
            let badEnd = try #require(try await api.watch(bad).collect().last?.json())
            #expect(badEnd["status"] as? String == "failed")
            #expect(badEnd["errorCode"] as? String == "corrupt_file")
            #expect((badEnd["error"] as? String)?.isEmpty == false)
            let goodEnd = try #require(try await api.watch(good).collect().last?.json())
            #expect(goodEnd["status"] as? String == "completed")
            let view = try await api.send(.GET, "/api/v1/queue/resume-analysis/jobs/\(bad)")
            #expect(view.data["state"] as? String == "failed")
            #expect(view.data["attempts"] as? Int == 1, "a broken file is not retried")
        }
    }

    @Test func callerGivenJobIdMakesAddIdempotent() async throws {
        try await withAPI { api, _ in
            let blob = try await api.upload(try SeedFlowTests.resumeFile())
            let first = try await api.add(fileName: blob, opts: ["jobId": "my-job-1"])
            let second = try await api.add(fileName: blob, opts: ["jobId": "my-job-1"])
            #expect(first == "my-job-1")
            #expect(second == "my-job-1")
            let stats = try await api.send(.GET, "/api/v1/queue/resume-analysis/stats")
            let counts = try #require(stats.data["counts"] as? [String: Int])
            #expect(counts.values.reduce(0, +) == 1)
        }
    }

    @Test func cancelAndRetry() async throws {
        try await withAPI { api, _ in
            let blob = try await api.upload(try SeedFlowTests.resumeFile())
            let jobId = try await api.add(queue: "slow-analysis", fileName: blob)
            let sse = try await api.watch(jobId)
            let reading = Task { try await sse.collect() }
            try await Task.sleep(for: .milliseconds(300))
            let cancelled = try await api.send(.DELETE, "/api/v1/queue/slow-analysis/jobs/\(jobId)")
            #expect(cancelled.data["state"] as? String == "cancelled")
            let frames = try await reading.value
            let last = try #require(try frames.last?.json())
            #expect(last["status"] as? String == "failed")
            #expect(last["errorCode"] as? String == "cancelled")
            #expect(try await api.send(.DELETE, "/api/v1/queue/slow-analysis/jobs/\(jobId)").status == 409)
            let retried = try await api.send(.POST, "/api/v1/queue/slow-analysis/jobs/\(jobId)/retry")
            #expect(["waiting", "active"].contains(retried.data["state"] as? String))
            let rerun = try await api.watch(jobId).collect()
            let updates = try rerun.filter { $0.event == "job_update" }.map { try $0.json() }
            #expect(updates.first?["status"] as? String == "queued", "a new subscriber sees the new run only")
            #expect(updates.last?["status"] as? String == "completed")
        }
    }
}
