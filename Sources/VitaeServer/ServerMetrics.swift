import Metrics
import Synchronization
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
    /// Handles made once per label and dimensions: making one validates the names and looks the metric
    /// up in the registry, which costs more than the update itself and runs several times per job.
    private let counters = HandleCache<MetricKey, Counter>()
    private let timers = HandleCache<MetricKey, Timer>()
    /// Stage timers, recorded five times per job, found without building a key's dimension list.
    private let stageTimers = HandleCache<StageKey, Timer>()

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
        counter("vitae_jobs_added_total", [("queue", queue)]).increment()
    }

    /// `automatic` is a worker's retry after a transient failure; otherwise someone asked for it.
    func jobRetried(queue: String, automatic: Bool) {
        counter("vitae_jobs_retried_total", [("queue", queue), ("trigger", automatic ? "automatic" : "manual")]).increment()
    }

    func jobCancelled(queue: String) {
        counter("vitae_jobs_cancelled_total", [("queue", queue)]).increment()
    }

    /// A run that ended for good: counts it and records how long the attempt took.
    func jobFinished(queue: String, status: JobStatus, errorCode: String?, stage: StageName?, duration: Duration) {
        let outcome = status == .completed ? "completed" : "failed"
        counter("vitae_jobs_\(outcome)_total", [("queue", queue)]).increment()
        timer("vitae_job_duration_seconds", [("queue", queue), ("status", outcome)]).recordNanoseconds(duration.nanoseconds)
        // Fetching and parsing are where a file turns out to be unreadable; later failures are bugs.
        if status == .failed, stage == .parsing || stage == .fetching {
            counter("vitae_extraction_failures_total", [("reason", errorCode ?? "unknown")]).increment()
        }
    }

    func stageFinished(queue: String, stage: StageName, duration: Duration) {
        stageTimers.handle(StageKey(queue: queue, stage: stage)) {
            timer("vitae_stage_duration_seconds", [("queue", queue), ("stage", stage.rawValue)])
        }.recordNanoseconds(duration.nanoseconds)
    }

    /// Events the hub had to read from the log because the event feed did not deliver them.
    func eventsRecovered(_ count: Int) {
        counter("vitae_events_recovered_total").increment(by: count)
    }

    func eventsPublished(_ count: Int) {
        counter("vitae_events_published_total").increment(by: count)
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

    private func counter(_ label: String, _ dimensions: [(String, String)] = []) -> Counter {
        counters.handle(MetricKey(label: label, dimensions: dimensions)) { Counter(label: label, dimensions: dimensions, factory: factory) }
    }

    private func timer(_ label: String, _ dimensions: [(String, String)]) -> Timer {
        timers.handle(MetricKey(label: label, dimensions: dimensions)) { Timer(label: label, dimensions: dimensions, factory: factory) }
    }

    /// The Prometheus text exposition format.
    func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

/// Metric handles, each made the first time its key is asked for.
private final class HandleCache<Key: Hashable & Sendable, Handle: Sendable>: Sendable {
    private let handles = Mutex<[Key: Handle]>([:])

    func handle(_ key: Key, make: () -> Handle) -> Handle {
        handles.withLock { handles in
            if let handle = handles[key] { return handle }
            let handle = make()
            handles[key] = handle
            return handle
        }
    }
}

private struct StageKey: Hashable {
    let queue: String
    let stage: StageName
}

private struct MetricKey: Hashable {
    let label: String
    let dimensions: [String]

    init(label: String, dimensions: [(String, String)]) {
        self.label = label
        self.dimensions = dimensions.flatMap { [$0.0, $0.1] }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
