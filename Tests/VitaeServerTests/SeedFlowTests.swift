import AsyncHTTPClient
import Foundation
import Testing
import VitaeEngine

/// The guide's whole flow and the promises around it, over real loopback HTTP and a real SQLite file.
@Suite(.serialized) struct SeedFlowTests {
    static let resumeText = """
        Ada Lovelace
        ada@example.com | +44 20 7946 0958 | London, UK
        linkedin.com/in/ada-lovelace

        SUMMARY
        Analyst and programmer with 8 years of experience building engines.

        EXPERIENCE
        Senior Software Engineer, Analytical Engines Ltd, London — Jan 2018 to Present
        - Cut computation time by 40% for 12 clients using Swift and PostgreSQL.

        EDUCATION
        BSc Mathematics, University of London, 2014

        SKILLS
        Swift, Python, PostgreSQL, Docker, Kubernetes
        """

    static func resumeFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ada-\(UUID().uuidString).txt")
        try resumeText.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func withServer(_ body: (APIClient, TestServer) async throws -> Void) async throws {
        let server = try await TestServer.start()
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await body(APIClient(http: http, base: server.base), server)
        } catch {
            try? await http.shutdown()
            await server.stop()
            throw error
        }
        try await http.shutdown()
        await server.stop()
    }

    @Test func wholeFlowStreamsEveryStageToCompletion() async throws {
        try await withServer { api, _ in
            let blob = try await api.upload(try Self.resumeFile())
            let jobId = try await api.add(fileName: blob)
            #expect(jobId.hasPrefix("resume-"))
            let sse = try await api.watch(jobId, query: "?queueName=resume-analysis")
            #expect(sse.status == 200)
            #expect(sse.headers["content-type"].first?.hasPrefix("text/event-stream") == true)
            #expect(sse.headers["cache-control"].first == "no-cache")
            #expect(sse.headers["x-accel-buffering"].first == "no")
            let frames = try await sse.collect()
            #expect(frames.first?.event == "connected")
            let connected = try #require(try frames.first?.json())
            #expect((connected["connectionId"] as? String)?.count == 36)
            #expect((connected["timestamp"] as? Int ?? 0) > 1_600_000_000_000)
            #expect(frames.contains { $0.event == "queue_stats" })
            let updates = frames.filter { $0.event == "job_update" }
            let payloads = try updates.map { try $0.json() }
            let progress = payloads.compactMap { $0["progress"] as? Int }
            #expect(progress == progress.sorted())
            #expect(Set(payloads.compactMap { $0["stage"] as? String }) == Set(StageName.allCases.map(\.rawValue)))
            let ids = updates.compactMap { $0.id.flatMap(Int.init) }
            #expect(ids == Array(1...updates.count), "ids are the gap-free per-job sequence")
            #expect(updates.allSatisfy { $0.retry == 2000 })
            let last = try #require(payloads.last)
            #expect(last["status"] as? String == "completed")
            #expect(last["progress"] as? Int == 100)
            let score = try #require((last["result"] as? [String: Any])?["score"] as? Int)
            #expect((0...100).contains(score))
            #expect(frames.last?.event == "job_update", "the stream ends after the terminal update")
        }
    }

    @Test func lateSubscriberReplayAnd204() async throws {
        try await withServer { api, _ in
            let jobId = try await api.add(fileName: try await api.upload(try Self.resumeFile()))
            let first = try await api.watch(jobId).collect().filter { $0.event == "job_update" }
            let ids = first.compactMap(\.id)
            // Arriving after the end: the run is replayed and ends with the outcome.
            let late = try await api.watch(jobId).collect().filter { $0.event == "job_update" }
            #expect(late.map(\.id) == ids)
            #expect(try late.last?.json()["status"] as? String == "completed")
            // Resuming from the second event replays exactly the rest, by header and by query.
            let resumed = try await api.watch(jobId, headers: [("Last-Event-ID", ids[1])]).collect().filter { $0.event == "job_update" }
            #expect(resumed.compactMap(\.id) == Array(ids.dropFirst(2)))
            let byQuery = try await api.watch(jobId, query: "?lastEventId=\(ids[1])").collect().filter { $0.event == "job_update" }
            #expect(byQuery.compactMap(\.id) == Array(ids.dropFirst(2)))
            // Having seen the end, a reconnect is told to stop.
            let done = try await api.watch(jobId, headers: [("Last-Event-ID", ids.last!)])
            #expect(done.status == 204)
        }
    }

    @Test func unknownJobIs404WithoutAStream() async throws {
        try await withServer { api, _ in
            let reply = try await api.send(.GET, "/api/v1/sse/job/no-such-job")
            #expect(reply.status == 404)
            #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(reply.errorCode == "job_not_found")
            let status = try await api.send(.GET, "/api/v1/queue/resume-analysis/jobs/no-such-job")
            #expect(status.status == 404)
        }
    }

    @Test func heartbeatsArriveAndSubscribersShareOneSequence() async throws {
        let server = try await TestServer.start { $0.heartbeatInterval = .milliseconds(200) }
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let api = APIClient(http: http, base: server.base)
        let jobId = try await api.add(queue: "slow-analysis", fileName: try await api.upload(try Self.resumeFile()))
        let sequences = try await withThrowingTaskGroup(of: [SSEFrame].self) { group in
            for _ in 0..<5 {
                group.addTask { try await api.watch(jobId).collect() }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for frames in sequences {
            #expect(frames.contains { $0.event == "heartbeat" })
            let heartbeat = try #require(frames.first { $0.event == "heartbeat" })
            #expect((try heartbeat.json()["timestamp"] as? Int ?? 0) > 1_600_000_000_000)
            #expect(heartbeat.id == nil)
        }
        let updates = sequences.map { $0.filter { $0.event == "job_update" }.map { "\($0.id ?? "")|\($0.data)" } }
        #expect(Set(updates).count == 1, "all subscribers saw the same updates in the same order: \(updates.map(\.count))")
        #expect(updates[0].count > 10)
        try await http.shutdown()
        await server.stop()
    }

    @Test func statsCountOpenConnections() async throws {
        let server = try await TestServer.start()
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let api = APIClient(http: http, base: server.base)
        let jobId = try await api.add(queue: "slow-analysis", fileName: try await api.upload(try Self.resumeFile()))
        let sse = try await api.watch(jobId, query: "?queueName=slow-analysis")
        let reading = Task { try await sse.collect() }
        try await Task.sleep(for: .milliseconds(200))
        let stats = try await api.send(.GET, "/api/v1/sse/stats")
        #expect(try stats.json()["success"] as? Bool == true)
        #expect(stats.data["totalConnections"] as? Int == 1)
        #expect(stats.data["totalJobSubscriptions"] as? Int == 1)
        let connection = try #require((stats.data["connections"] as? [[String: Any]])?.first)
        #expect(connection["jobId"] as? String == jobId)
        #expect(connection["queueName"] as? String == "slow-analysis")
        _ = try await reading.value
        try await http.shutdown()
        await server.stop()
    }
}
