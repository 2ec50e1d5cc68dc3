import Metrics
// Scoped: Prometheus has its own Counter and Gauge, which would clash with swift-metrics' ones.
import class Prometheus.PrometheusCollectorRegistry
import struct Prometheus.PrometheusMetricsFactory
import VitaeEngine
import VitaeStore

/// The server's Prometheus metrics, recorded through swift-metrics.
///
/// Each server owns its registry and passes its factory to every metric explicitly instead of
/// bootstrapping the process-wide `MetricsSystem`: tests run several servers in one process, and
/// each must scrape only its own numbers.
public final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        // Resume jobs take from a few milliseconds (a text file) to a minute (a long scanned PDF).
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        self.factory = factory
    }

    func jobAdded(queue: String) {
        Counter(label: "vitae_jobs_added_total", dimensions: [("queue", queue)], factory: factory).increment()
    }

    /// `automatic` is a worker's retry after a transient failure; otherwise someone asked for it.
    func jobRetried(queue: String, automatic: Bool) {
        Counter(label: "vitae_jobs_retried_total", dimensions: [("queue", queue), ("trigger", automatic ? "automatic" : "manual")],
                factory: factory).increment()
    }

    func jobCancelled(queue: String) {
        Counter(label: "vitae_jobs_cancelled_total", dimensions: [("queue", queue)], factory: factory).increment()
    }

    /// A run that ended for good: counts it and records how long the attempt took.
    func jobFinished(queue: String, status: JobStatus, errorCode: String?, stage: StageName?, duration: Duration) {
        let outcome = status == .completed ? "completed" : "failed"
        Counter(label: "vitae_jobs_\(outcome)_total", dimensions: [("queue", queue)], factory: factory).increment()
        Timer(label: "vitae_job_duration_seconds", dimensions: [("queue", queue), ("status", outcome)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
        // Fetching and parsing are where a file turns out to be unreadable; later failures are bugs.
        if status == .failed, stage == .parsing || stage == .fetching {
            Counter(label: "vitae_extraction_failures_total", dimensions: [("reason", errorCode ?? "unknown")], factory: factory).increment()
        }
    }

    func stageFinished(queue: String, stage: StageName, duration: Duration) {
        Timer(label: "vitae_stage_duration_seconds", dimensions: [("queue", queue), ("stage", stage.rawValue)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// Events the hub had to read from the log because the event feed did not deliver them.
    func eventsRecovered(_ count: Int) {
        Counter(label: "vitae_events_recovered_total", factory: factory).increment(by: count)
    }

    func eventPublished() {
        Counter(label: "vitae_events_published_total", factory: factory).increment()
    }

    /// Gauges are set when scraped, from the store and the hub, so they can never drift.
    func setQueueDepth(queue: String, counts: QueueCounts) {
        for (state, value) in [("waiting", counts.waiting), ("active", counts.active)] {
            Gauge(label: "vitae_queue_depth", dimensions: [("queue", queue), ("state", state)], factory: factory).record(value)
        }
    }

    func setOpenSSEConnections(_ count: Int) {
        Gauge(label: "vitae_sse_connections_open", factory: factory).record(count)
    }

    /// The Prometheus text exposition format.
    func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
