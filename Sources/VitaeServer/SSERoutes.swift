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
        let (connectionId, messages) = hub.subscribe(jobId: jobId, queueName: queueName)
        let backlog: [StoredEvent]
        do {
            let logged = try await store.events(jobId: jobId, after: lastEventId ?? 0)
            hub.replayed(jobId: jobId, through: logged.last?.sequence ?? lastEventId ?? 0)
            backlog = Self.currentRun(of: logged, resuming: lastEventId != nil)
        } catch {
            hub.unsubscribe(connectionId)
            throw error
        }
        let initialStats = if let queueName { await hub.currentStats(queue: queueName) } else { QueueStatsPayload?.none }
        let retry = retryMilliseconds
        let (hub, store) = (self.hub, self.store)
        let channel = context.channel
        let log = streamLogger(connectionId, ["job": "\(jobId)"])
        return Response(status: .ok, headers: Self.streamHeaders, body: ResponseBody { writer in
            let opened = ContinuousClock.now
            log.info("SSE stream opened", metadata: lastEventId.map { ["lastEventId": "\($0)"] } ?? [:])
            defer {
                hub.unsubscribe(connectionId)
                log.info("SSE stream closed", metadata: ["duration": "\((ContinuousClock.now - opened).formattedMilliseconds)"])
            }
            try await writer.write(ServerSentEvent(
                event: "connected",
                json: Connected(connectionId: connectionId.uuidString.lowercased(), timestamp: Date().epochMilliseconds)).buffer)
            if let initialStats { try await writer.write(ServerSentEvent(event: "queue_stats", json: initialStats).buffer) }
            var sent = lastEventId ?? 0
            var finished = false
            for event in backlog.map({ EncodedEvent($0, retryMilliseconds: retry) }) {
                try await writer.write(event.frame)
                sent = event.sequence
                if event.isTerminal { finished = true }
            }
            if !finished {
                // On shutdown the subscription ends, which ends this loop and lets the response finish.
                try await withGracefulShutdownHandler {
                    loop: for await message in messages {
                        switch message {
                        case .event(let event) where event.sequence > sent:
                            // A gap means the feed lost events; the log has them, and they go out first, in order.
                            let missed = event.sequence > sent + 1 ? (try? await store.events(jobId: jobId, after: sent)) ?? [] : []
                            for event in missed.map({ EncodedEvent($0, retryMilliseconds: retry) }) + [event] where event.sequence > sent {
                                try await writer.write(event.frame)
                                sent = event.sequence
                                if event.isTerminal { break loop }
                            }
                        case .event:
                            continue
                        case .heartbeat, .queueStats:
                            try await writer.write(message.controlFrame)
                        }
                    }
                } onGracefulShutdown: {
                    hub.unsubscribe(connectionId)
                }
            }
            try await writer.finish(nil)
            // Half-close once the last bytes are out (NIO flushes pending writes first).
            channel.close(mode: .output, promise: nil)
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
        let (connectionId, messages) = hub.subscribe(jobId: nil, queueName: queueName)
        let initialStats = await hub.currentStats(queue: queueName)
        let (hub, store, channel, retry) = (self.hub, self.store, context.channel, retryMilliseconds)
        let log = streamLogger(connectionId, ["queue": "\(queueName)"])
        return Response(status: .ok, headers: Self.streamHeaders, body: ResponseBody { writer in
            let opened = ContinuousClock.now
            log.info("SSE stream opened")
            defer {
                hub.unsubscribe(connectionId)
                log.info("SSE stream closed", metadata: ["duration": "\((ContinuousClock.now - opened).formattedMilliseconds)"])
            }
            try await writer.write(ServerSentEvent(
                event: "connected", retryMilliseconds: retry,
                json: Connected(connectionId: connectionId.uuidString.lowercased(), timestamp: Date().epochMilliseconds)).buffer)
            if let initialStats { try await writer.write(ServerSentEvent(event: "queue_stats", json: initialStats).buffer) }
            // The hub sends every job's events; a job's queue never changes, so one look-up per job suffices.
            var queueOf: [String: String] = [:]
            try await withGracefulShutdownHandler {
                for await message in messages {
                    switch message {
                    case .event(let encoded):
                        let event = encoded.event
                        if queueOf[event.jobId] == nil, let job = try? await store.job(id: event.jobId) {
                            queueOf[event.jobId] = job.queue
                        }
                        guard queueOf[event.jobId] == queueName else { continue }
                        try await writer.write(ServerSentEvent(event: "job_update", data: event.update.jsonText).buffer)
                    case .heartbeat, .queueStats:
                        try await writer.write(message.controlFrame)
                    }
                }
            } onGracefulShutdown: {
                hub.unsubscribe(connectionId)
            }
            try await writer.finish(nil)
            channel.close(mode: .output, promise: nil)
        })
    }

    private func streamLogger(_ connectionId: UUID, _ metadata: Logger.Metadata) -> Logger {
        var log = logger
        log[metadataKey: "connection"] = "\(connectionId.uuidString.lowercased())"
        for (key, value) in metadata { log[metadataKey: key] = value }
        return log
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

extension HubMessage {
    /// The frame of a heartbeat or of queue statistics, which every stream sends alike.
    var controlFrame: ByteBuffer {
        switch self {
        case .heartbeat(let timestamp): ServerSentEvent(event: "heartbeat", json: SSERoutes.Heartbeat(timestamp: timestamp)).buffer
        case .queueStats(let stats): ServerSentEvent(event: "queue_stats", json: stats).buffer
        case .event(let encoded): encoded.frame
        }
    }
}
