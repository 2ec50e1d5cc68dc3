import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore
import Logging
import ServiceLifecycle
import VitaeEngine
import VitaeStore

/// `GET /api/v1/sse/job/:jobId`, `GET /api/v1/sse/queue/:queueName` and `GET /api/v1/sse/stats`.
struct SSERoutes: Sendable {
    let store: any JobStore
    let hub: EventHub
    let retryMilliseconds: Int
    let queues: Set<String>
    let logger: Logger

    struct Connected: Encodable, Sendable {
        var connectionId: String
        var timestamp: Int64
        var message = "SSE connection established"
    }

    struct Heartbeat: Encodable, Sendable {
        var timestamp: Int64
    }

    struct Stats: Encodable, Sendable {
        var totalConnections: Int
        var totalJobSubscriptions: Int
        var eventsPublished: Int
        var connections: [ConnectionInfo]
    }

    func register(on router: Router<VitaeRequestContext>) {
        router.get("/api/v1/sse/job/:jobId") { request, context in try await stream(request, context: context) }
        router.get("/api/v1/sse/queue/:queueName") { _, context in try await queueStream(context: context) }
        router.get("/api/v1/sse/stats") { _, _ in
            let connections = hub.connections
            return JSONResponse.success(Stats(
                totalConnections: connections.count, totalJobSubscriptions: hub.jobSubscriptionCount,
                eventsPublished: hub.eventsPublished, connections: connections))
        }
    }

    static let streamHeaders: HTTPFields = [
        // The connection closes with the stream: clients that read the raw socket see the end at once.
        .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", .connection: "close",
        .accelBuffering: "no",
    ]

    /// What a job stream request asks for, from its path parameter, query and headers.
    struct JobStreamRequest: Sendable {
        var jobId: String
        var queueName: String?
        var lastEventId: Int?

