import Synchronization

/// When a claim also looks for jobs whose lease ran out: at most once a second of the store's clock.
/// Expired leases are rare (a worker process died), and looking for them on every claim costs a scan
/// of the running jobs that the claim of a waiting job does not need.
public final class LeaseSweep: Sendable {
    private let last = Mutex<Int64?>(nil)
    private let intervalMilliseconds: Int64

    public init(intervalMilliseconds: Int64 = 1000) {
        self.intervalMilliseconds = intervalMilliseconds
    }

    /// Whether a claim at `now` (epoch milliseconds) should look; counts as a look when it says yes.
    public func isDue(now: Int64) -> Bool {
        last.withLock { last in
            if let previous = last, now - previous < intervalMilliseconds, now >= previous { return false }
            last = now
            return true
        }
    }
}
