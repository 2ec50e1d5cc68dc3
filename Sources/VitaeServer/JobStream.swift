import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// One `GET /api/v1/sse/job/:jobId` connection, whose frames are written straight into the
/// channel from the channel's event loop.
///
/// Waking a Swift task per subscriber and event cost more CPU and latency than the write itself
/// with thousands of subscribers, so the hub groups streams by event loop and writes each event's
/// frame (framed once) to all of them in one loop task. Whoever serves the request writes only the
/// response head and end: `JobStreamChannelHandler` from the loop, or the route, whose task waits
/// on one continuation in between.
///
/// `@unchecked Sendable`: the `var`s are only touched on `eventLoop`; the `let`s are immutable.
final class JobStream: @unchecked Sendable {
    /// Reads a job's logged events after a sequence, as deliveries; for gaps the event feed left.
    typealias LogReader = @Sendable (_ jobId: String, _ after: Int) async -> [StreamDelivery]

    let id: UUID
    let jobId: String
    let channel: any Channel
    let eventLoop: any EventLoop
    private let readLog: LogReader
    /// Bytes that may wait for a slow client, in NIO's write buffer or while the stream is not yet
    /// live, before it is disconnected (it resumes from the event log with `Last-Event-ID`).
    private let bufferLimit: Int

    private enum Phase {
        /// Until the response head is out; messages published meanwhile wait here, in order.
        case pending(waiting: [StreamDelivery])
        /// Messages go straight to the channel until the stream ends, which `onEnd` reports.
        case live(onEnd: () -> Void)
        case ended
    }

    private var phase = Phase.pending(waiting: [])
    private var waitingBytes = 0
    /// What a new client gets first: `connected`, queue statistics and the backlog.
    private var opening: ByteBuffer?
    /// Whether the backlog ends with the terminal event, so the stream ends after `opening`.
    private var openingIsComplete = false
    /// The last event sequence the client got, so that an event in both the backlog and the live
    /// feed is written once.
    private var sent = 0
    /// While the events of a gap are read from the log: what arrived meanwhile, in order.
    private var heldDuringRecovery: [StreamDelivery]?
    /// Where body bytes go once live. A Hummingbird response without a length is chunked by NIO's
    /// `HTTPResponseEncoder` (its HTTP/1.1 head says so); the hub frames each event as a chunk once
    /// per event loop, and writing that below the encoder spares every delivery the trip through
    /// three handlers and the encoder's own allocation. Nil if the pipeline has no such encoder:
    /// frames then go through the pipeline's tail like Hummingbird's own writes.
    private var encoder: ChannelHandlerContext?

    init(id: UUID, jobId: String, channel: any Channel, bufferLimit: Int, readLog: @escaping LogReader) {
        self.id = id
        self.jobId = jobId
        self.readLog = readLog
        self.channel = channel
        self.eventLoop = channel.eventLoop
        self.bufferLimit = bufferLimit
    }

    /// Keeps the first frames until `run`; `sequence` is the last event among them (or the
    /// client's `Last-Event-ID`). Called before the response starts.
    func open(with frames: ByteBuffer, through sequence: Int, complete: Bool) {
        eventLoop.execute {
            self.opening = frames
            self.sent = sequence
            self.openingIsComplete = complete
        }
    }

    /// Writes the opening frames and then every message as it comes, and returns when the stream
    /// ends: after the terminal event, when the client is gone or too slow, or on `end()`.
    ///
    /// Ordering: Hummingbird writes the head through NIOAsyncChannel's writer, whose `write`
    /// hands the part to the event loop with `execute` before it returns, and an event loop runs
    /// `execute`d tasks in the order they were submitted; so the `execute` below runs after the
    /// head is in the pipeline, and so does the response end the route writes once this returns.
    func run() async {
        await withUnsafeContinuation { continuation in
            eventLoop.execute { self.goLive { continuation.resume() } }
        }
    }

    /// Writes the opening frames and then every message as it comes, until the stream ends;
    /// then calls `onEnd` (at once if it already ended). Runs on `eventLoop`, after the head.
    func goLive(onEnd: @escaping () -> Void) {
        guard case .pending(let waiting) = phase else {
            onEnd()
            return
        }
        phase = .live(onEnd: onEnd)
        waitingBytes = 0
        // A client that goes away is noticed when NIO fails a write or reads the socket's close;
        // either way the channel closes, and this ends the stream without a task per connection.
        channel.closeFuture.whenComplete { _ in self.end() }
        encoder = try? channel.pipeline.syncOperations.context(handlerType: HTTPResponseEncoder.self)
        if let opening { send(opening, chunk: opening.httpChunk()) }
        opening = nil
        if openingIsComplete { end() }
        for delivery in waiting { write(delivery) }
        flush()
    }

