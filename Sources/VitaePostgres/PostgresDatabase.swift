import Foundation
import Logging
import PostgresNIO

/// One process's pooled connection to the shared database: the jobs store, the blob store and the
/// settings all go through it. Opening it checks the server is reachable and brings the schema up to date.
public final class PostgresDatabase: Sendable {
    public let url: PostgresDatabaseURL
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    public struct Unreachable: Error, CustomStringConvertible {
        public var url: PostgresDatabaseURL
        public var reason: String
        public var description: String { "cannot use the PostgreSQL database at \(url): \(reason)" }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var timeout: Duration
        var description: String { "no connection within \(timeout) (is the server running, and does it accept connections from here?)" }
    }

    /// Connects to `url`, waiting at most `timeout` for the server, and applies pending migrations.
    public static func open(url: PostgresDatabaseURL, maximumConnections: Int = 20, timeout: Duration = .seconds(10),
                            logger: Logger) async throws -> PostgresDatabase {
        let database = PostgresDatabase(url: url, maximumConnections: maximumConnections, timeout: timeout, logger: logger)
        do {
            // The pool retries refused connections for ever; a process told to use a database that is not
            // there should say so and stop, so the first statement gets a deadline.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await PostgresSchema.migrate(database) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw TimedOut(timeout: timeout)
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            database.close()
            throw Unreachable(url: url, reason: Self.explain(error))
        }
        return database
    }

    private init(url: PostgresDatabaseURL, maximumConnections: Int, timeout: Duration, logger: Logger) {
        var configuration = url.clientConfiguration
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = timeout
        self.url = url
        self.logger = logger
        // Failures reach callers as thrown errors; the driver's own log (connection attempts, and a warning
        // when the first lease races the start of `run()` below) would only repeat them.
        var background = logger
        background.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: configuration, backgroundLogger: background)
        self.client = client
        runner = Task { await client.run() }
    }

    /// Closes every pooled connection.
    public func close() {
        runner.cancel()
    }

    /// Runs `body` in one transaction on one pooled connection; any error rolls it back and is rethrown as is,
    /// so callers see `StoreError`s rather than the driver's wrapper.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Runs one statement outside a transaction and collects its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await client.withConnection { connection in
            try await connection.query(query, logger: logger).collectRows()
        }
    }

    /// The server's own words for a failure (PSQLError hides them from `description`).
    static func explain(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}

extension PostgresConnection {
    /// Runs a query and collects its rows, for the small result sets the store reads.
    @discardableResult
    func all(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collectRows()
    }
}

extension PostgresRowSequence {
    func collectRows() async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in self { rows.append(row) }
        return rows
    }
}
