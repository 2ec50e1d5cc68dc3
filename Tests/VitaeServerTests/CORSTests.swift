import Foundation
import Testing

/// With `--cors-origin`, pages of another origin can use the API from the browser: preflights are
/// answered, and every answer, streams and errors included, names the allowed origin. Without it, no
/// answer does, so a browser keeps other origins' pages out.
@Suite(.serialized) struct CORSTests {
    static let page = "http://app.example:5173"

    @Test func anAllowedOriginGetsPreflightsStreamsAndErrorsAnswered() async throws {
        let server = try await TestServer.start { $0.corsOrigin = Self.page }
        let http = HTTPClientHolder()
        let api = http.api(server)
        let origin = [("Origin", Self.page)]

        // The seed's upload PUT sends x-ms-blob-type, and queue/add sends JSON: both need a preflight.
        let preflight = try await api.send(.OPTIONS, "/api/v1/queue/add", headers: origin + [
            ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "content-type")])
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-origin"] == Self.page)
        #expect(preflight.headers["access-control-allow-methods"]?.contains("POST") == true)
        let allowed = preflight.headers["access-control-allow-headers"]?.lowercased() ?? ""
        #expect(allowed.contains("content-type") && allowed.contains("x-ms-blob-type") && allowed.contains("last-event-id"), "\(allowed)")
        #expect(preflight.headers["x-request-id"] != nil, "logged with a request id like every other request")

        let jobId = try await api.add(fileName: try await api.upload(try SeedFlowTests.resumeFile()))
        // A client of its own, so the stream is its connection's first request, as a browser's EventSource
        // usually is: such requests are served in front of the router unless they come from another origin.
        let browser = HTTPClientHolder()
        let stream = try await browser.api(server).watch(jobId, headers: origin)
        #expect(stream.status == 200)
        #expect(stream.headers.first(name: "access-control-allow-origin") == Self.page)
        #expect(stream.headers.first(name: "content-type")?.hasPrefix("text/event-stream") == true)
        let frames = try await stream.collect()
        #expect(frames.first?.event == "connected")
        #expect(frames.last?.data.contains("\"completed\"") == true)

        let missing = try await api.send(.GET, "/api/v1/sse/job/no-such-job", headers: origin)
        #expect(missing.status == 404)
        #expect(missing.headers["access-control-allow-origin"] == Self.page, "an error the page can read")
        #expect(missing.errorCode != nil)
        let stats = try await api.send(.GET, "/api/v1/sse/stats", headers: origin)
        #expect(stats.headers["access-control-allow-origin"] == Self.page)
        await browser.shutdown()
        await http.shutdown()
        await server.stop()
    }

    @Test func withoutAnOriginConfiguredNoAnswerAllowsOtherPages() async throws {
        let server = try await TestServer.start()
        let http = HTTPClientHolder()
        let api = http.api(server)
        let origin = [("Origin", Self.page)]
        let jobId = try await api.add(fileName: try await api.upload(try SeedFlowTests.resumeFile()))
        let browser = HTTPClientHolder()
        let stream = try await browser.api(server).watch(jobId, headers: origin)
        #expect(stream.status == 200)
        #expect(stream.headers.first(name: "access-control-allow-origin") == nil)
        _ = try await stream.collect()
        await browser.shutdown()
        let stats = try await api.send(.GET, "/api/v1/sse/stats", headers: origin)
        #expect(stats.status == 200)
        #expect(stats.headers["access-control-allow-origin"] == nil)
        await http.shutdown()
        await server.stop()
    }
}
