import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import VitaeEngine
import VitaeStore

/// Runs queued jobs in this process: claims them with a lease, runs their queue's pipeline,
/// and writes every update to the job's log.
///
/// On shutdown it stops claiming, lets running jobs finish within the grace period and hands
/// the rest back to the queue. A process that dies leaves its jobs to be claimed again when
/// their leases run out.
public final class WorkerPool: Service, Sendable {
    private let store: any JobStore
    private let feed: any EventFeed
    private let blobs: any BlobStore
    private let pipelines: [String: Pipeline]
    private let environment: RunEnvironment
    private let concurrency: Int
    private let lease: Duration
    private let gracePeriod: Duration
    private let pollInterval: Duration
    private let logger: Logger
    private let metrics: ServerMetrics?
    private let workerId: String
    private let running = Mutex<[String: Task<Void, Never>]>([:])
    private let shuttingDown = Mutex(false)
    /// Rung when work may be waiting: a job was queued or a running one ended.
    private let doorbell: AsyncStream<Void>
    private let ring: AsyncStream<Void>.Continuation

    public init(
        store: any JobStore, feed: any EventFeed, blobs: any BlobStore, pipelines: [String: Pipeline],
        environment: RunEnvironment = .init(), concurrency: Int, lease: Duration, gracePeriod: Duration,
        pollInterval: Duration = .seconds(1), metrics: ServerMetrics? = nil, logger: Logger
    ) {
        self.store = store
        self.feed = feed
        self.blobs = blobs
        self.pipelines = pipelines
        self.environment = environment
        self.concurrency = concurrency
        self.lease = lease
        self.gracePeriod = gracePeriod
        self.pollInterval = pollInterval
        self.logger = logger
        self.metrics = metrics
        (doorbell, ring) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.workerId = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    public func run() async throws {
        guard concurrency > 0 else {
            try? await gracefulShutdown()
            return
        }
        await withTaskGroup(of: Void.self) { group in
            // New work announces itself through the event feed, so idle workers wake at once.
            group.addTask {
                for await _ in self.feed.readyJobs() { self.ring.yield() }
            }
            group.addTask { await self.renewLeases() }
            group.addTask { await self.dispatch() }
            group.addTask { await self.poll() }
            try? await gracefulShutdown()
            shuttingDown.withLock { $0 = true }
            ring.yield()
            await drain()
            group.cancelAll()
            ring.finish()
        }
    }

    /// Claims jobs while there is capacity, each time the doorbell rings.
    private func dispatch() async {
        ring.yield()
        for await _ in doorbell {
            if Task.isCancelled || shuttingDown.withLock({ $0 }) { return }
            while true {
                let free = concurrency - running.withLock { $0.count }
                guard free > 0 else { break }
                let claimed: [JobRecord]
                do {
                    claimed = try await store.claim(queues: Array(pipelines.keys), worker: workerId, limit: free, lease: lease)
                } catch {
                    logger.error("claiming jobs failed", metadata: ["error": "\(error)"])
                    break
                }
                claimed.forEach(start)
                if claimed.count < free { break }
            }
        }
    }

    /// Rings the doorbell now and then for what no event announces: delayed retries and expired leases.
    private func poll() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: pollInterval)
            ring.yield()
        }
    }

    private func start(_ job: JobRecord) {
        // The lock is held while the task is registered, so its own removal cannot come first.
        running.withLock { running in
            running[job.id] = Task {
                await self.perform(job)
                _ = self.running.withLock { $0.removeValue(forKey: job.id) }
                self.ring.yield()
            }
        }
    }

    /// Runs one claimed job to a terminal update, a retry, or a hand-back on shutdown.
    private func perform(_ job: JobRecord) async {
        var log = logger
        log[metadataKey: "job"] = "\(job.id)"
        guard let pipeline = pipelines[job.queue] else {
            await finish(JobUpdate(jobId: job.id, status: .failed, progress: job.progress, stage: nil,
                                   message: "No pipeline serves queue \(job.queue)", error: "No pipeline serves queue \(job.queue)",
                                   errorCode: "unknown_queue"), job: job, log: log)
            return
        }
        let input: JobInput
        do {
            input = try JobInput(jobData: job.data, blobs: blobs)
        } catch {
            let failure = JobError(error)
            await finish(JobUpdate(jobId: job.id, status: .failed, progress: job.progress, stage: .initializing,
                                   message: failure.errorMessage, error: failure.errorMessage, errorCode: failure.errorCode),
                         job: job, log: log)
            return
        }
        // A job that ran before (crashed, handed back on shutdown, or retried after an error) repeats
        // its earlier steps; their updates are already in the log, so writing resumes after the last
        // logged one and subscribers see no step twice and no bar going back.
        var replay = ReplayGuard(job)
        let started = ContinuousClock.now
        var stage: (name: StageName, since: ContinuousClock.Instant)?
        // The pipeline runs as a child task and drops its updates in an inbox; each pass here writes
        // every update waiting there in one go, so a quick job costs a few commits, not one per update.
        let inbox = UpdateInbox()
        var ended = false
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [environment] in
                await pipeline.execute(jobId: job.id, input: input, environment: environment) { inbox.put($0) }
                inbox.close()
            }
            var bell = inbox.bell.makeAsyncIterator()
            while true {
                let (batch, closed) = inbox.drain()
                var fresh: [JobUpdate] = []
                var terminal: JobUpdate?
                for update in batch {
                    // A stage lasts from its first update to the first update of another stage (or the end).
                    if let current = stage, update.stage != current.name || update.status.isTerminal {
                        metrics?.stageFinished(queue: job.queue, stage: current.name, duration: ContinuousClock.now - current.since)
                        stage = nil
                    }
                    if stage == nil, let name = update.stage, !update.status.isTerminal { stage = (name, ContinuousClock.now) }
                    if update.status.isTerminal {
                        terminal = update
                        break
                    }
                    if replay.isNew(update) { fresh.append(update) }
                }
                if let terminal, terminal.errorCode != "cancelled" {
                    // The last updates and the end commit together.
                    await finish(terminal, following: fresh, job: job, log: log, started: started)
                    log.info("job finished", metadata: ["status": "\(terminal.status.rawValue)", "duration": "\(ContinuousClock.now - started)"])
                    ended = true
                    return
                }
                if !fresh.isEmpty {
                    do {
                        _ = try await store.append(fresh, worker: workerId)
                    } catch {
                        // Cancelled or taken by another worker: stop the pipeline.
                        log.notice("stopping: \(error)")
                        ended = true
                        group.cancelAll()
                        return
                    }
                }
                // A cancelled run (shutdown) ends below.
                if terminal != nil { return }
                if batch.isEmpty {
                    if closed { return }
                    // Nil when this task is cancelled (shutdown): the pipeline child is cancelled with it.
                    guard await bell.next() != nil else { return }
                }
            }
        }
        // Cancelled before the end: on shutdown the job goes back to the queue for the next process.
        if !ended, shuttingDown.withLock({ $0 }) {
            try? await store.release(jobId: job.id, worker: workerId)
            log.info("handed back to the queue on shutdown")
        }
    }

    private func finish(_ update: JobUpdate, following: [JobUpdate] = [], job: JobRecord, log: Logger,
                        started: ContinuousClock.Instant = .now) async {
        let outcome = update
        var update = update
        var retryAt: Date?
        if update.status == .failed, Self.isTransient(update.errorCode), job.attempts < job.maxAttempts {
            let delay = min(60, pow(2, Double(job.attempts - 1)))
            retryAt = Date().addingTimeInterval(delay)
            update = JobUpdate(jobId: job.id, status: .queued, progress: max(update.progress, job.progress), stage: update.stage,
                               message: "Attempt \(job.attempts) failed (\(update.error ?? "error")); retrying in \(Int(delay)) s")
        }
        do {
            _ = try await store.finish(update, following: following, worker: workerId, retryAt: retryAt)
        } catch {
            log.notice("could not record the end of the job: \(error)")
            return
        }
        if retryAt != nil {
            metrics?.jobRetried(queue: job.queue, automatic: true)
        } else {
            metrics?.jobFinished(queue: job.queue, status: outcome.status, errorCode: outcome.errorCode, stage: outcome.stage,
                                 duration: ContinuousClock.now - started)
        }
    }

    /// Failures worth another attempt; a broken file fails the same way every time.
    static func isTransient(_ code: String?) -> Bool {
        ["internal_error", "worker_lost", "input_unreadable"].contains(code ?? "")
    }

    private func renewLeases() async {
        let interval = lease / 3
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let ids = running.withLock { Array($0.keys) }
            guard !ids.isEmpty else { continue }
            do {
                let lost = try await store.renewLeases(worker: workerId, jobIds: ids, lease: lease)
                for id in lost { running.withLock { $0[id] }?.cancel() }
            } catch {
                logger.error("renewing leases failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Waits for running jobs up to the grace period, then cancels the rest (which hands them back).
    private func drain() async {
        let deadline = ContinuousClock.now + gracePeriod
        while ContinuousClock.now < deadline, !running.withLock({ $0.isEmpty }) {
            try? await Task.sleep(for: .milliseconds(50))
        }
        let left = running.withLock { Array($0.values) }
        if !left.isEmpty { logger.info("handing \(left.count) running job(s) back to the queue") }
        left.forEach { $0.cancel() }
        for task in left { await task.value }
    }
}

/// Tells which updates of a repeated run the log already has: those before the last logged one.
struct ReplayGuard {
    /// The last update the log has from an earlier attempt; nil once this run has passed it.
    private var lastLogged: (progress: Int, stage: String?, message: String?)?

    init(_ job: JobRecord) {
        // A stage is set once a run has logged a step; a fresh or manually retried job has none.
        lastLogged = job.stage != nil ? (job.progress, job.stage, job.message) : nil
    }

    mutating func isNew(_ update: JobUpdate) -> Bool {
        guard let last = lastLogged else { return true }
        if update.progress < last.progress { return false }
        if update.progress == last.progress {
            // Several steps can share one whole percent; the one that matches is the last logged.
            if update.stage?.rawValue == last.stage && update.message == last.message { lastLogged = nil }
            return false
        }
        lastLogged = nil
        return true
    }
}

/// Where a running pipeline leaves its updates for the worker to write in batches.
final class UpdateInbox: Sendable {
    private let state = Mutex<(updates: [JobUpdate], closed: Bool)>(([], false))
    let bell: AsyncStream<Void>
    private let ring: AsyncStream<Void>.Continuation

    init() {
        (bell, ring) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    func put(_ update: JobUpdate) {
        state.withLock { $0.updates.append(update) }
        ring.yield()
    }

    func close() {
        state.withLock { $0.closed = true }
        ring.yield()
    }

    /// Everything waiting, and whether the pipeline has ended.
    func drain() -> (updates: [JobUpdate], closed: Bool) {
        state.withLock { state in
            defer { state.updates.removeAll(keepingCapacity: true) }
            return (state.updates, state.closed)
        }
    }
}
