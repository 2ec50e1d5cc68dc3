import ArgumentParser
import Foundation
import Logging
import VitaeEngine
import VitaeServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the monitoring API, SSE streams and in-process workers.",
        discussion: """
            The embedded default keeps jobs in a SQLite file and uploads in a folder, both inside --data-dir. \
            With --database (or VITAE_DATABASE_URL) jobs, events, uploads and the upload signing key live in \
            PostgreSQL instead, so several `vitae serve` front ends and `vitae worker` processes can share them.

            Every option can also be set by an environment variable: VITAE_HOST, VITAE_PORT, VITAE_DATA_DIR, \
            VITAE_WORKERS, VITAE_HEARTBEAT_SECONDS, VITAE_LEASE_SECONDS, VITAE_MAX_UPLOAD_BYTES, \
            VITAE_UPLOAD_RETENTION_HOURS, VITAE_CORS_ORIGIN (a flag wins). \
            VITAE_SIGNING_KEY (base64) overrides the key kept in the data folder or database.

            SIGINT or SIGTERM stops accepting requests, ends SSE streams, lets running jobs finish within \
            --grace-seconds and hands the rest back to the queue.
            """)

    @Option(help: "Address to listen on.") var host: String?
    @Option(help: "Port to listen on (0 picks a free one).") var port: Int?
    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Folder for the database, uploads and signing key.", valueName: "dir"))
    var dataDir: String?
    @Option(help: "Jobs run at once in this process; 0 serves the API only.") var workers: Int?
    @Option(name: .customLong("heartbeat-seconds"), help: "Seconds between SSE heartbeats.") var heartbeatSeconds: Double?
    @Option(name: .customLong("lease-seconds"), help: "Seconds a claimed job stays with a worker that stops renewing it.")
    var leaseSeconds: Double?
    @Option(name: .customLong("grace-seconds"), help: "Seconds running jobs get to finish on shutdown.") var graceSeconds: Double?
    @Option(name: .customLong("max-upload-bytes"), help: "Largest file an upload URL accepts.") var maxUploadBytes: Int?
    @Option(name: .customLong("listen-backlog"), help: ArgumentHelp(
        "Connections waiting to be accepted that the kernel may hold (capped by net.core.somaxconn).", valueName: "n"))
    var listenBacklog: Int?
    @Option(name: .customLong("upload-retention-hours"), help: ArgumentHelp(
        "Uploads no waiting or running job needs are deleted once this old and this long after their job finished (0 keeps them).",
        valueName: "hours"))
    var uploadRetentionHours: Double?
    @Option(name: .customLong("cors-origin"), help: ArgumentHelp(
        "The web origin whose pages may call the API from the browser (https://app.example.com), or * for any.", valueName: "origin"))
    var corsOrigin: String?
    @OptionGroup var extraction: ExtractionOptionsGroup
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.") var logLevel: String?
    @OptionGroup var pipelines: PipelineOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration = ServerConfiguration()
        configuration.host = try setting(host, "VITAE_HOST") ?? configuration.host
        configuration.port = try setting(port, "VITAE_PORT") ?? configuration.port
        configuration.dataDirectory = URL(fileURLWithPath: try setting(dataDir, "VITAE_DATA_DIR") ?? "vitae-data")
        configuration.workers = try setting(workers, "VITAE_WORKERS") ?? configuration.workers
        if let seconds = try setting(heartbeatSeconds, "VITAE_HEARTBEAT_SECONDS") { configuration.heartbeatInterval = .seconds(seconds) }
        if let seconds = try setting(leaseSeconds, "VITAE_LEASE_SECONDS") { configuration.leaseDuration = .seconds(seconds) }
        if let seconds = try setting(graceSeconds, "VITAE_GRACE_SECONDS") { configuration.shutdownGracePeriod = .seconds(seconds) }
        configuration.maxUploadBytes = try setting(maxUploadBytes, "VITAE_MAX_UPLOAD_BYTES") ?? configuration.maxUploadBytes
        configuration.listenBacklog = try setting(listenBacklog, "VITAE_LISTEN_BACKLOG") ?? configuration.listenBacklog
        guard configuration.listenBacklog > 0 else { throw ValidationError("--listen-backlog must be 1 or more") }
        if let hours = try setting(uploadRetentionHours, "VITAE_UPLOAD_RETENTION_HOURS") {
            guard hours >= 0 else { throw ValidationError("--upload-retention-hours must be 0 or more") }
            configuration.uploadRetention = hours > 0 ? .seconds(hours * 3600) : nil
        }
        if let origin = try setting(corsOrigin, "VITAE_CORS_ORIGIN") {
            guard Self.isOrigin(origin) else {
                throw ValidationError("--cors-origin must be * or an origin such as https://app.example.com (scheme, host and port only), not \(origin)")
            }
            configuration.corsOrigin = origin
        }
        configuration.samplesDirectory = BundledFolder.locate("Samples/web")
        extraction.apply(to: &configuration)
        guard configuration.workers >= 0 else { throw ValidationError("--workers must be 0 or more") }

        var logger = Logger(label: "vitae")
        logger.logLevel = (try setting(logLevel, "VITAE_LOG_LEVEL")).flatMap(Logger.Level.init(rawValue:)) ?? .info

        let catalog = pipelines.catalog()
        let loaded: [String: Pipeline]
        do {
            loaded = try catalog.loadAll()
        } catch let errors as PipelineErrors {
            FileHandle.standardError.write(Data((errors.description + "\n").utf8))
            throw ExitCode(2)
        }
        guard !loaded.isEmpty else { throw ValidationError("no pipeline files in \(catalog.directory.path)") }
        let server: VitaeServer
        var backend: SharedBackend?
        if let url = try database.url() {
            // A front end's pool serves requests and SSE reads; its workers (if any) need a few more.
            let shared = try await SharedBackend.open(url, connections: 16 + configuration.workers, logger: logger)
            backend = shared
            configuration.signingKey = try await shared.signingKey()
            server = VitaeServer(configuration: configuration, store: shared.store, blobs: shared.blobs, uploadCleanup: shared.blobs, pipelines: loaded, logger: logger)
            logger.info("jobs and uploads are in PostgreSQL at \(url)")
        } else {
            if let text = environment["VITAE_SIGNING_KEY"], !text.isEmpty {
                guard let key = Data(base64Encoded: text), key.count >= 32 else {
                    throw ValidationError("VITAE_SIGNING_KEY must be at least 32 bytes, base64-encoded")
                }
                configuration.signingKey = key
            }
            server = try VitaeServer.embedded(configuration: configuration, pipelines: loaded, logger: logger)
        }
        defer { backend?.close() }
        let host = configuration.host
        let announcer = logger
        if let origin = configuration.corsOrigin { logger.info("pages of \(origin == "*" ? "any origin" : origin) may use the API (CORS)") }
        try await server.run { port in
            announcer.info("Vitae is listening on http://\(host):\(port) (queues: \(loaded.keys.sorted().joined(separator: ", ")))")
        }
    }

    /// `*`, or what a browser sends as `Origin`: scheme, host and an optional port, nothing after.
    static func isOrigin(_ text: String) -> Bool {
        if text == "*" { return true }
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else { return false }
        return url.path.isEmpty && url.query == nil && url.fragment == nil && url.user == nil
    }
}