        init(jobId: String, uri: URI, headers: HTTPFields) {
            self.jobId = jobId
            let query = uri.queryParameters
            queueName = query["queueName"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            // Browsers cannot set headers on the first request, so the query parameter stands in for the header.
            lastEventId = (headers[.lastEventId] ?? query["lastEventId"].map(String.init)).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
    }

    func stream(_ request: Request, context: VitaeRequestContext) async throws -> Response {
        let asked = JobStreamRequest(jobId: try context.parameters.require("jobId"), uri: request.uri, headers: request.headers)
        guard let stream = try await openStream(asked, on: context.channel) else {
            // The client saw the end: 204 tells a browser's EventSource to stop reconnecting.
            return Response(status: .noContent)
        }
        let log = StreamLog(logger: logger, connectionId: stream.id, subject: ("job", asked.jobId))
        let (hub, lastEventId) = (self.hub, asked.lastEventId)
        // The body captures little and keeps few values across its one wait: its closure context
        // and task frame stay allocated for as long as the stream is open, which is most of what
        // an idle connection costs.
        return Response(status: .ok, headers: Self.streamHeaders, body: ResponseBody { writer in
            let opened = log.opened(lastEventId: lastEventId)
            // The hub writes the frames from the event loop; this task only waits for the end.
            await Self.untilShutdownOrCancelled(ending: stream.id, on: hub) { await stream.run() }
            hub.unsubscribe(stream.id)
            log.closed(openedAt: opened)
            try await writer.finish(nil)
            // Half-close once the last bytes are out (NIO flushes pending writes first).
            stream.channel.close(mode: .output, promise: nil)
        })
    }

    /// Subscribes a job stream on `channel` and hands it its opening frames; nil when the client
    /// already saw the job's end (204). Throws for an unknown job or a failed look-up.
    func openStream(_ asked: JobStreamRequest, on channel: any Channel) async throws -> JobStream? {
        // Subscribe before reading the log, so an event committed in between is in one or the other.
        let stream = hub.subscribe(jobId: asked.jobId, queueName: asked.queueName, channel: channel)
        let backlog: [StoredEvent]
        do {
            guard let log = try await store.log(ofJob: asked.jobId, after: asked.lastEventId ?? 0) else {
                throw APIError.notFound(job: asked.jobId)
            }
            if let seen = asked.lastEventId, log.phase.isFinished, seen >= log.lastSequence {
                hub.unsubscribe(stream.id)
                return nil
            }
            hub.replayed(jobId: asked.jobId, through: log.events.last?.sequence ?? asked.lastEventId ?? 0)
            backlog = Self.currentRun(of: log.events, resuming: asked.lastEventId != nil)
        } catch {
            hub.unsubscribe(stream.id)
            throw error
        }
        let stats = if let queueName = asked.queueName { await hub.currentStats(queue: queueName) } else { QueueStatsPayload?.none }
        Self.open(stream, stats: stats, backlog: backlog, after: asked.lastEventId ?? 0, retryMilliseconds: retryMilliseconds)
        return stream
    }

    /// Every job's `job_update`s in one queue plus its `queue_stats`, for dashboards.
    ///
    /// These frames carry no `id:`: event ids are per job, so a queue stream cannot resume; a client
    /// that reconnects gets `connected` and the current `queue_stats` again and reloads the job list.
    func queueStream(context: VitaeRequestContext) async throws -> Response {
        let queueName = try context.parameters.require("queueName")
        guard queues.contains(queueName) else {
            throw APIError(.notFound, "unknown_queue", "No queue named '\(queueName)'; known queues: \(queues.sorted().joined(separator: ", "))")
        }
        let (connectionId, messages) = hub.watch(queueName: queueName)
        let initialStats = await hub.currentStats(queue: queueName)
        let (hub, store, channel, retry) = (self.hub, self.store, context.channel, retryMilliseconds)
        let log = StreamLog(logger: logger, connectionId: connectionId, subject: ("queue", queueName))
        return Response(status: .ok, headers: Self.streamHeaders, body: ResponseBody { writer in
            let opened = log.opened()
            defer {
                hub.unsubscribe(connectionId)
                log.closed(openedAt: opened)
            }
            try await writer.write(Self.connectedFrame(connectionId, retryMilliseconds: retry))
            if let initialStats { try await writer.write(initialStats.frame) }
            // The hub sends every job's events; a job's queue never changes, so one look-up per job suffices.
            var queueOf: [String: String] = [:]
            try await Self.untilShutdownOrCancelled(ending: connectionId, on: hub) {
                for await message in messages {
                    switch message {
                    case .event(let encoded):
                        let event = encoded.event
                        if queueOf[event.jobId] == nil, let job = try? await store.job(id: event.jobId) {
                            queueOf[event.jobId] = job.queue
                        }
                        guard queueOf[event.jobId] == queueName else { continue }
                        try await writer.write(ServerSentEvent(event: "job_update", data: event.update.jsonText).buffer)
                    case .control(let frame):
                        try await writer.write(frame)
                    }
                }
            }
            try await writer.finish(nil)
            channel.close(mode: .output, promise: nil)
        })
    }

    /// Hands a job stream the frames a new client gets first: `connected`, the queue's statistics
    /// when asked for, and the backlog. Not inlined, to keep the route's async frame small.
    @inline(never)
    static func open(_ stream: JobStream, stats: QueueStatsPayload?, backlog: [StoredEvent], after lastEventId: Int, retryMilliseconds: Int) {
        var opening = connectedFrame(stream.id)
        if let stats { opening.writeImmutableBuffer(stats.frame) }
        var sent = lastEventId
        var complete = false
        for event in backlog.map({ EncodedEvent($0, retryMilliseconds: retryMilliseconds) }) {
            opening.writeImmutableBuffer(event.frame)
            sent = event.sequence
            if event.isTerminal { complete = true }
        }
        stream.open(with: opening, through: sent, complete: complete)
    }

    static func connectedFrame(_ connectionId: UUID, retryMilliseconds: Int? = nil) -> ByteBuffer {
        ServerSentEvent(event: "connected", retryMilliseconds: retryMilliseconds,
                        json: Connected(connectionId: connectionId.uuidString.lowercased(), timestamp: Date().epochMilliseconds)).buffer
    }

    /// Waits for `body` until it returns; on shutdown or cancellation the hub ends the connection's
    /// stream first, which lets `body` return and the response finish.
    ///
    /// Not inlined, so that the wait's frame is its own and the streaming closures stay small.
    @inline(never)
    static func untilShutdownOrCancelled(ending connectionId: UUID, on hub: EventHub, _ body: () async throws -> Void) async rethrows {
        try await withTaskCancellationOrGracefulShutdownHandler(operation: body) { hub.unsubscribe(connectionId) }
    }

    /// A new subscriber gets the current run from its start: events before a terminal event that
    /// a manual retry followed belong to an earlier run and would end the client's stream early.
    static func currentRun(of events: [StoredEvent], resuming: Bool) -> [StoredEvent] {
        guard !resuming, let lastEarlierEnd = events.dropLast().lastIndex(where: { $0.update.status.isTerminal }) else {
            return events
        }
        return Array(events[(lastEarlierEnd + 1)...])
    }
}

/// The opened and closed lines of one SSE stream, at info level.
///
/// Kept out of the streaming closures (not inlined), where the logger's inlined code made the
/// suspended task frame of every idle stream several kilobytes larger; metadata is built only when
/// a line is logged.
struct StreamLog: Sendable {
    let logger: Logger
    let connectionId: UUID
    let subject: (key: String, value: String)

    @inline(never)
    func opened(lastEventId: Int? = nil) -> ContinuousClock.Instant {
        logger.info("SSE stream opened", metadata: metadata(lastEventId.map { ["lastEventId": "\($0)"] } ?? [:]))
        return .now
    }

    @inline(never)
    func closed(openedAt opened: ContinuousClock.Instant) {
        logger.info("SSE stream closed", metadata: metadata(["duration": "\((ContinuousClock.now - opened).formattedMilliseconds)"]))
    }

    private func metadata(_ extra: Logger.Metadata) -> Logger.Metadata {
        extra.merging(["connection": "\(connectionId.uuidString.lowercased())", subject.key: "\(subject.value)"]) { $1 }
    }
}
