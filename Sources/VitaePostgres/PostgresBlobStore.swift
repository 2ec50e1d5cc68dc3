import Foundation
import Logging
import PostgresNIO
import VitaeStore

/// Uploaded files in the shared database, so a file uploaded through one front end can be read by
/// a worker on another machine. A blob is written as chunks, each its own short statement (no
/// transaction held open while a client uploads slowly), and becomes visible only once complete.
public struct PostgresBlobStore: BlobStore, UploadCleanup {
    public let database: PostgresDatabase
    /// Bytes per row; large enough that a 20 MB upload is a few dozen inserts.
    public let chunkSize: Int

    public init(database: PostgresDatabase, chunkSize: Int = 512 << 10) {
        self.database = database
        self.chunkSize = chunkSize
    }

    public func store<Chunks: AsyncSequence & Sendable>(_ name: String, maxBytes: Int, from chunks: Chunks) async throws -> Int
    where Chunks.Element == Data {
        guard BlobName.isValid(name) else { throw BlobError.invalidName(name) }
        // Claiming the name first means two uploads to one URL cannot both succeed.
        let claimed = try await database.rows("INSERT INTO vitae_blobs (name) VALUES (\(name)) ON CONFLICT (name) DO NOTHING RETURNING name")
        guard !claimed.isEmpty else { throw BlobError.alreadyExists(name) }
        var written = 0
        var part = 0
        var pending = Data()
        /// Writes full rows of `chunkSize` bytes, and the remainder too when `all`.
        func flush(all: Bool) async throws {
            while pending.count >= chunkSize || (all && !pending.isEmpty) {
                let bytes = ByteBuffer(bytes: pending.prefix(chunkSize))
                try await database.rows("INSERT INTO vitae_blob_chunks (name, part, bytes) VALUES (\(name), \(part), \(bytes))")
                part += 1
                pending = Data(pending.dropFirst(bytes.readableBytes))
            }
        }
        do {
            for try await chunk in chunks {
                written += chunk.count
                guard written <= maxBytes else { throw BlobError.tooLarge(limit: maxBytes) }
                pending.append(chunk)
                try await flush(all: false)
            }
            try await flush(all: true)
            try await database.rows("UPDATE vitae_blobs SET complete = true, size = \(written) WHERE name = \(name)")
            return written
        } catch {
            _ = try? await database.rows("DELETE FROM vitae_blobs WHERE name = \(name)")
            throw error
        }
    }

    public func read(_ name: String, maxBytes: Int) async throws -> Data {
        guard BlobName.isValid(name) else { throw BlobError.invalidName(name) }
        guard let size = try await database.rows("SELECT size FROM vitae_blobs WHERE name = \(name) AND complete").first else {
            throw BlobError.notFound(name)
        }
        guard try size.decode(Int.self) <= maxBytes else { throw BlobError.tooLarge(limit: maxBytes) }
        var data = Data()
        for row in try await database.rows("SELECT bytes FROM vitae_blob_chunks WHERE name = \(name) ORDER BY part") {
            var buffer = try row.decode(ByteBuffer.self)
            data.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        }
        return data
    }

    public func exists(_ name: String) async throws -> Bool {
        guard BlobName.isValid(name) else { throw BlobError.invalidName(name) }
        return try await !database.rows("SELECT 1 FROM vitae_blobs WHERE name = \(name) AND complete").isEmpty
    }

    public func delete(_ name: String) async throws {
        guard BlobName.isValid(name) else { throw BlobError.invalidName(name) }
        try await database.rows("DELETE FROM vitae_blobs WHERE name = \(name)")
    }

    /// Deletes uploads no unfinished job needs: those of jobs that finished before `cutoff`, and uploads
    /// never completed or never used by a job by then. Returns how many were deleted.
    @discardableResult
    public func deleteUnused(before cutoff: Date) async throws -> Int {
        // The names in use are gathered in one pass over the jobs, which NOT IN then hashes; matching
        // each upload against every job's data would read the jobs table once per upload.
        let named = UploadReferences.keys.map { "data::jsonb ->> '\($0)'" }
        let rows = try await database.rows("""
            WITH in_use AS (
                SELECT unnest(ARRAY[\(unescaped: named.joined(separator: ", "))]) AS name FROM vitae_jobs
                WHERE phase IN ('waiting', 'active') OR finished_at >= \(cutoff.epochMilliseconds))
            DELETE FROM vitae_blobs
            WHERE created_at < \(cutoff) AND name NOT IN (SELECT name FROM in_use WHERE name IS NOT NULL)
            RETURNING name
            """)
        return rows.count
    }
}
