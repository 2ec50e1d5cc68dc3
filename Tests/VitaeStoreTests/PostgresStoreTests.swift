import Foundation
import Logging
import Synchronization
import Testing
import VitaeEngine
@testable import VitaePostgres
import VitaeStore

/// What only the PostgreSQL store has to get right: several processes on one database.
/// Each `PostgresDatabase` opened on the same URL stands in for one process.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (CI=true runs these anyway)"))
struct PostgresStoreTests {
    let logger = Logger(label: "test")

    func open(_ url: PostgresDatabaseURL) async throws -> PostgresJobStore {
        PostgresJobStore(database: try await PostgresDatabase.open(url: url, maximumConnections: 8, logger: logger))
    }

    func add(_ store: PostgresJobStore, _ id: String) async throws {
        _ = try await store.add(NewJob(id: id, queue: "q", name: "n", data: ["fileName": "f"]),
                                queued: JobUpdate(jobId: id, status: .queued, progress: 0, stage: nil, message: "queued"))
    }

    func step(_ id: String, _ progress: Int) -> JobUpdate {
        JobUpdate(jobId: id, status: .inProgress, progress: progress, stage: .parsing, message: "step \(progress)")
    }

    /// Reads `count` events from a feed, failing instead of hanging if they do not come.
    func take(_ count: Int, from iterator: inout AsyncStream<[StoredEvent]>.Iterator, within seconds: Double = 15) async -> [String] {
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(seconds)
        while seen.count < count, Date() < deadline {
            guard let batch = await iterator.next() else { break }
            seen += batch.map { "\($0.jobId):\($0.sequence)" }
        }
        return seen
    }

