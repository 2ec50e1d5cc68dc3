/// Jobs moved between phases by the writes of one transaction, by queue: the SQLite store adds them
/// to its `queue_counts` once per committed group instead of a trigger updating it once per row.
struct PhaseMoves: Sendable, Equatable {
    struct Key: Hashable, Sendable {
        let queue: String
        let phase: JobPhase
    }

    /// The change of each count; zero changes are dropped.
    private(set) var changes: [Key: Int] = [:]

    /// Records `count` jobs of `queue` going from `from` (nil for new jobs) to `to`.
    mutating func move(queue: String, from: JobPhase?, to: JobPhase, count: Int = 1) {
        guard from != to, count != 0 else { return }
        if let from { change(Key(queue: queue, phase: from), by: -count) }
        change(Key(queue: queue, phase: to), by: count)
    }

    mutating func add(_ other: PhaseMoves) {
        for (key, delta) in other.changes { change(key, by: delta) }
    }

    private mutating func change(_ key: Key, by delta: Int) {
        let total = changes[key, default: 0] + delta
        changes[key] = total == 0 ? nil : total
    }
}
