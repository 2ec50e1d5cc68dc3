import Foundation
import PostgresNIO

/// Values every process of one deployment must agree on, kept in `vitae_settings`.
public struct PostgresSettings: Sendable {
    public let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    /// The key that signs upload URLs: a URL made by one front end must verify on another.
    /// The first process to ask creates it; the insert is a no-op for the rest.
    public func uploadSigningKey() async throws -> Data {
        var bytes = SystemRandomNumberGenerator()
        let fresh = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &bytes) }).base64EncodedString()
        try await database.rows("INSERT INTO vitae_settings (name, value) VALUES ('upload_signing_key', \(fresh)) ON CONFLICT (name) DO NOTHING")
        guard let row = try await database.rows("SELECT value FROM vitae_settings WHERE name = 'upload_signing_key'").first,
              let key = Data(base64Encoded: try row.decode(String.self)), key.count >= 32
        else { throw PostgresDatabase.Unreachable(url: database.url, reason: "the stored upload signing key is unreadable") }
        return key
    }
}
