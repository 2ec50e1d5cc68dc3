import Foundation
import NIOCore
import VitaeStore

/// One SSE frame: `event:`, optional `id:` and `retry:`, and the JSON data, ended by a blank line.
struct ServerSentEvent: Sendable {
    var event: String
    var id: String?
    var retryMilliseconds: Int?
    var data: String

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    init(event: String, id: String? = nil, retryMilliseconds: Int? = nil, json: some Encodable) {
        self.init(event: event, id: id, retryMilliseconds: retryMilliseconds,
                  data: (try? String(decoding: Self.encoder.encode(json), as: UTF8.self)) ?? "{}")
    }

    init(event: String, id: String? = nil, retryMilliseconds: Int? = nil, data: String) {
        self.event = event
        self.id = id
        self.retryMilliseconds = retryMilliseconds
        self.data = data
    }

    var text: String {
        var frame = "event: \(event)\n"
        if let id { frame += "id: \(id)\n" }
        if let retryMilliseconds { frame += "retry: \(retryMilliseconds)\n" }
        // JSON has no raw newlines, so one data line carries it.
        frame += "data: \(data)\n\n"
        return frame
    }

    var buffer: ByteBuffer { ByteBuffer(string: text) }
}

/// A `job_update` framed once and shared by every connection that sends it.
struct EncodedEvent: Sendable {
    var event: StoredEvent
    var frame: ByteBuffer

    var sequence: Int { event.sequence }
    var isTerminal: Bool { event.update.status.isTerminal }

    init(_ event: StoredEvent, retryMilliseconds: Int) {
        self.event = event
        frame = ServerSentEvent(event: "job_update", id: String(event.sequence), retryMilliseconds: retryMilliseconds,
                                data: event.update.jsonText).buffer
    }
}
