import Hummingbird
import VitaeStore

/// `GET /metrics`: the Prometheus text format.
struct MetricsRoutes: Sendable {
    let metrics: ServerMetrics
    let store: any JobStore
    let hub: EventHub
    let queues: [String]

    func register(on router: Router<VitaeRequestContext>) {
        router.get("/metrics") { _, _ in
            // Levels (queue depth, open streams) are read now rather than tracked on every change.
            for queue in queues {
                if let counts = try? await store.counts(queue: queue) { metrics.setQueueDepth(queue: queue, counts: counts) }
            }
            metrics.setOpenSSEConnections(hub.connections.count)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
