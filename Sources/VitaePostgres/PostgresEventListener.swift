import Foundation
import Logging
import PostgresNIO
import Synchronization
import VitaeStore

/// This process's one LISTEN connection, fanned out to every `committedEvents()` and `readyJobs()`
/// stream. The connection only listens; events are read through the pool.
///
/// An event notification carries only `<jobId>:<first sequence of a batch>`; the events themselves
/// are read from the log, every sequence above the last one this process saw of each job, and the
/// notifications that arrive while a read runs are read together in the next one, so a busy queue
/// costs few reads and nothing is skipped. A process with no event subscriber (a `vitae worker`)
/// reads nothing; it only wakes on `vitae_ready`, sent when a job is added or queued again.
/// If the connection drops, the listener reconnects,
/// LISTENs again and then re-reads the events inserted since shortly before it last knew it was
/// connected (by the server's clock, the same for every writer), so subscribers miss nothing; they
/// may see an event twice and drop it by sequence, as the `EventFeed` contract says.
final class PostgresEventListener: Sendable {
    static let channel = "vitae_events"
    /// Payload: the queue of a job that became ready to claim.
    static let readyChannel = "vitae_ready"
    /// How far before the last sign of life catch-up reads: longer than any event-writing transaction.
    static let catchUpSlack = "30 seconds"
    /// Finished jobs whose last sequence is remembered, so stale notifications cost no reads.
    static let finishedMemory = 10_000

    private struct Subscribers {
        var continuations: [UUID: (continuation: AsyncStream<[StoredEvent]>.Continuation, wanted: @Sendable (String) -> Bool)] = [:]
        var ready: [UUID: AsyncStream<Void>.Continuation] = [:]
        var task: Task<Void, Never>?
        var stopped = false
    }

    /// What the listening task knows; only that task touches it, the lock keeps the compiler convinced.
    private struct Progress {
        var lastSeen: [String: Int] = [:]
        var finished: [String] = []
        var finishedStart = 0
        /// The server time of the last sign that the LISTEN connection was alive; nil before the first connection.
        var aliveAt: Date?
        /// Jobs notified but not read yet, with the sequence to read after.
        var unread: [String: Int] = [:]
    }

    private let database: PostgresDatabase
    private let subscribers = Mutex(Subscribers())
    private let progress = Mutex(Progress())
    private let keepAliveInterval: Duration

    init(database: PostgresDatabase, keepAliveInterval: Duration = .seconds(2)) {
        self.database = database
        self.keepAliveInterval = keepAliveInterval
    }

    /// The committed events of the jobs `wanted` says yes to when their notification arrives (and
    /// anything caught up after a reconnection).
    func subscribe(wanted: @escaping @Sendable (String) -> Bool) -> AsyncStream<[StoredEvent]> {
        let (stream, continuation) = AsyncStream<[StoredEvent]>.makeStream()
        let id = UUID()
        continuation.onTermination = { [weak self] _ in _ = self?.subscribers.withLock { $0.continuations.removeValue(forKey: id) } }
        if !register({ $0.continuations[id] = (continuation, wanted) }) { continuation.finish() }
        return stream
    }

