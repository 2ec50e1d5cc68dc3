import ArgumentParser
import Foundation
import Logging
import VitaeEngine
import VitaeServer

struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run queued jobs from a shared PostgreSQL database, without serving HTTP.",
        discussion: """
            Start as many as you like, on any machine that reaches the database; they share the queue with \
            `vitae serve --database` front ends. A job's lease is renewed while it runs; if the process dies, \
            another worker takes the job once the lease runs out. SIGINT or SIGTERM stops claiming, lets running \
            jobs finish within --grace-seconds and hands the rest back to the queue.

            Environment: VITAE_DATABASE_URL, VITAE_QUEUES (comma-separated), VITAE_CONCURRENCY, VITAE_LEASE_SECONDS, \
            VITAE_GRACE_SECONDS, VITAE_LOG_LEVEL.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Comma-separated queues to take jobs from (default: every queue with a pipeline file).") var queues: String?
    @Option(help: "Jobs run at once in this process.") var concurrency: Int?
    @Option(name: .customLong("lease-seconds"), help: "Seconds a claimed job stays with a worker that stops renewing it.")
    var leaseSeconds: Double?
    @Option(name: .customLong("grace-seconds"), help: "Seconds running jobs get to finish on shutdown.") var graceSeconds: Double?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.") var logLevel: String?
    @OptionGroup var pipelines: PipelineOptions
    @OptionGroup var extraction: ExtractionOptionsGroup

    func run() async throws {
        guard let url = try database.url() else {
            throw ValidationError("vitae worker needs a shared database: pass --database postgres://... or set VITAE_DATABASE_URL")
        }
        var configuration = ServerConfiguration()
        configuration.workers = try setting(concurrency, "VITAE_CONCURRENCY") ?? configuration.workers
        guard configuration.workers > 0 else { throw ValidationError("--concurrency must be 1 or more") }
        if let seconds = try setting(leaseSeconds, "VITAE_LEASE_SECONDS") { configuration.leaseDuration = .seconds(seconds) }
        if let seconds = try setting(graceSeconds, "VITAE_GRACE_SECONDS") { configuration.shutdownGracePeriod = .seconds(seconds) }
        extraction.apply(to: &configuration)

        var logger = Logger(label: "vitae-worker")
        logger.logLevel = .named(logLevel)

        let catalog = pipelines.catalog()
        var loaded: [String: Pipeline]
        do {
            loaded = try catalog.loadAll()
        } catch let errors as PipelineErrors {
            FileHandle.standardError.write(Data((errors.description + "\n").utf8))
            throw ExitCode(2)
        }
        if let wanted = try setting(queues, "VITAE_QUEUES") {
            let names = Set(wanted.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            let unknown = names.subtracting(loaded.keys)
            guard unknown.isEmpty else {
                throw ValidationError("no pipeline file serves queue(s) \(unknown.sorted().joined(separator: ", ")) in \(catalog.directory.path)")
            }
            loaded = loaded.filter { names.contains($0.key) }
        }
        guard !loaded.isEmpty else { throw ValidationError("no pipeline files in \(catalog.directory.path)") }

        let backend = try await SharedBackend.open(url, connections: 4 + configuration.workers, logger: logger)
        defer { backend.close() }
        let worker = VitaeServer(configuration: configuration, store: backend.store, blobs: backend.blobs, uploadCleanup: nil, pipelines: loaded, logger: logger)
        logger.info("Vitae worker running \(configuration.workers) job(s) at once from \(url) (queues: \(loaded.keys.sorted().joined(separator: ", ")))")
        try await worker.runWorkers()
    }
}
