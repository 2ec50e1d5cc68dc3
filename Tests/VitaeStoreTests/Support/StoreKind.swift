import Foundation
import Logging
import Testing
import VitaePostgres
import VitaeStore

/// The stores the contract tests run against; each test opens a fresh, empty one with a hand-moved clock.
enum StoreKind: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    /// PostgreSQL is left out only off CI on a machine without it; in CI a missing server fails the tests.
    static var underTest: [StoreKind] { PostgresTestCluster.shouldRun ? [.sqlite, .postgres] : [.sqlite] }

    var testDescription: String { rawValue }

    func open() async throws -> (any JobStore & EventFeed, TestClock) {
        let clock = TestClock()
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString).sqlite").path
            return (try SQLiteJobStore(path: path, clock: { [clock] in clock.now }), clock)
        case .postgres:
            let url = try await PostgresTestCluster.shared.freshDatabase()
            let database = try await PostgresDatabase.open(url: url, maximumConnections: 4, logger: Logger(label: "test"))
            return (PostgresJobStore(database: database, clock: { [clock] in clock.now }), clock)
        }
    }

    func close(_ store: any JobStore & EventFeed) {
        if let store = store as? PostgresJobStore {
            store.close()
            store.database.close()
        }
    }
}
