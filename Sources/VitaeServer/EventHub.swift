import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import VitaeEngine
import VitaeStore

/// What the hub sends one SSE connection.
enum HubMessage: Sendable {
    case event(EncodedEvent)
    /// A heartbeat or queue statistics, framed once for every connection that gets it.
    case control(ByteBuffer)

    var frame: ByteBuffer {
        switch self {
        case .event(let event): event.frame
        case .control(let frame): frame
        }
    }
}

struct QueueStatsPayload: Codable, Sendable, Equatable {
    var queueName: String
    var waiting: Int
    var active: Int
    var completed: Int
    var failed: Int
    var cancelled: Int
    var timestamp: Int64
}

/// A connection's entry in `GET /api/v1/sse/stats`.
struct ConnectionInfo: Codable, Sendable {
    var connectionId: String
    /// Nil for a queue watcher, which gets the events of every job.
    var jobId: String?
    var queueName: String?
    var connectedAt: Int64
}

/// Fans committed job events out to the SSE connections of this process, with one heartbeat
/// timer and one queue-stats poller for all of them.
///
/// Job streams are written from their channels' event loops (see `JobStream`); queue watchers,
/// which look up each job's queue, get messages through a bounded `AsyncStream`. A client too
/// slow to keep up is disconnected and resumes from the event log with `Last-Event-ID`, so memory
/// stays bounded and nothing is lost.
final class EventHub: Service, Sendable {
    private enum Sink {
        case stream(JobStream)
        case watcher(AsyncStream<HubMessage>.Continuation)
    }

    private struct Subscriber {
        var info: ConnectionInfo
        var sink: Sink
    }

    private struct State {
        var subscribers: [UUID: Subscriber] = [:]
        /// Each job's streams, ready to hand to their event loops without a look-up per subscriber.
        var byJob: [String: [UUID: JobStream]] = [:]
        var byQueue: [String: Set<UUID>] = [:]
        /// Queue watchers: they get every job's events and keep those of their queue.
        var watchers: [UUID: AsyncStream<HubMessage>.Continuation] = [:]
        var lastStats: [String: QueueStatsPayload] = [:]
        /// The highest sequence each watched job's subscribers were sent (published here or replayed from the log).
        var delivered: [String: Int] = [:]
        /// Jobs whose log was ahead of `delivered` at the last check, with the log's last sequence then.
        var behind: [String: Int] = [:]
        var changedSinceStats = false
        var eventsPublished = 0
    }

    private let state = Mutex(State())
    private let store: any JobStore
    private let feed: any EventFeed
    private let heartbeatInterval: Duration
    private let bufferBytes: Int
    private let retryMilliseconds: Int
    private let statsInterval: Duration
    private let reconcileInterval: Duration
    /// How job streams read a gap the event feed left from the log; one closure for all of them.
    private let readLog: JobStream.LogReader
    private let logger: Logger
    private let metrics: ServerMetrics?

    init(store: any JobStore, feed: any EventFeed, heartbeatInterval: Duration, bufferBytes: Int, retryMilliseconds: Int,
         statsInterval: Duration = .milliseconds(500), reconcileInterval: Duration = .seconds(2), metrics: ServerMetrics? = nil,
         logger: Logger) {
        self.reconcileInterval = reconcileInterval
        readLog = { jobId, after in
            let events = (try? await store.events(jobId: jobId, after: after)) ?? []
            return events.map { StreamDelivery(.event(EncodedEvent($0, retryMilliseconds: retryMilliseconds))) }
        }
        self.retryMilliseconds = retryMilliseconds
        self.store = store
        self.feed = feed
        self.heartbeatInterval = heartbeatInterval
        self.bufferBytes = bufferBytes
        self.statsInterval = statsInterval
        self.metrics = metrics
        self.logger = logger
    }

    /// Subscribes a job stream on `channel`; it keeps messages until its route calls `run`.
    /// Not inlined: inlined into the route, its temporaries went to the connection task's
    /// allocator, which keeps its peak for as long as the stream is open.
    @inline(never)
    func subscribe(jobId: String, queueName: String?, channel: any Channel) -> JobStream {
        let stream = JobStream(id: UUID(), jobId: jobId, channel: channel, bufferLimit: bufferBytes, readLog: readLog)
        add(stream.id, .stream(stream), jobId: jobId, queueName: queueName)
        return stream
    }

