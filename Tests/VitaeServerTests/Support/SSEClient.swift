import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One parsed server-sent event.
struct SSEFrame: Sendable, Equatable {
    var event: String
    var id: String?
    var retry: Int?
    var data: String

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] ?? [:]
    }
}

/// Parses an SSE byte stream the way the WHATWG spec says browsers do.
struct SSEParser {
    private var pending = ""
    private var event: String?
    private var id: String?
    private var retry: Int?
    private var data: [String] = []

    mutating func feed(_ text: String) -> [SSEFrame] {
        pending += text
        var frames: [SSEFrame] = []
        while let newline = pending.firstIndex(of: "\n") {
            var line = String(pending[..<newline])
            pending = String(pending[pending.index(after: newline)...])
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty {
                if !data.isEmpty || event != nil {
                    frames.append(SSEFrame(event: event ?? "message", id: id, retry: retry, data: data.joined(separator: "\n")))
                }
                // Browsers keep the last id across events; here a frame reports only the id it carried.
                event = nil
                data = []
                retry = nil
                id = nil
                continue
            }
            if line.hasPrefix(":") { continue }
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let field = String(parts[0])
            var value = parts.count > 1 ? String(parts[1]) : ""
            if value.hasPrefix(" ") { value.removeFirst() }
            switch field {
            case "event": event = value
            case "data": data.append(value)
            case "id": id = value
            case "retry": retry = Int(value)
            default: break
            }
        }
        return frames
    }
}

/// A live SSE connection over real HTTP.
struct SSEConnection: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var frames: AsyncThrowingStream<SSEFrame, any Error>

    /// Reads frames until the server closes the stream or `until` says stop.
    func collect(until stop: @escaping @Sendable (SSEFrame) -> Bool = { _ in false }, timeout: Duration = .seconds(30)) async throws -> [SSEFrame] {
        try await withThrowingTaskGroup(of: [SSEFrame].self) { group in
            group.addTask {
                var all: [SSEFrame] = []
                for try await frame in frames {
                    all.append(frame)
                    if stop(frame) { break }
                }
                return all
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw SSETimeout()
            }
            let result = try await group.next()!
            group.cancelAll()
            return result
        }
    }
}

struct SSETimeout: Error {}

extension HTTPClient {
    func openSSE(_ url: String, headers: [(String, String)] = []) async throws -> SSEConnection {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "text/event-stream")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await execute(request, timeout: .seconds(60))
        let body = response.body
        let frames = AsyncThrowingStream<SSEFrame, any Error> { continuation in
            let task = _Concurrency.Task {
                var parser = SSEParser()
                do {
                    for try await buffer in body {
                        for frame in parser.feed(String(buffer: buffer)) { continuation.yield(frame) }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        return SSEConnection(status: Int(response.status.code), headers: response.headers, frames: frames)
    }
}
