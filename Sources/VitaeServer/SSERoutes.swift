import Foundation
import Hummingbird
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

    func stream(_ request: Request, context: VitaeRequestContext) async throws -> Response {
        let jobId = try context.parameters.require("jobId")
        let query = request.uri.queryParameters
        let queueName = query["queueName"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        // Browsers cannot set headers on the first request, so the query parameter stands in for the header.
        let lastEventId = (request.headers[.lastEventId] ?? query["lastEventId"].map(String.init)).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let job = try await store.job(id: jobId) else { throw APIError.notFound(job: jobId) }
        if let lastEventId, job.phase.isFinished, lastEventId >= job.lastSequence {
            // The client saw the end: 204 tells a browser's EventSource to stop reconnecting.
            return Response(status: .noContent)
        }
        // Subscribe before reading the log, so an event committed in between is in one or the other.
        let stream = hub.subscribe(jobId: jobId, queueName: queueName, channel: context.channel)
        let backlog: [StoredEvent]
        do {
            backlog = Self.currentRun(of: try await store.events(jobId: jobId, after: lastEventId ?? 0), resuming: lastEventId != nil)
        } catch {
            hub.unsubscribe(stream.id)
            throw error
        }
        let initialStats = if let queueName { await hub.currentStats(queue: queueName) } else { QueueStatsPayload?.none }
        let retry = retryMilliseconds
        let hub = self.hub
        let logger = self.logger
        return Response(status: .ok, headers: Self.streamHeaders, body: ResponseBody { writer in
            let opened = ContinuousClock.now
            logger.info("SSE stream opened", metadata: Self.logMetadata(stream.id, ("job", jobId), lastEventId.map { ["lastEventId": "\($0)"] } ?? [:]))
            defer {
                hub.unsubscribe(stream.id)
                logger.info("SSE stream closed", metadata: Self.logMetadata(stream.id, ("job", jobId), ["duration": "\((ContinuousClock.now - opened).formattedMilliseconds)"]))
            }
            try await writer.write(Self.connectedFrame(stream.id))
            if let initialStats { try await writer.write(initialStats.frame) }
            var sent = lastEventId ?? 0
            var finished = false
            for event in backlog.map({ EncodedEvent($0, retryMilliseconds: retry) }) {
                try await writer.write(event.frame)
                sent = event.sequence
                if event.isTerminal { finished = true }
            }
            if !finished {
                // The hub writes the live frames from the event loop; this task only waits for the end.
                await Self.untilShutdownOrCancelled(ending: stream.id, on: hub) { await stream.runLive(after: sent) }
            }
            try await writer.finish(nil)
            // Half-close once the last bytes are out (NIO flushes pending writes first).
            stream.channel.close(mode: .output, promise: nil)
        })
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
        let (hub, store, channel, retry, logger) = (self.hub, self.store, context.channel, retryMilliseconds, self.logger)
        return Response(status: .ok, headers: Self.streamHeaders, body: ResponseBody { writer in
            let opened = ContinuousClock.now
            logger.info("SSE stream opened", metadata: Self.logMetadata(connectionId, ("queue", queueName)))
            defer {
                hub.unsubscribe(connectionId)
                logger.info("SSE stream closed", metadata: Self.logMetadata(connectionId, ("queue", queueName), ["duration": "\((ContinuousClock.now - opened).formattedMilliseconds)"]))
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
                        try await writer.write(ServerSentEvent(event: "job_update", json: event.update).buffer)
                    case .control(let frame):
                        try await writer.write(frame)
                    }
                }
            }
            try await writer.finish(nil)
            channel.close(mode: .output, promise: nil)
        })
    }

    static func connectedFrame(_ connectionId: UUID, retryMilliseconds: Int? = nil) -> ByteBuffer {
        ServerSentEvent(event: "connected", retryMilliseconds: retryMilliseconds,
                        json: Connected(connectionId: connectionId.uuidString.lowercased(), timestamp: Date().epochMilliseconds)).buffer
    }

    /// Runs `body` until it returns or the server shuts down or the task is cancelled; then the hub
    /// ends the connection's stream, which lets `body` return and the response finish.
    static func untilShutdownOrCancelled<T>(ending connectionId: UUID, on hub: EventHub, _ body: () async throws -> T) async rethrows -> T {
        try await withGracefulShutdownHandler {
            try await withTaskCancellationHandler(operation: body) { hub.unsubscribe(connectionId) }
        } onGracefulShutdown: {
            hub.unsubscribe(connectionId)
        }
    }

    /// Metadata built only when a line is logged: stream logs are off at the default level, and
    /// thousands of idle streams should not each keep a Logger copy with its own metadata.
    static func logMetadata(_ connectionId: UUID, _ subject: (key: String, value: String), _ extra: Logger.Metadata = [:]) -> Logger.Metadata {
        extra.merging(["connection": "\(connectionId.uuidString.lowercased())", subject.key: "\(subject.value)"]) { $1 }
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
