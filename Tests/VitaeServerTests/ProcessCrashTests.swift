import AsyncHTTPClient
import Foundation
import Testing

/// A real `vitae serve` process killed with SIGKILL mid-job: the next process on the same data
/// folder takes the job again once its lease runs out and finishes it, and the log stays one
/// gap-free, never-repeating sequence.
@Suite(.serialized) struct ProcessCrashTests {
    static func startServer(data: URL, pipelines: URL, port: Int) throws -> Process {
        let process = Process()
        process.executableURL = SandboxedExtractorTests.vitae
        process.arguments = ["serve", "--port", String(port), "--data-dir", data.path, "--pipelines-dir", pipelines.path,
                             "--lease-seconds", "1", "--grace-seconds", "0.2", "--log-level", "error"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func waitUntilHealthy(_ api: APIClient) async throws {
        for _ in 0..<200 {
            if (try? await api.send(.GET, "/healthz"))?.status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw APITestError.unexpected("server did not start")
    }

    @Test func killedProcessLeavesTheJobToTheNext() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vitae-crash-\(UUID().uuidString)")
        let pipelines = root.appendingPathComponent("pipelines")
        try FileManager.default.createDirectory(at: pipelines, withIntermediateDirectories: true)
        try """
            queue: slow
            stages:
              - stage: initializing
                weight: 1
              - stage: fetching
                weight: 1
              - stage: parsing
                weight: 1
              - stage: analyzing
                weight: 96
                steps:
                  - uses: delay
                    with: { milliseconds: 3000, slices: 10 }
              - stage: storing
                weight: 1
            """.write(to: pipelines.appendingPathComponent("slow.yaml"), atomically: true, encoding: .utf8)
        let data = root.appendingPathComponent("data")
        let port = Self.freePort()
        let api = APIClient(http: HTTPClient.shared, base: "http://127.0.0.1:\(port)")

        let first = try Self.startServer(data: data, pipelines: pipelines, port: port)
        try await Self.waitUntilHealthy(api)
        let jobId = try await api.add(queue: "slow", fileName: try await api.upload(try SeedFlowTests.resumeFile()))
        let before = try await api.watch(jobId).collect(until: { $0.data.contains("Waiting 4 of 10") }).filter { $0.event == "job_update" }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()

        let second = try Self.startServer(data: data, pipelines: pipelines, port: port)
        defer { second.terminate(); second.waitUntilExit() }
        try await Self.waitUntilHealthy(api)
        let after = try await api.watch(jobId, headers: [("Last-Event-ID", try #require(before.last?.id))]).collect()
            .filter { $0.event == "job_update" }
        let all = before + after
        let ids = all.compactMap { $0.id.flatMap(Int.init) }
        #expect(ids == Array(1...ids.count), "one gap-free sequence across the crash")
        let updates = try all.map { try $0.json() }
        let progress = updates.compactMap { $0["progress"] as? Int }
        #expect(progress == progress.sorted(), "progress never goes back: \(progress)")
        #expect(updates.last?["status"] as? String == "completed")
        let view = try await api.send(.GET, "/api/v1/queue/slow/jobs/\(jobId)")
        #expect(view.data["attempts"] as? Int == 2, "the crashed attempt is counted")
    }
}
