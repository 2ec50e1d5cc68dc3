import Foundation
import Logging
import PostgresNIO

/// The versioned schema. Each migration runs once, in order; an advisory lock held for the
/// migration transaction makes processes that start together take turns instead of racing.
enum PostgresSchema {
    /// Appended to, never edited: a database records which versions it has.
    static let migrations: [(version: Int, statements: [String])] = [
        (1, [
            """
            CREATE TABLE vitae_jobs (
                id TEXT PRIMARY KEY,
                queue TEXT NOT NULL,
                name TEXT NOT NULL,
                data TEXT NOT NULL,
                phase TEXT NOT NULL,
                priority BIGINT NOT NULL,
                attempts BIGINT NOT NULL,
                max_attempts BIGINT NOT NULL,
                progress BIGINT NOT NULL,
                stage TEXT,
                message TEXT,
                result TEXT,
                error TEXT,
                error_code TEXT,
                created_at BIGINT NOT NULL,
                run_at BIGINT NOT NULL,
                started_at BIGINT,
                finished_at BIGINT,
                last_sequence BIGINT NOT NULL,
                lease_owner TEXT,
                lease_expires_at BIGINT
            )
            """,
            "CREATE INDEX vitae_jobs_ready ON vitae_jobs (queue, phase, priority DESC, run_at, created_at)",
            "CREATE INDEX vitae_jobs_recent ON vitae_jobs (queue, created_at DESC)",
            // `position` orders the whole log for catch-up; `inserted_at` is the server's clock, the same
            // for every writer, so a listener can re-read what was written while it was disconnected.
            """
            CREATE TABLE vitae_job_events (
                position BIGSERIAL PRIMARY KEY,
                job_id TEXT NOT NULL REFERENCES vitae_jobs (id) ON DELETE CASCADE,
                sequence BIGINT NOT NULL,
                body TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                inserted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                UNIQUE (job_id, sequence)
            )
            """,
            "CREATE INDEX vitae_job_events_inserted ON vitae_job_events (inserted_at)",
            """
            CREATE TABLE vitae_blobs (
                name TEXT PRIMARY KEY,
                size BIGINT NOT NULL DEFAULT 0,
                complete BOOLEAN NOT NULL DEFAULT false,
                created_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE vitae_blob_chunks (
                name TEXT NOT NULL REFERENCES vitae_blobs (name) ON DELETE CASCADE,
                part BIGINT NOT NULL,
                bytes BYTEA NOT NULL,
                PRIMARY KEY (name, part)
            )
            """,
            "CREATE TABLE vitae_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ]),
        // The foreign key ran a trigger per inserted event, about a third of the database's work per job;
        // events are only ever inserted in a statement that updates their job's row, and jobs are never deleted.
        (2, ["ALTER TABLE vitae_job_events DROP CONSTRAINT IF EXISTS vitae_job_events_job_id_fkey"]),
    ]

    static var latestVersion: Int { migrations.last?.version ?? 0 }

    static func migrate(_ database: PostgresDatabase) async throws {
        let logger = database.logger
        try await database.transaction { connection in
            // Held until this transaction ends; every process migrates under the same key.
            try await connection.query("SELECT pg_advisory_xact_lock(7363646173)", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS vitae_schema_migrations (
                    version BIGINT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            var applied = Set<Int>()
            for row in try await connection.all("SELECT version FROM vitae_schema_migrations", logger: logger) {
                applied.insert(try row.decode(Int.self))
            }
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO vitae_schema_migrations (version) VALUES (\(migration.version))", logger: logger)
                logger.info("applied database migration", metadata: ["version": "\(migration.version)"])
            }
        }
    }
}
