import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import VitaeEngine
import VitaeStore

/// What the hub sends one SSE connection.
enum HubMessage: Sendable {
    case event(EncodedEvent)
    case heartbeat(timestamp: Int64)
    case queueStats(QueueStatsPayload)
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
/// Each connection has a bounded buffer; a client too slow to drain it is disconnected and
/// resumes from the event log with `Last-Event-ID`, so memory stays bounded and nothing is lost.
final class EventHub: Service, Sendable {
    private struct Subscriber {
        var info: ConnectionInfo
        var continuation: AsyncStream<HubMessage>.Continuation
    }

    private struct State {
        var subscribers: [UUID: Subscriber] = [:]
        var byJob: [String: Set<UUID>] = [:]
        var byQueue: [String: Set<UUID>] = [:]
        /// Queue watchers: they get every job's events and keep those of their queue.
        var everyJob: Set<UUID> = []
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
    private let bufferLimit: Int
    private let retryMilliseconds: Int
    private let statsInterval: Duration
    private let reconcileInterval: Duration
    private let logger: Logger
    private let metrics: ServerMetrics?

    init(store: any JobStore, feed: any EventFeed, heartbeatInterval: Duration, bufferLimit: Int, retryMilliseconds: Int,
         statsInterval: Duration = .milliseconds(500), reconcileInterval: Duration = .seconds(2), metrics: ServerMetrics? = nil,
         logger: Logger) {
        self.reconcileInterval = reconcileInterval
        self.retryMilliseconds = retryMilliseconds
        self.store = store
        self.feed = feed
        self.heartbeatInterval = heartbeatInterval
        self.bufferLimit = bufferLimit
        self.statsInterval = statsInterval
        self.metrics = metrics
        self.logger = logger
    }

    /// Subscribes to one job's events, or with a nil `jobId` to every job's (a queue watcher).
    func subscribe(jobId: String?, queueName: String?) -> (id: UUID, messages: AsyncStream<HubMessage>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<HubMessage>.makeStream(bufferingPolicy: .bufferingOldest(bufferLimit))
        let info = ConnectionInfo(connectionId: id.uuidString.lowercased(), jobId: jobId, queueName: queueName,
                                  connectedAt: Date().epochMilliseconds)
        state.withLock { state in
            state.subscribers[id] = Subscriber(info: info, continuation: continuation)
            if let jobId { state.byJob[jobId, default: []].insert(id) } else { state.everyJob.insert(id) }
            if let queueName { state.byQueue[queueName, default: []].insert(id) }
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        let removed = state.withLock { state -> Subscriber? in
            guard let subscriber = state.subscribers.removeValue(forKey: id) else { return nil }
            state.everyJob.remove(id)
            if let jobId = subscriber.info.jobId {
                state.byJob[jobId]?.remove(id)
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
        removed?.continuation.finish()
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
        state.withLock { !$0.everyJob.isEmpty || $0.byJob[jobId] != nil }
    }

    func publish(_ event: StoredEvent) {
        let targets = state.withLock { state -> [(UUID, AsyncStream<HubMessage>.Continuation)] in
            state.changedSinceStats = true
            state.eventsPublished += 1
            if state.byJob[event.jobId] != nil { state.delivered[event.jobId] = max(state.delivered[event.jobId] ?? 0, event.sequence) }
            return (state.byJob[event.jobId, default: []].union(state.everyJob)).compactMap { id in
                state.subscribers[id].map { (id, $0.continuation) }
            }
        }
        metrics?.eventPublished()
        guard !targets.isEmpty else { return }
        // Framed once, however many connections watch the job.
        deliver(.event(EncodedEvent(event, retryMilliseconds: retryMilliseconds)), to: targets)
    }

    private func deliver(_ message: HubMessage, to targets: [(UUID, AsyncStream<HubMessage>.Continuation)]) {
        for (id, continuation) in targets {
            if case .dropped = continuation.yield(message) {
                logger.notice("disconnecting a slow SSE client", metadata: ["connection": "\(id)"])
                unsubscribe(id)
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
                for await event in self.feed.committedEvents(wanted: { [weak self] in self?.isWatched($0) ?? false }) { self.publish(event) }
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
        let targets = state.withLock { state in state.subscribers.map { ($0.key, $0.value.continuation) } }
        deliver(.heartbeat(timestamp: Date().epochMilliseconds), to: targets)
    }

    /// The safety net under the event feed: a watched job whose log stays ahead of what its subscribers
    /// were sent for a whole interval gets the missing events from the log. Normally it finds nothing
    /// (events in flight arrive within the interval); when it does, it says so, since it means the
    /// feed lost events (for PostgreSQL, a notification that never arrived).
    private func reconcile() async {
        let watched = state.withLock { Array($0.byJob.keys) }
        guard !watched.isEmpty, let logged = try? await store.lastSequences(of: watched) else { return }
        let missing = state.withLock { state -> [(String, Int)] in
            var missing: [(String, Int)] = []
            var behind: [String: Int] = [:]
            for (jobId, last) in logged {
                let sent = state.delivered[jobId] ?? 0
                guard last > sent else { continue }
                if let before = state.behind[jobId], before > sent { missing.append((jobId, sent)) }
                behind[jobId] = last
            }
            state.behind = behind
            return missing
        }
        for (jobId, sent) in missing {
            guard let events = try? await store.events(jobId: jobId, after: sent), !events.isEmpty else { continue }
            logger.warning("recovered events the event feed did not deliver", metadata: ["job": "\(jobId)", "events": "\(events.count)"])
            metrics?.eventsRecovered(events.count)
            events.forEach(publish)
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
            let targets = state.withLock { state -> [(UUID, AsyncStream<HubMessage>.Continuation)] in
                guard state.lastStats[queue]?.sameCounts(as: stats) != true else { return [] }
                state.lastStats[queue] = stats
                return (state.byQueue[queue] ?? []).compactMap { id in state.subscribers[id].map { (id, $0.continuation) } }
            }
            deliver(.queueStats(stats), to: targets)
        }
    }
}

extension QueueStatsPayload {
    init(queueName: String, counts: QueueCounts) {
        self.init(queueName: queueName, waiting: counts.waiting, active: counts.active, completed: counts.completed,
                  failed: counts.failed, cancelled: counts.cancelled, timestamp: Date().epochMilliseconds)
    }

    func sameCounts(as other: QueueStatsPayload) -> Bool {
        (waiting, active, completed, failed, cancelled) == (other.waiting, other.active, other.completed, other.failed, other.cancelled)
    }
}
