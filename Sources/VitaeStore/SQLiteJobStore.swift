import Foundation
import GRDB
import Synchronization
import VitaeEngine

/// The embedded default: one SQLite file in WAL mode, for a single `vitae serve` process.
public final class SQLiteJobStore: JobStore, EventFeed {
    private let pool: DatabasePool
    private let writer: GroupCommit
    private let listeners = EventListeners()
    private let leaseSweep = LeaseSweep()

    /// The time leases and retries are measured against; tests move it by hand.
    private let clock: @Sendable () -> Date

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, clock: @escaping @Sendable () -> Date = Date.init) throws {
        self.clock = clock
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "vitae"
        // Progress writes need not reach the disk one by one: in WAL mode NORMAL survives a crash of
        // the process, and what the caller was promised (an accepted job) is written with FULL below.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
        writer = GroupCommit(pool: pool, recordMoves: Self.recordMoves, committed: listeners.announce)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE jobs (
                    id TEXT PRIMARY KEY NOT NULL,
                    queue TEXT NOT NULL,
                    name TEXT NOT NULL,
                    data TEXT NOT NULL,
                    phase TEXT NOT NULL,
                    priority INTEGER NOT NULL,
                    attempts INTEGER NOT NULL,
                    max_attempts INTEGER NOT NULL,
                    progress INTEGER NOT NULL,
                    stage TEXT,
                    message TEXT,
                    result TEXT,
                    error TEXT,
                    error_code TEXT,
                    created_at INTEGER NOT NULL,
                    run_at INTEGER NOT NULL,
                    started_at INTEGER,
                    finished_at INTEGER,
                    last_sequence INTEGER NOT NULL,
                    lease_owner TEXT,
                    lease_expires_at INTEGER
                );
                CREATE INDEX jobs_ready ON jobs (queue, phase, priority DESC, run_at, created_at);
                CREATE INDEX jobs_recent ON jobs (queue, created_at DESC);
                CREATE TABLE job_events (
                    job_id TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    body TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (job_id, sequence)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2: queue counts") { db in
            // Statistics are asked for often (dashboards, queue_stats events, metrics scrapes) and the
            // finished jobs only grow, so the counts are kept as jobs change instead of counted each time.
            try db.execute(sql: """
                CREATE TABLE queue_counts (
                    queue TEXT NOT NULL,
                    phase TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (queue, phase)
                ) WITHOUT ROWID;
                INSERT INTO queue_counts SELECT queue, phase, COUNT(*) FROM jobs GROUP BY queue, phase;
                CREATE TRIGGER jobs_counted_on_insert AFTER INSERT ON jobs BEGIN
                    INSERT INTO queue_counts VALUES (new.queue, new.phase, 1) ON CONFLICT DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER jobs_counted_on_update AFTER UPDATE OF phase ON jobs WHEN old.phase <> new.phase BEGIN
                    UPDATE queue_counts SET n = n - 1 WHERE queue = old.queue AND phase = old.phase;
                    INSERT INTO queue_counts VALUES (new.queue, new.phase, 1) ON CONFLICT DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER jobs_counted_on_delete AFTER DELETE ON jobs BEGIN
                    UPDATE queue_counts SET n = n - 1 WHERE queue = old.queue AND phase = old.phase;
                END;
                """)
        }
        migrator.registerMigration("v3: partial indexes for claims") { db in
            // Claims look only at waiting jobs and sweeps only at running ones; finished jobs, most of the
            // table, stay out of both indexes, so a job's end removes one small entry instead of moving one.
            try db.execute(sql: """
                DROP INDEX jobs_ready;
                CREATE INDEX jobs_waiting ON jobs (queue, priority DESC, run_at, created_at) WHERE phase = 'waiting';
                CREATE INDEX jobs_running ON jobs (queue, lease_expires_at) WHERE phase = 'active';
                """)
        }
        migrator.registerMigration("v4: one event row per write") { db in
            // A worker writes a job's quick steps together; one row for them is one append at the end of
            // the table and one small index entry, where a row per event (in a table ordered by job, with
            // the bodies in the index's pages) was six inserts scattered over the file.
            try db.execute(sql: """
                ALTER TABLE job_events RENAME TO job_events_v1;
                CREATE TABLE job_events (
                    job_id TEXT NOT NULL,
                    first_sequence INTEGER NOT NULL,
                    last_sequence INTEGER NOT NULL,
                    updates TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX job_events_by_job ON job_events (job_id, last_sequence);
                INSERT INTO job_events (job_id, first_sequence, last_sequence, updates, created_at)
                    SELECT job_id, sequence, sequence, '[' || body || ']', created_at FROM job_events_v1 ORDER BY job_id, sequence;
                DROP TABLE job_events_v1;
                """)
        }
        migrator.registerMigration("v5: counts kept per group") { db in
            // The store records each group's moves between phases in one statement per queue and phase
            // (`recordMoves`); the triggers cost two statements per job and change.
            try db.execute(sql: """
                DROP TRIGGER jobs_counted_on_insert;
                DROP TRIGGER jobs_counted_on_update;
                DROP TRIGGER jobs_counted_on_delete;
                """)
        }
        return migrator
    }

    // MARK: EventFeed

    /// Every event: they are in memory already, so there is nothing to save by filtering.
    public func committedEvents(wanted: @escaping @Sendable (String) -> Bool) -> AsyncStream<[StoredEvent]> {
        listeners.stream()
    }

    public func readyJobs() -> AsyncStream<Void> {
        listeners.readyStream()
    }

    /// Runs a read on one of GRDB's reader connections without blocking a Swift concurrency thread:
    /// GRDB's async `read` waits for a free connection on the calling thread, which starves the
    /// cooperative pool (two threads on two cores) once many SSE connections read at once.
    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            pool.asyncRead { database in
                continuation.resume(with: Result { try body(try database.get()) })
            }
        }
    }

    /// Runs a write in the next committed group; its events are announced once committed.
    /// `durable` waits for the disk (fsync), for changes a client was told are accepted.
    private func write<T: Sendable>(durable: Bool = false, _ body: @escaping GroupCommit.Write<T>) async throws -> T {
        try await writer.submit(durable: durable, body)
    }

    /// Adds a group's moves between phases to the counts: one statement per queue and phase changed.
    private static func recordMoves(_ db: Database, _ moves: PhaseMoves) throws {
        guard !moves.changes.isEmpty else { return }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO queue_counts (queue, phase, n) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n
            """)
        for (key, change) in moves.changes { try upsert.execute(arguments: [key.queue, key.phase.rawValue, change]) }
    }

    // MARK: JobStore

    public func add(_ job: NewJob, queued: JobUpdate) async throws -> AddOutcome {
        let data = job.data.jsonText
        let updates = Self.updatesText([queued.jsonText])
        return try await write(durable: true) { db, moves in
            if let existing = try Self.fetchJob(db, id: job.id) { return (.existing(existing), []) }
            let now = self.clock().epochMilliseconds
            try db.execute(sql: """
                INSERT INTO jobs (id, queue, name, data, phase, priority, attempts, max_attempts, progress, stage,
                                  message, created_at, run_at, last_sequence)
                VALUES (?, ?, ?, ?, 'waiting', ?, 0, ?, ?, ?, ?, ?, ?, 1)
                """,
                arguments: [job.id, job.queue, job.name, data, job.priority, job.maxAttempts, queued.progress,
                            queued.stage?.rawValue, queued.message, now, now])
            try db.execute(sql: "INSERT INTO job_events (job_id, first_sequence, last_sequence, updates, created_at) VALUES (?, 1, 1, ?, ?)",
                           arguments: [job.id, updates, now])
            moves.move(queue: job.queue, from: nil, to: .waiting)
            let record = try Self.fetchJob(db, id: job.id)!
            let event = StoredEvent(jobId: job.id, sequence: 1, update: queued)
            return (.added(record, event), [event])
        }
    }

    public func job(id: String) async throws -> JobRecord? {
        try await read { db in try Self.fetchJob(db, id: id) }
    }

    public func claim(queues: [String], worker: String, limit: Int, lease: Duration) async throws -> [JobRecord] {
        guard !queues.isEmpty, limit > 0 else { return [] }
        let leaseMs = lease.milliseconds
        let rows = try await write { db, moves in
            let now = self.clock().epochMilliseconds
            var events: [StoredEvent] = []
            // Waiting jobs are read from the ready index in claim order, one queue at a time, so a claim
            // reads about `limit` rows however many jobs the table holds (with an IN list or an OR over
            // phases, SQLite sorts every job of the queues on each claim).
            let waiting = try db.cachedStatement(sql: """
                SELECT id, priority, run_at, created_at FROM jobs WHERE queue = ? AND phase = 'waiting' AND run_at <= ?
                ORDER BY priority DESC, run_at, created_at LIMIT ?
                """)
            var candidates: [ClaimCandidate] = []
            for queue in queues {
                candidates += try Row.fetchAll(waiting, arguments: [queue, now, limit]).map { ClaimCandidate($0, waitingIn: queue) }
            }
            if self.leaseSweep.isDue(now: now) {
                let expired = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT id, priority, run_at, created_at, attempts >= max_attempts AS exhausted FROM jobs
                    WHERE queue IN (\(databaseQuestionMarks(count: queues.count))) AND phase = 'active' AND lease_expires_at < ?
                    """), arguments: StatementArguments(queues) + [now])
                for row in expired {
                    // A job whose worker vanished and that has no attempts left fails here, once.
                    if row["exhausted"] {
                        let record = try Self.fetchJob(db, id: row["id"])!
                        events.append(try self.appendTerminal(db, record: record, update: StoreUpdates.workerLost(record), phase: .failed,
                                                              now: now, moves: &moves))
                    } else {
                        candidates.append(ClaimCandidate(row, waitingIn: nil))
                    }
                }
            }
            let taken = candidates.sorted().prefix(limit)
            for queue in taken.compactMap(\.waitingIn) { moves.move(queue: queue, from: .waiting, to: .active) }
            let chosen = taken.map(\.id)
            guard !chosen.isEmpty else { return (CopiedRows([]), events) }
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                UPDATE jobs SET phase = 'active', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?,
                       started_at = COALESCE(started_at, ?)
                WHERE id IN (\(databaseQuestionMarks(count: chosen.count))) RETURNING \(Self.jobColumns)
                """), arguments: [worker, now + leaseMs, now] + StatementArguments(chosen))
            return (CopiedRows(rows), events)
        }
        // Decoded here, not on the writer, which every other write waits for.
        return StoreUpdates.claimOrder(try rows.rows.map(Self.record))
    }

    public func renewLeases(worker: String, jobIds: [String], lease: Duration) async throws -> Set<String> {
        guard !jobIds.isEmpty else { return [] }
        let leaseMs = lease.milliseconds
        return try await write { db, _ in
            let now = self.clock().epochMilliseconds
            let renewed = try String.fetchAll(db, sql: """
                UPDATE jobs SET lease_expires_at = ? WHERE lease_owner = ? AND phase = 'active'
                AND id IN (\(databaseQuestionMarks(count: jobIds.count))) RETURNING id
                """, arguments: [now + leaseMs, worker] + StatementArguments(jobIds))
            return (Set(jobIds).subtracting(renewed), [])
        }
    }

    public func append(_ updates: [JobUpdate], worker: String) async throws -> [StoredEvent] {
        guard let latest = updates.last else { return [] }
        let text = Self.updatesText(updates.map(\.jsonText))
        return try await write { db, _ in
            let held = try Int.fetchOne(db.cachedStatement(sql: """
                UPDATE jobs SET last_sequence = last_sequence + ?, progress = ?, stage = ?, message = ?
                WHERE id = ? AND phase = 'active' AND lease_owner = ? RETURNING last_sequence
                """), arguments: [updates.count, latest.progress, latest.stage?.rawValue, latest.message, latest.jobId, worker])
            guard let held else { throw StoreError.leaseLost(jobId: latest.jobId) }
            let events = try Self.insertEvents(db, updates, text: text, through: held, now: self.clock().epochMilliseconds)
            return (events, events)
        }
    }

    public func finish(_ update: JobUpdate, following: [JobUpdate], worker: String, retryAt: Date?) async throws -> [StoredEvent] {
        let updates = following + [update]
        let text = Self.updatesText(updates.map(\.jsonText))
        let result = update.result?.jsonText
        return try await write { db, moves in
            let now = self.clock().epochMilliseconds
            let held: Row?
            let phase = retryAt == nil ? StoreUpdates.phase(after: update) : .waiting
            if let retryAt {
                // The job keeps the progress and stage of its last logged step, which a repeated run resumes after.
                let latest = following.last
                held = try Row.fetchOne(db.cachedStatement(sql: """
                    UPDATE jobs SET last_sequence = last_sequence + ?, phase = 'waiting', run_at = ?, lease_owner = NULL,
                           lease_expires_at = NULL, error = ?, error_code = ?, message = ?,
                           progress = COALESCE(?, progress), stage = IIF(?, ?, stage)
                    WHERE id = ? AND phase = 'active' AND lease_owner = ? RETURNING last_sequence, queue
                    """), arguments: [updates.count, retryAt.epochMilliseconds, update.error, update.errorCode, update.message,
                                      latest?.progress, latest != nil, latest?.stage?.rawValue, update.jobId, worker])
            } else {
                held = try Row.fetchOne(db.cachedStatement(sql: """
                    UPDATE jobs SET last_sequence = last_sequence + ?, phase = ?, progress = ?, stage = ?, message = ?, result = ?,
                           error = ?, error_code = ?, finished_at = ?, lease_owner = NULL, lease_expires_at = NULL
                    WHERE id = ? AND phase = 'active' AND lease_owner = ? RETURNING last_sequence, queue
                    """), arguments: [updates.count, phase.rawValue, update.progress, update.stage?.rawValue,
                                      update.message, result, update.error, update.errorCode, now, update.jobId, worker])
            }
            guard let held else { throw StoreError.leaseLost(jobId: update.jobId) }
            moves.move(queue: held[1], from: .active, to: phase)
            let events = try Self.insertEvents(db, updates, text: text, through: held[0], now: now)
            return (events, events)
        }
    }

    public func release(jobId: String, worker: String) async throws {
        try await write { db, moves in
            let queue = try String.fetchOne(db, sql: """
                UPDATE jobs SET phase = 'waiting', attempts = MAX(attempts - 1, 0), lease_owner = NULL,
                       lease_expires_at = NULL, run_at = ? WHERE id = ? AND phase = 'active' AND lease_owner = ? RETURNING queue
                """, arguments: [self.clock().epochMilliseconds, jobId, worker])
            if let queue { moves.move(queue: queue, from: .active, to: .waiting) }
            return ((), [])
        }
    }

    public func retry(jobId: String) async throws -> StoredEvent {
        try await write(durable: true) { db, moves in
            guard let record = try Self.fetchJob(db, id: jobId) else { throw StoreError.notFound(jobId: jobId) }
            guard record.phase == .failed || record.phase == .cancelled else {
                throw StoreError.conflict(jobId: jobId, phase: record.phase, action: "retry")
            }
            let now = self.clock().epochMilliseconds
            let update = StoreUpdates.requeued(jobId: jobId)
            let event = try self.appendEvent(db, jobId: jobId, update: update, now: now)
            try db.execute(sql: """
                UPDATE jobs SET phase = 'waiting', attempts = 0, run_at = ?, progress = 0, stage = NULL, message = ?,
                       result = NULL, error = NULL, error_code = NULL, finished_at = NULL WHERE id = ?
                """, arguments: [now, update.message, jobId])
            moves.move(queue: record.queue, from: record.phase, to: .waiting)
            return (event, [event])
        }
    }

    public func cancel(jobId: String) async throws -> StoredEvent {
        try await write(durable: true) { db, moves in
            guard let record = try Self.fetchJob(db, id: jobId) else { throw StoreError.notFound(jobId: jobId) }
            guard !record.phase.isFinished else {
                throw StoreError.conflict(jobId: jobId, phase: record.phase, action: "cancel")
            }
            let update = StoreUpdates.cancelled(record)
            let event = try self.appendTerminal(db, record: record, update: update, phase: .cancelled,
                                                now: self.clock().epochMilliseconds, moves: &moves)
            return (event, [event])
        }
    }

    public func events(jobId: String, after: Int) async throws -> [StoredEvent] {
        let rows = try await read { db in try Self.eventRows(db, jobId: jobId, after: after) }
        return try Self.decodeEvents(rows, jobId: jobId, after: after)
    }

    /// One read for both: a crowd of clients opening streams at once (after a restart, say) costs one
    /// reader transaction each instead of two.
    public func log(ofJob jobId: String, after: Int) async throws -> JobLog? {
        let found = try await read { db -> (JobPhase, Int, [(Int, String)])? in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT phase, last_sequence FROM jobs WHERE id = ?"), arguments: [jobId])
            else { return nil }
            return (JobPhase(rawValue: row[0]) ?? .failed, row[1], try Self.eventRows(db, jobId: jobId, after: after))
        }
        guard let (phase, lastSequence, rows) = found else { return nil }
        return JobLog(phase: phase, lastSequence: lastSequence, events: try Self.decodeEvents(rows, jobId: jobId, after: after))
    }

    /// The rows holding the job's events above `after`: each a first sequence and its updates' JSON array.
    private static func eventRows(_ db: Database, jobId: String, after: Int) throws -> [(Int, String)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT first_sequence, updates FROM job_events WHERE job_id = ? AND last_sequence > ? ORDER BY last_sequence
            """), arguments: [jobId, after]).map { row in (row[0], row[1]) }
    }

    /// Decoded off the reader, which other reads wait for.
    private static func decodeEvents(_ rows: [(Int, String)], jobId: String, after: Int) throws -> [StoredEvent] {
        let decoder = JSONDecoder()
        return try rows.flatMap { first, text in
            try decoder.decode([JobUpdate].self, from: Data(text.utf8)).enumerated().map { offset, update in
                StoredEvent(jobId: jobId, sequence: first + offset, update: update)
            }
        }.filter { $0.sequence > after }
    }

    public func lastSequences(of jobIds: [String]) async throws -> [String: Int] {
        guard !jobIds.isEmpty else { return [:] }
        return try await read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, last_sequence FROM jobs WHERE id IN (\(databaseQuestionMarks(count: jobIds.count)))",
                                        arguments: StatementArguments(jobIds))
            return Dictionary(uniqueKeysWithValues: rows.map { (row: Row) -> (String, Int) in (row[0], row[1]) })
        }
    }

    /// The uploads named by jobs that are waiting, running, or finished at or after `cutoff`.
    func uploadsInUse(since cutoff: Date) async throws -> Set<String> {
        let columns = UploadReferences.keys.map { "json_extract(data, '$.\($0)')" }.joined(separator: ", ")
        return try await read { db in
            var names = Set<String>()
            let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM jobs WHERE phase IN ('waiting', 'active') OR finished_at >= ?",
                                           arguments: [cutoff.epochMilliseconds])
            while let row = try rows.next() {
                for index in UploadReferences.keys.indices { if let name: String = row[index] { names.insert(name) } }
            }
            return names
        }
    }

    public func counts(queue: String) async throws -> QueueCounts {
        try await read { db in
            var counts = QueueCounts()
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT phase, n FROM queue_counts WHERE queue = ?"), arguments: [queue]) {
                if let phase = JobPhase(rawValue: row["phase"]) { counts[phase] = row["n"] }
            }
            return counts
        }
    }

    public func recentJobs(queue: String, limit: Int) async throws -> [JobRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.jobColumns) FROM jobs WHERE queue = ? ORDER BY created_at DESC, id LIMIT ?", arguments: [queue, limit])
                .map(Self.record)
        }
    }

    // MARK: Rows

    private func appendEvent(_ db: Database, jobId: String, update: JobUpdate, now: Int64) throws -> StoredEvent {
        let sequence = try Int.fetchOne(db.cachedStatement(sql: "UPDATE jobs SET last_sequence = last_sequence + 1 WHERE id = ? RETURNING last_sequence"),
                                        arguments: [jobId])!
        return try Self.insertEvents(db, [update], text: Self.updatesText([update.jsonText]), through: sequence, now: now)[0]
    }

    /// The `updates` column: a JSON array of the updates a row logs.
    private static func updatesText(_ bodies: [String]) -> String {
        "[" + bodies.joined(separator: ",") + "]"
    }

    /// Logs `updates` of one job, written as `text`, under the sequences that end at `last`, which the
    /// caller reserved. One row for all of them: a job's quick steps usually arrive together.
    private static func insertEvents(_ db: Database, _ updates: [JobUpdate], text: String, through last: Int, now: Int64) throws -> [StoredEvent] {
        guard let jobId = updates.first?.jobId else { return [] }
        let first = last - updates.count + 1
        try db.cachedStatement(sql: "INSERT INTO job_events (job_id, first_sequence, last_sequence, updates, created_at) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [jobId, first, last, text, now])
        return updates.enumerated().map { offset, update in StoredEvent(jobId: jobId, sequence: first + offset, update: update) }
    }

    private func appendTerminal(_ db: Database, record: JobRecord, update: JobUpdate, phase: JobPhase, now: Int64,
                                moves: inout PhaseMoves) throws -> StoredEvent {
        let event = try appendEvent(db, jobId: record.id, update: update, now: now)
        moves.move(queue: record.queue, from: record.phase, to: phase)
        try db.execute(sql: """
            UPDATE jobs SET phase = ?, progress = ?, stage = ?, message = ?, result = ?, error = ?, error_code = ?,
                   finished_at = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = ?
            """, arguments: [phase.rawValue, update.progress, update.stage?.rawValue, update.message,
                             update.result?.jsonText, update.error, update.errorCode, now, record.id])
        return event
    }

    private static func fetchJob(_ db: Database, id: String) throws -> JobRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.jobColumns) FROM jobs WHERE id = ?"), arguments: [id]).map(record)
    }

    /// The columns `record` reads, in its order: read by position, since a lookup by name costs a
    /// case-insensitive comparison per column and claims decode every job they take.
    private static let jobColumns = """
        id, queue, name, data, phase, priority, attempts, max_attempts, progress, stage, message, result, error, error_code,
        created_at, run_at, started_at, finished_at, last_sequence
        """

    private static func record(_ row: Row) throws -> JobRecord {
        func json(_ column: Int) throws -> JSONValue? {
            guard let text: String = row[column] else { return nil }
            return try JSONValue(parsing: text)
        }
        return JobRecord(
            id: row[0], queue: row[1], name: row[2], data: try json(3) ?? .null,
            phase: JobPhase(rawValue: row[4]) ?? .failed, priority: row[5], attempts: row[6],
            maxAttempts: row[7], progress: row[8], stage: row[9], message: row[10],
            result: try json(11), error: row[12], errorCode: row[13], createdAt: row[14],
            runAt: row[15], startedAt: row[16], finishedAt: row[17], lastSequence: row[18])
    }
}

