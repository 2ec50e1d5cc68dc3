import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import VitaeAnalysis
import VitaeEngine
import VitaeServer
import VitaeStore

enum TestPipelines {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped pipelines plus `slow-analysis`, which waits in the analyzing stage.
    static func all(pauseMilliseconds: Int = 1500) throws -> [String: Pipeline] {
        let loader = PipelineLoader(registry: .standard)
        var pipelines = try PipelineCatalog(directory: repositoryRoot.appendingPathComponent("Pipelines"), loader: loader).loadAll()
        let shipped = try String(contentsOf: repositoryRoot.appendingPathComponent("Pipelines/resume-analysis.yaml"), encoding: .utf8)
        let slow = shipped
            .replacingOccurrences(of: "queue: resume-analysis", with: "queue: slow-analysis")
            .replacingOccurrences(of: "  - stage: storing", with: """
                      - uses: delay
                        with:
                          milliseconds: \(pauseMilliseconds)
                          slices: 10
                  - stage: storing
                """)
            .replacingOccurrences(of: "steps: []\n", with: "steps:\n")
        pipelines["slow-analysis"] = try loader.load(yaml: slow, source: "slow-analysis.yaml")
        return pipelines
    }
}

/// A real `VitaeServer` on a free loopback port with its own data folder.
final class TestServer: Sendable {
    let dataDirectory: URL
    let port: Int
    private let task: Task<Void, any Error>

    var base: String { "http://127.0.0.1:\(port)" }

    static func start(
        dataDirectory: URL? = nil, pipelines: [String: Pipeline]? = nil,
        configure: @Sendable (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        let directory = dataDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("vitae-test-\(UUID().uuidString)")
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.dataDirectory = directory
        configuration.heartbeatInterval = .seconds(5)
        configuration.leaseDuration = .seconds(2)
        configuration.shutdownGracePeriod = .milliseconds(100)
        // As in production: files are read by `vitae extract` in a limited child process.
        configuration.extractionSandbox = ExtractionSandbox(executable: SandboxedExtractorTests.vitae)
        configure(&configuration)
        var logger = Logger(label: "vitae-test")
        logger.logLevel = .warning
        let server = try VitaeServer.embedded(configuration: configuration, pipelines: pipelines ?? TestPipelines.all(), logger: logger)
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            try await server.run { port in portContinuation.yield(port) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return TestServer(dataDirectory: directory, port: port, task: task)
    }

    private init(dataDirectory: URL, port: Int, task: Task<Void, any Error>) {
        self.dataDirectory = dataDirectory
        self.port = port
        self.task = task
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// The seed's client calls, over real HTTP.
struct APIClient: Sendable {
    let http: HTTPClient
    let base: String

    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        func json() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
        }
        var data: [String: Any] { ((try? json())?["data"] as? [String: Any]) ?? [:] }
        var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
    }

    func send(_ method: HTTPMethod, _ path: String, json: Any? = nil, body: Data? = nil, headers: [(String, String)] = []) async throws -> Reply {
        var request = HTTPClientRequest(url: path.hasPrefix("http") ? path : base + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
        } else if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await http.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), headers: headers, body: Data(buffer.readableBytesView))
    }

    /// Presign, PUT with the seed's header, and return the blob name.
    func upload(_ file: URL) async throws -> String {
        let presign = try await send(.POST, "/api/v1/upload/presigned-url", json: ["fileName": file.lastPathComponent])
        let url = try #require(presign.data["uploadUrl"] as? String)
        let put = try await send(.PUT, url, body: try Data(contentsOf: file), headers: [("x-ms-blob-type", "BlockBlob")])
        guard put.status == 201 else { throw APITestError.unexpected("PUT answered \(put.status)") }
        return try #require(presign.data["fileName"] as? String)
    }

    func add(queue: String = "resume-analysis", fileName: String, extra: [String: Any] = [:], opts: [String: Any]? = nil) async throws -> String {
        var data: [String: Any] = ["resumeId": "resume-\(UUID().uuidString.prefix(6))", "fileName": fileName]
        data.merge(extra) { $1 }
        var body: [String: Any] = ["queueName": queue, "jobName": "analyze-resume", "data": data]
        if let opts { body["opts"] = opts }
        let reply = try await send(.POST, "/api/v1/queue/add", json: body)
        return try #require(reply.data["jobId"] as? String, "queue/add answered \(reply.status): \(String(decoding: reply.body, as: UTF8.self))")
    }

    func watch(_ jobId: String, query: String = "", headers: [(String, String)] = []) async throws -> SSEConnection {
        try await http.openSSE("\(base)/api/v1/sse/job/\(jobId)\(query)", headers: headers)
    }
}

enum APITestError: Error { case unexpected(String) }

import Testing