    /// Subscribes a queue watcher, which gets every job's events.
    func watch(queueName: String) -> (id: UUID, messages: AsyncStream<HubMessage>) {
        // A watcher's buffer holds whole messages; allow about as many as a job stream's bytes would.
        let (messages, continuation) = AsyncStream<HubMessage>.makeStream(bufferingPolicy: .bufferingOldest(max(16, bufferBytes / 512)))
        let id = UUID()
        add(id, .watcher(continuation), jobId: nil, queueName: queueName)
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, messages)
    }

    private func add(_ id: UUID, _ sink: Sink, jobId: String?, queueName: String?) {
        let info = ConnectionInfo(connectionId: id.uuidString.lowercased(), jobId: jobId, queueName: queueName,
                                  connectedAt: Date().epochMilliseconds)
        state.withLock { state in
            state.subscribers[id] = Subscriber(info: info, sink: sink)
            switch sink {
            case .stream(let stream): state.byJob[jobId ?? "", default: [:]][id] = stream
            case .watcher(let continuation): state.watchers[id] = continuation
            }
            if let queueName { state.byQueue[queueName, default: []].insert(id) }
        }
    }

    /// Removes a connection and ends its stream; removing it twice does nothing.
    func unsubscribe(_ id: UUID) {
        let removed = state.withLock { state -> Subscriber? in
            guard let subscriber = state.subscribers.removeValue(forKey: id) else { return nil }
            state.watchers[id] = nil
            if let jobId = subscriber.info.jobId {
                state.byJob[jobId]?[id] = nil
                if state.byJob[jobId]?.isEmpty == true {
                    state.byJob[jobId] = nil
                    state.delivered[jobId] = nil
                    state.behind[jobId] = nil
                }
            }
            if let queue = subscriber.info.queueName {
                state.byQueue[queue]?.remove(id)
                if state.byQueue[queue]?.isEmpty == true { state.byQueue[queue] = nil }
            }
            return subscriber
        }
        switch removed?.sink {
        case .stream(let stream): stream.eventLoop.execute { stream.end() }
        case .watcher(let continuation): continuation.finish()
        case nil: break
        }
    }

    var connections: [ConnectionInfo] {
        state.withLock { $0.subscribers.values.map(\.info).sorted { $0.connectedAt < $1.connectedAt } }
    }

    var jobSubscriptionCount: Int { state.withLock { $0.byJob.count } }

    var eventsPublished: Int { state.withLock { $0.eventsPublished } }

    /// A new subscriber of `jobId` was sent the job's log up to `sequence`.
    func replayed(jobId: String, through sequence: Int) {
        state.withLock { state in
            if state.byJob[jobId] != nil { state.delivered[jobId] = max(state.delivered[jobId] ?? 0, sequence) }
        }
    }

    /// Whether any connection wants this job's events now.
    func isWatched(_ jobId: String) -> Bool {
        state.withLock { !$0.watchers.isEmpty || $0.byJob[jobId] != nil }
    }

    func publish(_ events: [StoredEvent]) {
        guard !events.isEmpty else { return }
        // Copies of the dictionaries are O(1) (copy on write): the lock is held only that long.
        let (deliveries, watchers) = state.withLock { state in
            state.changedSinceStats = true
            state.eventsPublished += events.count
            var deliveries: [(event: StoredEvent, streams: [UUID: JobStream])] = []
            for event in events {
                let streams = state.byJob[event.jobId]
                if streams != nil { state.delivered[event.jobId] = max(state.delivered[event.jobId] ?? 0, event.sequence) }
                if streams != nil || !state.watchers.isEmpty { deliveries.append((event, streams ?? [:])) }
            }
            return (deliveries, state.watchers)
        }
        metrics?.eventsPublished(events.count)
        for (event, streams) in deliveries {
            // Framed once, however many connections watch the job.
            deliver(.event(EncodedEvent(event, retryMilliseconds: retryMilliseconds)),
                    to: streams.values.lazy.map(Sink.stream) + watchers.values.lazy.map(Sink.watcher))
        }
    }

    /// Hands a message to each event loop once, for all of its streams, and to each queue watcher.
    private func deliver(_ message: HubMessage, to sinks: some Sequence<Sink>) {
        var byLoop: [(loop: any EventLoop, streams: [JobStream])] = []
        for sink in sinks {
            switch sink {
            case .stream(let stream):
                if let index = byLoop.firstIndex(where: { $0.loop === stream.eventLoop }) {
                    byLoop[index].streams.append(stream)
                } else {
                    byLoop.append((stream.eventLoop, [stream]))
                }
            case .watcher(let continuation):
                if case .dropped = continuation.yield(message) {
                    logger.notice("disconnecting a slow SSE queue watcher")
                    continuation.finish()
                }
            }
        }
        for (loop, streams) in byLoop {
            let delivery = StreamDelivery(message)
            loop.execute {
                for stream in streams { stream.receive(delivery) }
                for stream in streams { stream.flush() }
            }
        }
    }

    /// The latest counts of a queue, for a connection that just opened.
    func currentStats(queue: String) async -> QueueStatsPayload? {
        guard let counts = try? await store.counts(queue: queue) else { return nil }
        return QueueStatsPayload(queueName: queue, counts: counts)
    }

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await events in self.feed.committedEvents(wanted: { [weak self] in self?.isWatched($0) ?? false }) { self.publish(events) }
            }
            group.addTask { await self.tick(every: self.reconcileInterval) { await self.reconcile() } }
            group.addTask { await self.tick(every: self.heartbeatInterval) { self.heartbeat() } }
            group.addTask { await self.tick(every: self.statsInterval) { await self.refreshQueueStats() } }
            try? await gracefulShutdown()
            group.cancelAll()
        }
        // Ending every stream lets open SSE responses finish, so the HTTP server can stop.
        let all = state.withLock { Array($0.subscribers.keys) }
        all.forEach(unsubscribe)
    }

    private func tick(every interval: Duration, _ action: @Sendable () async -> Void) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if Task.isCancelled { return }
            await action()
        }
    }

    private func heartbeat() {
        let sinks = state.withLock { state in state.subscribers.values.map(\.sink) }
        deliver(.control(ServerSentEvent(event: "heartbeat", json: SSERoutes.Heartbeat(timestamp: Date().epochMilliseconds)).buffer),
                to: sinks)
    }

    /// The safety net under the event feed: a watched job whose log stays ahead of what its subscribers
    /// were sent for a whole interval gets the missing events from the log. Normally it finds nothing
    /// (events in flight arrive within the interval); when it does, it says so, since it means the
    /// feed lost events (for PostgreSQL, a notification that never arrived).
    private func reconcile() async {
        let watched = state.withLock { Array($0.byJob.keys) }
        guard !watched.isEmpty, let logged = try? await store.lastSequences(of: watched) else { return }
        // Only what was logged by the last check counts as lost; anything newer may still be on its way.
        let missing = state.withLock { state -> [(jobId: String, sent: Int, lost: Int)] in
            var missing: [(jobId: String, sent: Int, lost: Int)] = []
            var behind: [String: Int] = [:]
            for (jobId, last) in logged {
                let sent = state.delivered[jobId] ?? 0
                guard last > sent else { continue }
                if let before = state.behind[jobId], before > sent { missing.append((jobId, sent, before)) }
                behind[jobId] = last
            }
            state.behind = behind
            return missing
        }
        for (jobId, sent, lost) in missing {
            guard let events = try? await store.events(jobId: jobId, after: sent).filter({ $0.sequence <= lost }), !events.isEmpty else { continue }
            logger.warning("recovered events the event feed did not deliver", metadata: ["job": "\(jobId)", "events": "\(events.count)"])
            metrics?.eventsRecovered(events.count)
            publish(events)
        }
    }

    /// Sends `queue_stats` to a queue's watchers when its counts changed, at most once per interval.
    private func refreshQueueStats() async {
        let queues = state.withLock { state -> [String] in
            guard state.changedSinceStats else { return [] }
            state.changedSinceStats = false
            return Array(state.byQueue.keys)
        }
        for queue in queues {
            guard let stats = await currentStats(queue: queue) else { continue }
            let sinks = state.withLock { state -> [Sink] in
                guard state.lastStats[queue]?.sameCounts(as: stats) != true else { return [] }
                state.lastStats[queue] = stats
                return (state.byQueue[queue] ?? []).compactMap { state.subscribers[$0]?.sink }
            }
            deliver(.control(stats.frame), to: sinks)
        }
    }
}

extension QueueStatsPayload {
    init(queueName: String, counts: QueueCounts) {
        self.init(queueName: queueName, waiting: counts.waiting, active: counts.active, completed: counts.completed,
                  failed: counts.failed, cancelled: counts.cancelled, timestamp: Date().epochMilliseconds)
    }

    var frame: ByteBuffer { ServerSentEvent(event: "queue_stats", json: self).buffer }

    func sameCounts(as other: QueueStatsPayload) -> Bool {
        (waiting, active, completed, failed, cancelled) == (other.waiting, other.active, other.completed, other.failed, other.cancelled)
    }
}
