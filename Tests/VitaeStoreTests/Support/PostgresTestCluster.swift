import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import PostgresNIO
import VitaePostgres

/// A real PostgreSQL server for the tests: the one `VITAE_TEST_DATABASE_URL` names (scripts/with-postgres
/// sets it), or else one started once per test process by `scripts/postgres-cluster` and stopped at exit.
/// Each caller gets a database of its own, so tests never see each other's jobs.
actor PostgresTestCluster {
    static let shared = PostgresTestCluster()

    /// Whether the PostgreSQL tests should run: always in CI (so a missing server fails them loudly),
    /// elsewhere only when a server is named or the binaries are installed.
    static var shouldRun: Bool {
        let environment = ProcessInfo.processInfo.environment
        if environment["CI"] == "true" || environment["VITAE_TEST_DATABASE_URL"] != nil { return true }
        return FileManager.default.fileExists(atPath: "/usr/lib/postgresql") || FileManager.default.fileExists(atPath: "/usr/bin/pg_ctl")
    }

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    private var server: Result<PostgresDatabaseURL, Unavailable>?
    private var databases = 0

    /// The URL of a new, empty database.
    func freshDatabase() async throws -> PostgresDatabaseURL {
        var url = try serverURL()
        databases += 1
        let name = "vitae_test_\(ProcessInfo.processInfo.processIdentifier)_\(databases)"
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: url.host, port: url.port, username: url.username, password: url.password,
                                 database: url.database, tls: .disable),
            id: databases, logger: Logger(label: "test-cluster"))
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Logger(label: "test-cluster"))
        try await connection.close()
        url.database = name
        return url
    }

    private func serverURL() throws -> PostgresDatabaseURL {
        if let server { return try server.get() }
        let result: Result<PostgresDatabaseURL, Unavailable>
        if let given = ProcessInfo.processInfo.environment["VITAE_TEST_DATABASE_URL"], !given.isEmpty {
            result = Result { try PostgresDatabaseURL(given, source: "VITAE_TEST_DATABASE_URL") }
                .mapError { Unavailable(description: "\($0)") }
        } else {
            result = Self.startServer()
        }
        server = result
        return try result.get()
    }

    private static let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("vitae-test-pg-\(ProcessInfo.processInfo.processIdentifier)")

    private static func startServer() -> Result<PostgresDatabaseURL, Unavailable> {
        let (status, output, errors) = run(scriptPath, ["start", directory.path])
        guard status == 0 else {
            return .failure(Unavailable(description: "could not start a PostgreSQL server for the tests (\(scriptPath) start): \(errors)"))
        }
        // Swift Testing has no end-of-run hook; the server must not outlive the test process.
        atexit {
            _ = PostgresTestCluster.run(PostgresTestCluster.scriptPath, ["stop", PostgresTestCluster.directory.path])
            try? FileManager.default.removeItem(at: PostgresTestCluster.directory)
        }
        return Result { try PostgresDatabaseURL(output.trimmingCharacters(in: .whitespacesAndNewlines), source: "scripts/postgres-cluster") }
            .mapError { Unavailable(description: "\($0)") }
    }

    private static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/postgres-cluster").path
    }

    /// Runs a command to its end through `/bin/sh`, its output going to files. Not `Process`: its
    /// `waitUntilExit()` can wait for ever on a cooperative thread, and a pipe would be held open by the
    /// server the command starts.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) -> (Int32, String, String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vitae-cluster-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch + ".out"); try? FileManager.default.removeItem(atPath: scratch + ".err") }
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = ([executable] + arguments).map(quoted).joined(separator: " ")
            + " >\(quoted(scratch + ".out")) 2>\(quoted(scratch + ".err")) </dev/null"
        let status = system(command)
        let output = (try? String(contentsOfFile: scratch + ".out", encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: scratch + ".err", encoding: .utf8)) ?? ""
        return (status == 0 ? 0 : max(1, status >> 8), output, errors)
    }
}
