import Foundation

/// How a `vitae serve` process is set up; the CLI fills it from flags and `VITAE_*` variables.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8000
    /// Holds `vitae.sqlite`, `blobs/` and the upload signing key.
    public var dataDirectory = URL(fileURLWithPath: "vitae-data")
    public var pipelinesDirectory = URL(fileURLWithPath: "Pipelines")
    /// Jobs run at once in this process; 0 serves the API only.
    public var workers = 2
    public var heartbeatInterval: Duration = .seconds(30)
    /// How often the SSE hub checks that watched jobs' subscribers have every logged event.
    public var eventReconcileInterval: Duration = .seconds(2)
    /// How long a claimed job stays with its worker without a lease renewal.
    public var leaseDuration: Duration = .seconds(30)
    /// How long running jobs may take to finish on shutdown before they are handed back to the queue.
    public var shutdownGracePeriod: Duration = .seconds(10)
    public var maxUploadBytes = 20 << 20
    /// Uploads no job needs are deleted once this old (and this long after their job finished); nil keeps them.
    public var uploadRetention: Duration? = .seconds(7 * 24 * 3600)
    public var uploadCleanupInterval: Duration = .seconds(3600)
    public var uploadURLLifetime: Duration = .seconds(15 * 60)
    /// The reconnection delay sent to browsers in `retry:`.
    public var sseRetryMilliseconds = 2000
    /// How many bytes may wait for one slow SSE client before it is disconnected (it resumes by Last-Event-ID).
    public var sseBufferBytes = 256 << 10
    /// Connections the kernel may hold for the server before it accepts them. A crowd of SSE clients
    /// reconnecting at once (after a restart) arrives faster than any server accepts, so the default asks
    /// for as many as Linux allows; the kernel caps it at `net.core.somaxconn`.
    public var listenBacklog = 65535
    /// Key for upload URLs; read from or written to the data folder when nil.
    public var signingKey: Data?
    /// Runs extraction in a child process with these limits; nil extracts in-process.
    public var extractionSandbox: ExtractionSandbox?
    /// The repository's `Samples/web` folder, served at `/samples/web/`; nil serves no samples.
    public var samplesDirectory: URL?
    /// The one web origin (`https://app.example.com`) whose pages may call the API and open streams
    /// from the browser, or `*` for any; nil allows only pages served by Vitae itself (or a proxy in front).
    public var corsOrigin: String?

    public init() {}
}

/// Where a child-process extraction runs and what it may use.
public struct ExtractionSandbox: Sendable {
    /// The `vitae` binary, whose `extract` command does the work.
    public var executable: URL
    public var cpuSeconds: Int = 20
    public var memoryBytes: Int = 1 << 30
    public var wallClock: Duration = .seconds(60)

    public init(executable: URL) {
        self.executable = executable
    }
}
