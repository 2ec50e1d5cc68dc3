import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import VitaeAnalysis
import VitaeEngine
import VitaeStore

/// One `vitae serve` process: the HTTP API, its SSE hub and (optionally) in-process workers,
/// run as services that shut down gracefully together.
public struct VitaeServer: Sendable {
    public let configuration: ServerConfiguration
    public let store: any JobStore & EventFeed
    public let blobs: any BlobStore
    /// Deletes uploads no job needs; nil when the blob store cannot tell.
    public let uploadCleanup: (any UploadCleanup)?
    public let pipelines: [String: Pipeline]
    let logger: Logger

    /// Opens the embedded default: SQLite and a blob folder inside the data directory.
    public static func embedded(configuration: ServerConfiguration, pipelines: [String: Pipeline], logger: Logger) throws -> VitaeServer {
        let directory = configuration.dataDirectory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteJobStore(path: directory.appendingPathComponent("vitae.sqlite").path)
        let blobs = try FileBlobStore(directory: directory.appendingPathComponent("blobs"))
        return VitaeServer(configuration: configuration, store: store, blobs: blobs,
                           uploadCleanup: EmbeddedUploadCleanup(store: store, blobs: blobs), pipelines: pipelines, logger: logger)
    }

    public init(configuration: ServerConfiguration, store: any JobStore & EventFeed, blobs: any BlobStore,
                uploadCleanup: (any UploadCleanup)?, pipelines: [String: Pipeline], logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.uploadCleanup = uploadCleanup
        self.blobs = blobs
        self.pipelines = pipelines
        self.logger = logger
    }