    /// Rings when a job may have become ready to claim; costs no reads.
    func subscribeReady() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in _ = self?.subscribers.withLock { $0.ready.removeValue(forKey: id) } }
        if !register({ $0.ready[id] = continuation }) { continuation.finish() }
        return stream
    }

    /// Adds a subscriber, and starts listening with the first; false once stopped.
    private func register(_ add: (inout Subscribers) -> Void) -> Bool {
        subscribers.withLock { state in
            guard !state.stopped else { return false }
            add(&state)
            if state.task == nil { state.task = Task { await self.listen() } }
            return true
        }
    }

    func stop() {
        let (task, continuations, ready) = subscribers.withLock { state in
            state.stopped = true
            defer { (state.continuations, state.ready) = ([:], [:]) }
            return (state.task, state.continuations.values.map(\.continuation), Array(state.ready.values))
        }
        task?.cancel()
        continuations.forEach { $0.finish() }
        ready.forEach { $0.finish() }
    }

    private func yield(_ events: [StoredEvent]) {
        guard !events.isEmpty else { return }
        let targets = subscribers.withLock { $0.continuations.values.map(\.continuation) }
        for target in targets { target.yield(events) }
    }

    // MARK: The connection

    private func listen() async {
        let logger = database.logger
        var failures = 0
        var connectionID = 1
        while !Task.isCancelled {
            do {
                let configuration = try database.url.connectionConfiguration
                let connection = try await PostgresConnection.connect(configuration: configuration, id: connectionID, logger: logger)
                connectionID += 1
                defer { Task { try? await connection.close() } }
                try await connection.listen(on: Self.channel) { notifications in
                    try await connection.listen(on: Self.readyChannel) { readyNotifications in
                        failures = 0
                        try await self.catchUp()
                        let (unread, ringUnread) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            // A half-open TCP connection delivers nothing and reports nothing; a periodic query
                            // notices it, and records the server time catch-up will start from.
                            group.addTask { try await self.keepAlive(connection) }
                            group.addTask {
                                for try await notification in notifications where self.note(notification.payload) {
                                    ringUnread.yield()
                                }
                                throw CancellationError()
                            }
                            group.addTask {
                                for await _ in unread { try await self.readUnread() }
                            }
                            group.addTask {
                                for try await _ in readyNotifications { self.ringReady() }
                                throw CancellationError()
                            }
                            try await group.next()
                            group.cancelAll()
                        }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                failures += 1
                if failures == 1 || failures % 30 == 0 {
                    logger.warning("the event LISTEN connection failed; reconnecting",
                                   metadata: ["error": "\(PostgresDatabase.explain(error))"])
                }
            }
            // Back off a little, up to a second, so a database restart is not hammered.
            try? await Task.sleep(for: .milliseconds(min(1000, 50 * (1 << min(failures, 5)))))
        }
    }

    /// Repeats the (idempotent) LISTEN as the probe, so the connection's last statement in `pg_stat_activity`
    /// stays `LISTEN` and operators can find it; the server time comes from the pool right after.
    private func keepAlive(_ connection: PostgresConnection) async throws {
        while !Task.isCancelled {
            try await Task.sleep(for: keepAliveInterval)
            try await connection.query("LISTEN \(unescaped: Self.channel)", logger: database.logger)
            let now = try await serverTime()
            progress.withLock { $0.aliveAt = now }
        }
    }

    private func serverTime() async throws -> Date {
        try await database.rows("SELECT now()").first?.decode(Date.self) ?? Date()
    }

    /// After (re)connecting: the events inserted since shortly before the listener last knew it was connected.
    private func catchUp() async throws {
        let logger = database.logger
        let aliveAt = progress.withLock { $0.aliveAt }
        let serverNow = try await serverTime()
        progress.withLock { $0.aliveAt = serverNow }
        // Jobs may have been queued while the connection was down.
        ringReady()
        // A process that only claims jobs (a `vitae worker`) has no use for past events.
        guard subscribers.withLock({ !$0.continuations.isEmpty }) else { return }
        // The first connection starts from now: a subscriber created just before it may have missed events in between.
        let since = aliveAt ?? serverNow
        let rows = try await database.rows("""
            SELECT job_id, sequence, body FROM vitae_job_events
            WHERE inserted_at >= \(since) - \(Self.catchUpSlack)::interval ORDER BY position
            """)
        var events: [StoredEvent] = []
        for row in rows {
            let event = try PostgresJobStore.event(row)
            if record(event) { events.append(event) }
        }
        if aliveAt != nil { logger.info("event LISTEN connection restored", metadata: ["caughtUp": "\(events.count)"]) }
        yield(events)
    }

    private func ringReady() {
        for continuation in subscribers.withLock({ Array($0.ready.values) }) { continuation.yield() }
    }

    /// Notes a notified job for the next read; false if there is nothing new to read, or nobody wants it.
    /// A job not read now is read from a later notification's batch on, when somebody wants it: a
    /// subscriber reads what came before from the log itself (see `EventFeed`).
    private func note(_ payload: String) -> Bool {
        guard let colon = payload.lastIndex(of: ":"), let first = Int(payload[payload.index(after: colon)...]) else { return false }
        let jobId = String(payload[..<colon])
        let wanted = subscribers.withLock { $0.continuations.values.map(\.wanted) }
        guard wanted.contains(where: { $0(jobId) }) else { return false }
        return progress.withLock { progress in
            // A job first heard of now is read from the notified sequence; earlier events were before this listener.
            let after = progress.lastSeen[jobId] ?? (first - 1)
            // Events commit in whole batches, so a batch whose first sequence was seen was seen whole.
            guard first > after else { return false }
            progress.unread[jobId] = min(progress.unread[jobId] ?? after, after)
            return true
        }
    }

    /// Reads the events of every job noted since the last read, in one query.
    private func readUnread() async throws {
        let unread = progress.withLock { progress in
            defer { progress.unread = [:] }
            return progress.unread
        }
        guard !unread.isEmpty else { return }
        let rows = try await database.rows("""
            SELECT e.job_id, e.sequence, e.body FROM unnest(\(Array(unread.keys))::text[], \(Array(unread.values))::bigint[]) AS w(job_id, after)
            JOIN vitae_job_events e ON e.job_id = w.job_id AND e.sequence > w.after ORDER BY e.position
            """)
        var events: [StoredEvent] = []
        for row in rows {
            let event = try PostgresJobStore.event(row)
            if record(event) { events.append(event) }
        }
        yield(events)
    }

    /// Notes an event as seen; false if it was seen already.
    private func record(_ event: StoredEvent) -> Bool {
        progress.withLock { progress in
            if let seen = progress.lastSeen[event.jobId], event.sequence <= seen { return false }
            progress.lastSeen[event.jobId] = event.sequence
            if event.update.status.isTerminal {
                progress.finished.append(event.jobId)
                if progress.finished.count - progress.finishedStart > Self.finishedMemory {
                    let oldest = progress.finished[progress.finishedStart]
                    progress.finishedStart += 1
                    progress.lastSeen[oldest] = nil
                    if progress.finishedStart > Self.finishedMemory {
                        progress.finished.removeFirst(progress.finishedStart)
                        progress.finishedStart = 0
                    }
                }
            }
            return true
        }
    }
}
