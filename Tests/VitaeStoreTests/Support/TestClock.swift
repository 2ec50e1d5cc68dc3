import Foundation
import Synchronization

/// A clock that moves only when told, so lease expiry is tested without sleeping.
final class TestClock: Sendable {
    private let offset = Mutex(0.0)
    private let start = Date()
    var now: Date { start.addingTimeInterval(offset.withLock { $0 }) }
    func advance(_ seconds: Double) { offset.withLock { $0 += seconds } }
}
