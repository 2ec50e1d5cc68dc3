import Dispatch
import GRDB
import Synchronization

/// Commits writes in groups: while one transaction is committing, the next one fills up with
/// whatever callers submit meanwhile. One failing write fails only its caller (the group runs
/// again with a savepoint per write); a failed commit fails every write of its group.
///
/// Writes report the jobs they move between phases; the group's moves are recorded together, in
/// its transaction, just before it commits.
final class GroupCommit: Sendable {
    /// What a write does in the group's transaction: it returns its value and the events it logged,
    /// and adds the jobs it moved between phases to the moves it is given.
    typealias Write<T> = @Sendable (Database, inout PhaseMoves) throws -> (T, [StoredEvent])

    private struct Pending: Sendable {
        let durable: Bool
        /// Runs the write inside the group's transaction; returns the events it appended. Isolated, the
        /// write runs in a savepoint and its error goes to its caller; otherwise the error is thrown.
        /// Its moves are added only if it succeeded.
        let run: @Sendable (Database, _ isolated: Bool, inout PhaseMoves) throws -> [StoredEvent]
        /// Resumes the caller, with the commit's error if the group did not commit.
        let finish: @Sendable ((any Error)?) -> Void
    }

    /// A write's own error, as opposed to the commit's.
    private struct WriteFailed: Error {}

    private struct State {
        var queue: [Pending] = []
        var draining = false
    }

    private let pool: DatabasePool
    /// Announces committed groups and resumes their callers, in commit order, off the writer's thread.
    private let handOff = DispatchQueue(label: "vitae.group-commit.hand-off")
    private let state = Mutex(State())
    private let maxGroup: Int
    /// Called in the group's transaction, before it commits, with the moves of all its writes.
    private let recordMoves: @Sendable (Database, PhaseMoves) throws -> Void
    /// Called with a group's events after it committed and before any caller resumes.
    private let committed: @Sendable ([StoredEvent]) -> Void

    init(pool: DatabasePool, maxGroup: Int = 512, recordMoves: @escaping @Sendable (Database, PhaseMoves) throws -> Void,
         committed: @escaping @Sendable ([StoredEvent]) -> Void) {
        self.pool = pool
        self.maxGroup = maxGroup
        self.recordMoves = recordMoves
        self.committed = committed
    }

    /// Runs `body` in the next group. `durable` makes the group's commit wait for the disk.
    func submit<T: Sendable>(durable: Bool, _ body: @escaping Write<T>) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = Outcome<T>()
            let pending = Pending(
                durable: durable,
                run: { db, isolated, groupMoves in
                    var moves = PhaseMoves()
                    guard isolated else {
                        do {
                            let (value, events) = try body(db, &moves)
                            outcome.set(.success(value))
                            groupMoves.add(moves)
                            return events
                        } catch {
                            throw WriteFailed()
                        }
                    }
                    do {
                        var value: (T, [StoredEvent])?
                        try db.inSavepoint {
                            value = try body(db, &moves)
                            return .commit
                        }
                        outcome.set(.success(value!.0))
                        groupMoves.add(moves)
                        return value!.1
                    } catch {
                        outcome.set(.failure(error))
                        return []
                    }
                },
                finish: { commitError in
                    if let commitError { continuation.resume(throwing: commitError) } else { continuation.resume(with: outcome.get()) }
                })
            let startDraining = state.withLock { state -> Bool in
                state.queue.append(pending)
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            if startDraining { pool.asyncWriteWithoutTransaction { db in self.drain(db) } }
        }
    }

    /// Commits groups until none is waiting, on GRDB's writer queue rather than a Swift concurrency
    /// thread (GRDB's async write would block one while the writer is busy). The next group starts as
    /// soon as one commits. Its callers resume from another thread: waking them wakes threads that take
    /// the writer's core on two cores, and the writer is what every job waits for.
    private func drain(_ db: Database) {
        while true {
            let group = state.withLock { state -> [Pending] in
                guard !state.queue.isEmpty else {
                    state.draining = false
                    return []
                }
                let group = Array(state.queue.prefix(maxGroup))
                state.queue.removeFirst(group.count)
                return group
            }
            guard !group.isEmpty else { return }
            do {
                let events = try commit(group, in: db)
                handOff.async {
                    self.committed(events)
                    for pending in group { pending.finish(nil) }
                }
            } catch {
                handOff.async { for pending in group { pending.finish(error) } }
            }
        }
    }

    /// One transaction for the group.
    private func commit(_ group: [Pending], in db: Database) throws -> [StoredEvent] {
        let durable = group.contains { $0.durable }
        if durable { try db.execute(sql: "PRAGMA synchronous = FULL") }
        defer { if durable { try? db.execute(sql: "PRAGMA synchronous = NORMAL") } }
        // Writes rarely fail, so the group first runs without a savepoint per write.
        do {
            return try run(group, in: db, isolated: false)
        } catch is WriteFailed {
            return try run(group, in: db, isolated: true)
        }
    }

    private func run(_ group: [Pending], in db: Database, isolated: Bool) throws -> [StoredEvent] {
        var events: [StoredEvent] = []
        var moves = PhaseMoves()
        try db.inTransaction(.immediate) {
            for pending in group { events += try pending.run(db, isolated, &moves) }
            try recordMoves(db, moves)
            return .commit
        }
        return events
    }
}

/// One write's result, set inside the transaction and read after the commit.
private final class Outcome<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, any Error>?>(nil)
    func set(_ value: Result<T, any Error>) { result.withLock { $0 = value } }
    func get() -> Result<T, any Error> { result.withLock { $0 } ?? .failure(CancellationError()) }
}