    /// Takes one message from the hub; runs on `eventLoop`. The caller flushes.
    func receive(_ delivery: StreamDelivery) {
        switch phase {
        case .ended:
            return
        case .pending(var waiting):
            phase = .ended  // drops the array's second reference so the append does not copy it
            if hold(delivery, in: &waiting) { phase = .pending(waiting: waiting) }
        case .live:
            write(delivery)
        }
    }

    private func write(_ delivery: StreamDelivery, acceptingGap: Bool = false) {
        guard case .live = phase else { return }
        if var held = heldDuringRecovery, !acceptingGap {
            heldDuringRecovery = nil  // as above: no copy on append
            if hold(delivery, in: &held) { heldDuringRecovery = held }
            return
        }
        if let sequence = delivery.sequence {
            guard sequence > sent else { return }
            if sequence > sent + 1, !acceptingGap { return recoverGap(before: delivery) }
            sent = sequence
        }
        guard channel.isWritable || pendingBytes <= bufferLimit else { return disconnect() }
        send(delivery.frame, chunk: delivery.chunk)
        if delivery.isTerminal { end() }
    }

    /// Keeps a delivery for later, within the byte limit; false when the client fell too far
    /// behind and was disconnected.
    private func hold(_ delivery: StreamDelivery, in held: inout [StreamDelivery]) -> Bool {
        waitingBytes += delivery.chunk.readableBytes
        guard waitingBytes <= bufferLimit else {
            disconnect()
            return false
        }
        held.append(delivery)
        return true
    }

    private func send(_ frame: ByteBuffer, chunk: ByteBuffer) {
        if let encoder {
            encoder.write(NIOAny(IOData.byteBuffer(chunk)), promise: nil)
        } else {
            channel.write(HTTPResponsePart.body(frame), promise: nil)
        }
    }

    /// A gap means the event feed lost events; the log has them, and they go out first, in order.
    private func recoverGap(before delivery: StreamDelivery) {
        heldDuringRecovery = [delivery]
        waitingBytes = delivery.chunk.readableBytes
        let (readLog, jobId, after) = (self.readLog, self.jobId, sent)
        Task {
            let missed = await readLog(jobId, after)
            self.eventLoop.execute { self.endRecovery(missed) }
        }
    }

    private func endRecovery(_ missed: [StreamDelivery]) {
        let held = heldDuringRecovery ?? []
        heldDuringRecovery = nil
        waitingBytes = 0
        // What the log does not have is gone for good; the stream goes on after it.
        for delivery in missed + held { write(delivery, acceptingGap: true) }
        flush()
    }

    func flush() {
        if let encoder { encoder.flush() } else { channel.flush() }
    }

    private var pendingBytes: Int {
        (try? channel.syncOptions?.getOption(.bufferedWritableBytes)) ?? 0
    }

    /// Closes a client that does not keep up: its buffers go with the channel, and it resumes by `Last-Event-ID`.
    private func disconnect() {
        end()
        channel.close(promise: nil)
    }

    /// Ends the stream: `onEnd` finishes the response and half-closes the connection.
    /// Runs on `eventLoop`; ending twice does nothing.
    func end() {
        let previous = phase
        phase = .ended
        if case .live(let onEnd) = previous { onEnd() }
    }
}

/// A hub message as job streams write it, made once per event loop: plain values, and bytes in
/// storage of the loop's own, so that loops writing the same event do not contend on shared
/// reference counts.
struct StreamDelivery: Sendable {
    /// The event's sequence; nil for heartbeats and queue statistics.
    var sequence: Int?
    var isTerminal = false
    /// The frame as one HTTP/1.1 chunk, for writing below NIO's response encoder.
    var chunk: ByteBuffer
    /// The bare frame, for a pipeline without that encoder.
    var frame: ByteBuffer

    init(_ message: HubMessage) {
        if case .event(let event) = message {
            sequence = event.sequence
            isTerminal = event.isTerminal
        }
        frame = message.frame
        chunk = frame.httpChunk()
    }
}

extension ByteBuffer {
    /// These bytes as one chunk of an HTTP/1.1 chunked body, in storage of their own.
    func httpChunk() -> ByteBuffer {
        let size = String(readableBytes, radix: 16)
        var chunk = ByteBuffer()
        chunk.reserveCapacity(size.utf8.count + readableBytes + 4)
        chunk.writeString(size)
        chunk.writeStaticString("\r\n")
        chunk.writeImmutableBuffer(self)
        chunk.writeStaticString("\r\n")
        return chunk
    }
}