    /// The router with every route, and the hub and metrics it shares with the workers.
    /// Separate from `run` so tests can compare the registered routes with the OpenAPI document.
    func assemble(signingKey key: Data) -> (router: Router<VitaeRequestContext>, hub: EventHub, metrics: ServerMetrics, sse: SSERoutes) {
        let metrics = ServerMetrics()
        let hub = EventHub(store: store, feed: store, heartbeatInterval: configuration.heartbeatInterval,
                           bufferBytes: configuration.sseBufferBytes, retryMilliseconds: configuration.sseRetryMilliseconds,
                           reconcileInterval: configuration.eventReconcileInterval, metrics: metrics, logger: logger)
        let router = Router(context: VitaeRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger))
        // Outside the error envelope, so error answers carry the CORS headers too and a browser lets the page read them.
        if let origin = configuration.corsOrigin { router.add(middleware: Self.cors(allowing: origin)) }
        router.add(middleware: ErrorEnvelopeMiddleware(logger: logger))
        router.get("/healthz") { _, _ in JSONResponse.success(["status": "ok"]) }
        UploadRoutes(blobs: blobs, signer: UploadSigner(key: key), maxUploadBytes: configuration.maxUploadBytes,
                     lifetime: configuration.uploadURLLifetime).register(on: router)
        QueueRoutes(store: store, blobs: blobs, pipelines: pipelines, metrics: metrics).register(on: router)
        let sse = SSERoutes(store: store, hub: hub, retryMilliseconds: configuration.sseRetryMilliseconds, queues: Set(pipelines.keys),
                            logger: logger)
        sse.register(on: router)
        MetricsRoutes(metrics: metrics, store: store, hub: hub, queues: pipelines.keys.sorted()).register(on: router)
        // Last: its file middleware must only see requests that no route above answered.
        WebContent(samplesDirectory: configuration.samplesDirectory, logger: logger).register(on: router)
        return (router, hub, metrics, sse)
    }

    /// Runs until SIGINT/SIGTERM (or cancellation); `onListening` gets the bound port.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let key = try configuration.signingKey ?? UploadSigner.loadOrCreateKey(in: configuration.dataDirectory)
        let (router, hub, metrics, sse) = assemble(signingKey: key)
        let serverName = "Vitae"

        let app = Application(
            router: router,
            server: HTTPServerBuilder { responder in
                LeanHTTP1Channel(HTTP1Channel(responder: responder, configuration: .init(
                    additionalChannelHandlers: [JobStreamChannelHandler(routes: sse, serverName: serverName,
                                                                      passesCrossOrigin: configuration.corsOrigin != nil)])))
            },
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: serverName,
                                 backlog: configuration.listenBacklog),
            onServerRunning: { channel in
                // Accept more than NIO's default 4 connections per wake-up: a burst of clients
                // otherwise waits in (and overflows) the listen queue while the loop serves others.
                try? await channel.setOption(ChannelOptions.maxMessagesPerRead, value: 64)
                Self.noteBacklogCap(asked: configuration.listenBacklog, logger: logger)
                await onListening(channel.localAddress?.port ?? 0)
            },
            logger: logger)
        let workers = makeWorkerPool(metrics: metrics)
        var services: [any Service] = [workers, hub, app]
        if let uploadCleanup, let retention = configuration.uploadRetention {
            services.insert(UploadCleanupService(cleanup: uploadCleanup, retention: retention,
                                                 interval: configuration.uploadCleanupInterval, logger: logger), at: 0)
        }
        // Shutdown runs in reverse: the HTTP server stops first, then the hub ends the streams, then workers drain.
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// Lets pages of `origin` (or of any origin, for `*`) use the API: the JSON calls, the upload PUT with the
    /// seed's `x-ms-blob-type` header, and streams resumed with `Last-Event-ID`.
    static func cors(allowing origin: String) -> CORSMiddleware<VitaeRequestContext> {
        CORSMiddleware(
            allowOrigin: origin == "*" ? .all : .custom(origin),
            allowHeaders: [.accept, .contentType, .origin, .lastEventId, .requestId, .blobType],
            allowMethods: [.get, .post, .put, .delete, .head, .options],
            exposedHeaders: [HTTPField.Name.requestId.canonicalName],
            maxAge: .seconds(600))
    }

    /// Says so when the kernel holds fewer waiting connections than asked for: a crowd of SSE clients
    /// reconnecting together then overflows the listen queue and waits for SYN retries (seconds).
    static func noteBacklogCap(asked: Int, logger: Logger) {
        guard let text = try? String(contentsOfFile: "/proc/sys/net/core/somaxconn", encoding: .utf8),
              let cap = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), cap < asked else { return }
        logger.info("listen backlog capped by net.core.somaxconn", metadata: [
            "asked": "\(asked)", "cap": "\(cap)", "hint": "raise net.core.somaxconn for bursts of more than \(cap) connections"])
    }

    /// Runs only the workers, without the HTTP front: `vitae worker`, beside front ends that share the store.
    public func runWorkers() async throws {
        let group = ServiceGroup(configuration: .init(
            services: [makeWorkerPool()], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    private func makeWorkerPool(metrics: ServerMetrics? = nil) -> WorkerPool {
        WorkerPool(
            store: store, feed: store, blobs: blobs, pipelines: pipelines,
            environment: RunEnvironment(extractor: configuration.extractionSandbox.map(SandboxedExtractor.init) ?? InProcessExtractor()),
            concurrency: configuration.workers, lease: configuration.leaseDuration,
            gracePeriod: configuration.shutdownGracePeriod, metrics: metrics, logger: logger)
    }
}

/// Hummingbird's HTTP/1.1 channel, with a smaller first receive buffer: each connection keeps its
/// last receive buffer, and an idle SSE connection read one short request. NIO's adaptive
/// allocator still grows the buffer for a connection that sends more.
struct LeanHTTP1Channel: ServerChildChannel {
    let http1: HTTP1Channel

    init(_ http1: HTTP1Channel) {
        self.http1 = http1
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        // Child channels are set up on their event loop, where synchronous options are allowed.
        try? channel.syncOptions?.setOption(.recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 512, maximum: 65536))
        return http1.setup(channel: channel, logger: logger)
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