/// Cleanup for the embedded default: the uploads folder, checked against the SQLite job table.
public struct EmbeddedUploadCleanup: UploadCleanup {
    let store: SQLiteJobStore
    let blobs: FileBlobStore

    public init(store: SQLiteJobStore, blobs: FileBlobStore) {
        self.store = store
        self.blobs = blobs
    }

    public func deleteUnused(before cutoff: Date) async throws -> Int {
        // Listed first, so a file uploaded while the jobs are read is newer than the cutoff and stays.
        let old = try blobs.files(before: cutoff)
        guard !old.isEmpty else { return 0 }
        let inUse = try await store.uploadsInUse(since: cutoff)
        var deleted = 0
        for file in old where !inUse.contains(file.name) {
            if (try? FileManager.default.removeItem(at: file.url)) != nil { deleted += 1 }
        }
        return deleted
    }
}

/// A job a claim may take, with what orders the claim: higher priority first, then the earliest due.
private struct ClaimCandidate: Comparable {
    let id: String
    let priority: Int
    let runAt: Int64
    let createdAt: Int64
    /// The queue of a waiting job; nil for one whose lease ran out, which is active already.
    let waitingIn: String?

    /// From a row that starts with id, priority, run_at, created_at.
    init(_ row: Row, waitingIn: String?) {
        (id, priority, runAt, createdAt) = (row[0], row[1], row[2], row[3])
        self.waitingIn = waitingIn
    }

