import Foundation
import Testing

/// The dashboard, the seed's sample pages and their content types, served by `vitae serve`.
@Suite(.serialized) struct WebContentTests {
    @Test func dashboardFilesAreServedWithTheirContentTypes() async throws {
        let samples = TestPipelines.repositoryRoot.appendingPathComponent("Samples/web")
        let server = try await TestServer.start { $0.samplesDirectory = samples }
        let http = HTTPClientHolder()
        let api = http.api(server)
        for (path, type, text) in [
            ("/", "text/html", "<title>Vitae"), ("/dashboard.js", "javascript", "EventSource"),
            ("/dashboard.css", "text/css", "--accent"), ("/samples/web/", "text/html", "monitor-job.js"),
            ("/samples/web/monitor-job.js", "javascript", "function monitorJob"),
        ] {
            let reply = try await api.send(.GET, path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.headers["content-type"]?.contains(type) == true, "\(path): \(reply.headers["content-type"] ?? "-")")
            #expect(String(decoding: reply.body, as: UTF8.self).contains(text), "\(path)")
        }
        // Unknown paths still get the API's error envelope, and files never shadow routes.
        let missing = try await api.send(.GET, "/no-such-page.html")
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(try await api.send(.GET, "/healthz").status == 200)
        #expect(try await api.send(.GET, "/samples/web/../../Package.swift").status != 200)
        await http.shutdown()
        await server.stop()
    }
}