    @Test func migrationsRunOnceWhenProcessesStartTogether() async throws {
        let url = try await PostgresTestCluster.shared.freshDatabase()
        let logger = self.logger
        let databases = try await withThrowingTaskGroup(of: PostgresDatabase.self) { group in
            for _ in 0..<4 { group.addTask { try await PostgresDatabase.open(url: url, maximumConnections: 2, logger: logger) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let versions = try await databases[0].rows("SELECT version FROM vitae_schema_migrations ORDER BY version").map { try $0.decode(Int.self) }
        #expect(versions == Array(1...PostgresSchema.latestVersion), "each migration once")
        databases.forEach { $0.close() }
    }

    @Test func eventsFromOneProcessReachAnother() async throws {
        let url = try await PostgresTestCluster.shared.freshDatabase()
        let (writer, reader) = (try await open(url), try await open(url))
        defer { [writer, reader].forEach { $0.close(); $0.database.close() } }
        var feed = reader.committedEvents().makeAsyncIterator()
        try await add(writer, "x")
        _ = try await writer.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30))
        for progress in [10, 20, 30] { _ = try await writer.append(step("x", progress), worker: "w") }
        #expect(await take(4, from: &feed) == ["x:1", "x:2", "x:3", "x:4"])
    }

    @Test func aDroppedListenConnectionMissesNothing() async throws {
        let url = try await PostgresTestCluster.shared.freshDatabase()
        let (writer, reader) = (try await open(url), try await open(url))
        defer { [writer, reader].forEach { $0.close(); $0.database.close() } }
        var feed = reader.committedEvents().makeAsyncIterator()
        try await add(writer, "d")
        #expect(await take(1, from: &feed) == ["d:1"])
        _ = try await writer.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30))
        let killed = try await writer.database.rows("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()
            """)
        #expect(killed.count == 1, "the reader's LISTEN connection is found by its last statement")
        // Written while the reader is (probably) reconnecting: catch-up must deliver them, in order, once.
        for progress in 1...5 { _ = try await writer.append(step("d", progress * 10), worker: "w") }
        #expect(await take(5, from: &feed) == (2...6).map { "d:\($0)" })
    }

    @Test func concurrentClaimersNeverShareAJob() async throws {
        let url = try await PostgresTestCluster.shared.freshDatabase()
        let stores = [try await open(url), try await open(url), try await open(url)]
        defer { stores.forEach { $0.close(); $0.database.close() } }
        for index in 0..<60 { try await add(stores[0], "job-\(index)") }
        let claims = try await withThrowingTaskGroup(of: [String].self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    var mine: [String] = []
                    while true {
                        let claimed = try await store.claim(queues: ["q"], worker: "w\(index)", limit: 3, lease: .seconds(30))
                        if claimed.isEmpty { return mine }
                        mine += claimed.map(\.id)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append(contentsOf: $1) }
        }
        #expect(claims.count == 60)
        #expect(Set(claims).count == 60)
    }

    @Test func blobsAreStoredInChunksAndVisibleOnlyWhenComplete() async throws {
        let url = try await PostgresTestCluster.shared.freshDatabase()
        let database = try await PostgresDatabase.open(url: url, maximumConnections: 4, logger: logger)
        defer { database.close() }
        let blobs = PostgresBlobStore(database: database, chunkSize: 1000)
        let body = Data((0..<4500).map { UInt8($0 % 251) })
        let pieces = stride(from: 0, to: body.count, by: 700).map { body[$0..<min($0 + 700, body.count)] }
        #expect(try await blobs.store("a.pdf", maxBytes: 10_000, from: pieces.async) == 4500)
        #expect(try await blobs.read("a.pdf", maxBytes: 10_000) == body)
        #expect(try await database.rows("SELECT 1 FROM vitae_blob_chunks WHERE name = 'a.pdf'").count == 5)
        await #expect(throws: BlobError.alreadyExists("a.pdf")) { try await blobs.store("a.pdf", maxBytes: 10_000, from: pieces.async) }
        await #expect(throws: BlobError.tooLarge(limit: 100)) { try await blobs.read("a.pdf", maxBytes: 100) }
        await #expect(throws: BlobError.tooLarge(limit: 1000)) { try await blobs.store("b.pdf", maxBytes: 1000, from: pieces.async) }
        #expect(try await blobs.exists("b.pdf") == false, "a refused upload leaves nothing behind")
        await #expect(throws: BlobError.notFound("c.pdf")) { try await blobs.read("c.pdf", maxBytes: 100) }
    }

    @Test func cleanupDeletesOnlyBlobsNoUnfinishedOrRecentJobNeeds() async throws {
        let url = try await PostgresTestCluster.shared.freshDatabase()
        let store = try await open(url)
        defer { store.close(); store.database.close() }
        let blobs = PostgresBlobStore(database: store.database)
        for name in ["done.pdf", "waiting.pdf", "orphan.pdf"] {
            _ = try await blobs.store(name, maxBytes: 100, from: [Data("x".utf8)].async)
        }
        for (id, file) in [("done", "done.pdf"), ("waiting", "waiting.pdf")] {
            _ = try await store.add(NewJob(id: id, queue: "q", name: "n", data: ["fileName": .string(file)]),
                                    queued: JobUpdate(jobId: id, status: .queued, progress: 0, stage: nil, message: "queued"))
        }
        _ = try await store.cancel(jobId: "done")
        #expect(try await blobs.deleteUnused(before: Date().addingTimeInterval(-3600)) == 0, "everything is recent")
        #expect(try await blobs.deleteUnused(before: Date().addingTimeInterval(3600)) == 2)
        #expect(try await blobs.exists("waiting.pdf"))
        #expect(try await !blobs.exists("done.pdf"))
        #expect(try await !blobs.exists("orphan.pdf"))
    }

    @Test func everyProcessGetsTheSameSigningKey() async throws {
        let url = try await PostgresTestCluster.shared.freshDatabase()
        let (a, b) = (try await open(url), try await open(url))
        defer { [a, b].forEach { $0.close(); $0.database.close() } }
        async let first = PostgresSettings(database: a.database).uploadSigningKey()
        async let second = PostgresSettings(database: b.database).uploadSigningKey()
        let keys = try await [first, second]
        #expect(keys[0] == keys[1])
        #expect(keys[0].count == 32)
    }

    @Test func badURLsNameTheirSource() {
        #expect(throws: PostgresDatabaseURL.Invalid.self) { try PostgresDatabaseURL("mysql://h/db", source: "--database") }
        do {
            _ = try PostgresDatabaseURL("postgres://127.0.0.1", source: "VITAE_DATABASE_URL")
            Issue.record("a URL without a database was accepted")
        } catch {
            #expect("\(error)".contains("VITAE_DATABASE_URL"))
        }
    }

    @Test func anUnreachableServerIsReportedClearly() async throws {
        let url = try PostgresDatabaseURL("postgres://postgres@127.0.0.1:1/nothing")
        do {
            _ = try await PostgresDatabase.open(url: url, timeout: .seconds(2), logger: logger)
            Issue.record("opened a database on port 1")
        } catch let error as PostgresDatabase.Unreachable {
            #expect(error.description.contains("127.0.0.1:1/nothing"))
        }
    }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence, like an upload's body chunks.
    var async: AsyncStream<Element> {
        AsyncStream { continuation in
            forEach { continuation.yield($0) }
            continuation.finish()
        }
    }
}
