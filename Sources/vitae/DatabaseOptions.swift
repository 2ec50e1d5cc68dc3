import ArgumentParser
import Foundation
import Logging
import VitaePostgres
import VitaeServer
import VitaeStore

/// `--database` / `VITAE_DATABASE_URL`: where jobs, events, uploads and the signing key live when
/// several processes share them. Without it `vitae serve` keeps everything in its data folder.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: ArgumentHelp(
        "PostgreSQL URL (postgres://user:password@host:5432/db) shared by every front end and worker; default: $VITAE_DATABASE_URL.",
        valueName: "url"))
    var database: String?

    /// The URL given, checked; nil when neither the flag nor the variable is set.
    func url() throws -> PostgresDatabaseURL? {
        do {
            if let database { return try PostgresDatabaseURL(database, source: "--database") }
            if let text = ProcessInfo.processInfo.environment["VITAE_DATABASE_URL"], !text.isEmpty {
                return try PostgresDatabaseURL(text, source: "VITAE_DATABASE_URL")
            }
            return nil
        } catch let invalid as PostgresDatabaseURL.Invalid {
            throw ValidationError(invalid.description)
        }
    }
}

/// The shared store a PostgreSQL-backed process runs on.
struct SharedBackend {
    let database: PostgresDatabase
    let store: PostgresJobStore
    let blobs: PostgresBlobStore

    /// Connects, migrating the schema if needed; an unreachable server ends the command with a message and exit code 1.
    static func open(_ url: PostgresDatabaseURL, connections: Int, logger: Logger) async throws -> SharedBackend {
        do {
            let database = try await PostgresDatabase.open(url: url, maximumConnections: connections, logger: logger)
            return SharedBackend(database: database, store: PostgresJobStore(database: database), blobs: PostgresBlobStore(database: database))
        } catch let error as PostgresDatabase.Unreachable {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The upload signing key every front end must share: `VITAE_SIGNING_KEY` (base64, 32+ bytes) or the database's.
    func signingKey() async throws -> Data {
        if let text = ProcessInfo.processInfo.environment["VITAE_SIGNING_KEY"], !text.isEmpty {
            guard let key = Data(base64Encoded: text), key.count >= 32 else {
                throw ValidationError("VITAE_SIGNING_KEY must be at least 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)")
            }
            return key
        }
        return try await PostgresSettings(database: database).uploadSigningKey()
    }

    func close() {
        store.close()
        database.close()
    }
}

extension Logger.Level {
    /// The level named by a flag or `VITAE_LOG_LEVEL`, info by default.
    static func named(_ flag: String?) -> Logger.Level {
        let name = flag ?? ProcessInfo.processInfo.environment["VITAE_LOG_LEVEL"]
        return name.flatMap(Logger.Level.init(rawValue:)) ?? .info
    }
}
