import Foundation
import NIOCore
import NIOHTTPTypes

/// One `GET /api/v1/sse/job/:jobId` connection, whose live frames the hub writes straight into
/// the channel from the channel's event loop.
///
/// Waking a Swift task per subscriber and event cost more CPU and latency than the write itself
/// with thousands of subscribers, so the route's task only writes `connected` and the backlog,
/// then waits on one continuation until the stream ends; the hub groups streams by event loop and
/// writes each event's frame (framed once) to all of them in one loop task.
///
/// `@unchecked Sendable`: `phase`, `sent` and `waitingBytes` are only touched on `eventLoop`;
/// everything else is immutable.
final class JobStream: @unchecked Sendable {
    let id: UUID
    let channel: any Channel
    let eventLoop: any EventLoop
    /// Bytes that may wait for a slow client, in NIO's write buffer or while the backlog is written,
    /// before it is disconnected (it resumes from the event log with `Last-Event-ID`).
    private let bufferLimit: Int

    private enum Phase {
        /// The route is still writing `connected` and the backlog; live messages wait here, in order.
        case replaying(waiting: [HubMessage])
        /// Messages go straight to the channel; the route's task waits on `ended`.
        case live(ended: UnsafeContinuation<Void, Never>)
        case ended
    }

    private var phase = Phase.replaying(waiting: [])
    private var waitingBytes = 0
    /// The last event sequence the client got, so that an event in both the backlog and the live
    /// feed is written once.
    private var sent = 0

    init(id: UUID, channel: any Channel, bufferLimit: Int) {
        self.id = id
        self.channel = channel
        self.eventLoop = channel.eventLoop
        self.bufferLimit = bufferLimit
    }

    /// Switches to live writes once the route's own writes are in the channel, and returns when the
    /// stream ends: after the terminal event, when the client is gone or too slow, or on `end()`.
    ///
    /// Ordering: the route writes through NIOAsyncChannel's writer, whose `write` hands the part to
    /// the event loop with `execute` before it returns, and an event loop runs `execute`d tasks in
    /// the order they were submitted; so the `execute` below runs after the backlog is in the
    /// pipeline, and live frames follow it.
    func runLive(after sequence: Int) async {
        await withUnsafeContinuation { continuation in
            eventLoop.execute { self.goLive(after: sequence, ended: continuation) }
        }
    }

    private func goLive(after sequence: Int, ended continuation: UnsafeContinuation<Void, Never>) {
        guard case .replaying(let waiting) = phase else {
            continuation.resume()
            return
        }
        sent = sequence
        phase = .live(ended: continuation)
        waitingBytes = 0
        // A client that goes away is noticed when NIO fails a write or reads the socket's close;
        // either way the channel closes, and this ends the stream without a task per connection.
        channel.closeFuture.whenComplete { _ in self.end() }
        waiting.forEach(write)
        channel.flush()
    }

    /// Takes one message from the hub; runs on `eventLoop`. The caller flushes.
    func receive(_ message: HubMessage) {
        switch phase {
        case .ended:
            return
        case .replaying(var waiting):
            waitingBytes += message.frame.readableBytes
            guard waitingBytes <= bufferLimit else { return disconnect() }
            phase = .ended  // drops the array's second reference so the append does not copy it
            waiting.append(message)
            phase = .replaying(waiting: waiting)
        case .live:
            write(message)
        }
    }

    private func write(_ message: HubMessage) {
        guard case .live = phase else { return }
        if case .event(let event) = message {
            guard event.sequence > sent else { return }
            sent = event.sequence
        }
        guard channel.isWritable || pendingBytes <= bufferLimit else { return disconnect() }
        channel.write(HTTPResponsePart.body(message.frame), promise: nil)
        if case .event(let event) = message, event.isTerminal { end() }
    }

    func flush() {
        channel.flush()
    }

    private var pendingBytes: Int {
        (try? channel.syncOptions?.getOption(.bufferedWritableBytes)) ?? 0
    }

    /// Closes a client that does not keep up: its buffers go with the channel, and it resumes by `Last-Event-ID`.
    private func disconnect() {
        end()
        channel.close(promise: nil)
    }

    /// Ends the stream: the route's task finishes the response and half-closes the connection.
    /// Runs on `eventLoop`; ending twice does nothing.
    func end() {
        let previous = phase
        phase = .ended
        if case .live(let ended) = previous { ended.resume() }
    }
}