    static func < (a: Self, b: Self) -> Bool {
        (-a.priority, a.runAt, a.createdAt) < (-b.priority, b.runAt, b.createdAt)
    }
}

/// Rows fetched with `fetchAll`, which copies them out of the statement: immutable, so they may leave
/// the writer's thread (GRDB marks `Row` unavailable for Sendable because rows of a cursor are not copies).
private struct CopiedRows: @unchecked Sendable {
    let rows: [Row]
    init(_ rows: [Row]) { self.rows = rows }
}

/// The in-process consumers of committed events (the SSE hub) and of ready jobs (the workers' doorbell).
final class EventListeners: Sendable {
    private let continuations = Mutex<[AsyncStream<[StoredEvent]>.Continuation]>([])
    private let ready = Mutex<[AsyncStream<Void>.Continuation]>([])

    func stream() -> AsyncStream<[StoredEvent]> {
        let (stream, continuation) = AsyncStream<[StoredEvent]>.makeStream()
        continuations.withLock { $0.append(continuation) }
        return stream
    }

    func readyStream() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        ready.withLock { $0.append(continuation) }
        return stream
    }

    func announce(_ events: [StoredEvent]) {
        guard !events.isEmpty else { return }
        for listener in continuations.withLock({ $0 }) { listener.yield(events) }
        if events.contains(where: { $0.update.status == .queued }) {
            for listener in ready.withLock({ $0 }) { listener.yield() }
        }
    }
}
