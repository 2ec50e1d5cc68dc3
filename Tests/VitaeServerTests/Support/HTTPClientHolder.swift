import AsyncHTTPClient

/// One HTTP client for a test, shut down at its end.
struct HTTPClientHolder: Sendable {
    let http = HTTPClient(eventLoopGroupProvider: .singleton)

    func api(_ server: TestServer) -> APIClient { APIClient(http: http, base: server.base) }

    func shutdown() async { try? await http.shutdown() }
}
