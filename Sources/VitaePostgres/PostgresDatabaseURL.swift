import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=disable` URL, checked up front so a typo
/// is reported with the flag or variable it came from instead of as a connection failure later.
public struct PostgresDatabaseURL: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var requireTLS: Bool

    public struct Invalid: Error, CustomStringConvertible {
        public var source: String
        public var reason: String
        public var description: String { "\(source) is not a usable PostgreSQL URL: \(reason) (expected postgres://user:password@host:5432/database)" }
    }

    /// Parses `text`; `source` names where it came from (`--database`, `VITAE_DATABASE_URL`) for the error.
    public init(_ text: String, source: String = "the database URL") throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme else {
            throw Invalid(source: source, reason: "it cannot be parsed as a URL")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw Invalid(source: source, reason: "the scheme is '\(scheme)', not postgres")
        }
        guard let host = components.host, !host.isEmpty else { throw Invalid(source: source, reason: "it names no host") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw Invalid(source: source, reason: "it names no database (the path after the host)")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user.flatMap { $0.removingPercentEncoding ?? $0 } ?? "postgres"
        self.password = components.password.flatMap { $0.removingPercentEncoding ?? $0 }
        self.database = database
        let sslmode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        switch sslmode {
        case "disable", "allow", "prefer": requireTLS = false
        case "require", "verify-ca", "verify-full": requireTLS = true
        default: throw Invalid(source: source, reason: "sslmode=\(sslmode) is not one of disable, prefer, require")
        }
    }

    /// Host, port and database, without the password, for messages and logs.
    public var description: String { "postgres://\(username)@\(host):\(port)/\(database)" }

    func tls() throws -> PostgresConnection.Configuration.TLS {
        requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
    }

    var clientConfiguration: PostgresClient.Configuration {
        PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database,
                                     tls: requireTLS ? .require(.makeClientConfiguration()) : .disable)
    }

    var connectionConfiguration: PostgresConnection.Configuration {
        get throws {
            PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database,
                                             tls: try tls())
        }
    }
}
