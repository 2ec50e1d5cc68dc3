import Foundation
import Synchronization

/// A checked pipeline with its steps built, ready to run any number of jobs.
public struct Pipeline: Sendable {
    public struct Stage: Sendable {
        public var definition: StageDefinition
        public var steps: [any PipelineStep]
    }

    public let definition: PipelineDefinition
    let stages: [Stage]

    init(definition: PipelineDefinition, stages: [Stage]) {
        self.definition = definition
        self.stages = stages
    }

    public var queue: String { definition.queue }

    /// Runs one job, yielding every `job_update` from `started` to `completed` or `failed`.
    ///
    /// The stream always ends with exactly one terminal update. Ending the iteration early
    /// cancels the job.
    public func run(jobId: String, input: JobInput, environment: RunEnvironment = .init()) -> AsyncStream<JobUpdate> {
        AsyncStream { continuation in
            let task = Task {
                await self.execute(jobId: jobId, input: input, environment: environment) { continuation.yield($0) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Runs one job, handing each update to `emit` in order; returns the terminal update.
    @discardableResult
    public func execute(
        jobId: String, input: JobInput, environment: RunEnvironment = .init(),
        emit: @escaping @Sendable (JobUpdate) -> Void
    ) async -> JobUpdate {
        let tracker = SharedProgress(weights: stages.map(\.definition.weight))
        let publish: @Sendable (JobStatus, StageName?, String) -> Void = { status, stage, message in
            let progress = tracker.withLock { $0.progress }
            emit(JobUpdate(jobId: jobId, status: status, progress: progress, stage: stage, message: message))
        }
        var job = JobState(jobId: jobId, input: input, environment: environment)
        var currentStage = stages.first?.definition.name
        do {
            for (stageIndex, stage) in stages.enumerated() {
                try Task.checkCancellation()
                let name = stage.definition.name
                currentStage = name
                tracker.withLock { $0.enter(stage: stageIndex) }
                publish(stageIndex == 0 ? .started : .inProgress, name, stage.definition.message)
                let stepCount = stage.steps.count
                for (stepIndex, step) in stage.steps.enumerated() {
                    try Task.checkCancellation()
                    let progress = StepProgress { fraction, message in
                        let changed = tracker.withLock {
                            $0.advance(stage: stageIndex, fraction: (Double(stepIndex) + fraction) / Double(stepCount))
                        }
                        if changed || message != nil {
                            publish(.inProgress, name, message ?? stage.definition.message)
                        }
                    }
                    try await step.run(&job, progress: progress)
                    progress.update(1)
                }
            }
            let done = JobUpdate(
                jobId: jobId, status: .completed, progress: 100, stage: nil, message: "Analysis completed",
                result: job.results.json)
            emit(done)
            return done
        } catch {
            let failure = JobError(error)
            let failed = JobUpdate(
                jobId: jobId, status: .failed, progress: tracker.withLock { $0.progress }, stage: currentStage,
                message: failure.errorMessage, error: failure.errorMessage, errorCode: failure.errorCode)
            emit(failed)
            return failed
        }
    }
}

/// The tracker shared between the runner and the progress callbacks of its steps.
final class SharedProgress: Sendable {
    private let state: Mutex<ProgressTracker>
    init(weights: [Double]) { state = Mutex(ProgressTracker(weights: weights)) }
    func withLock<R: Sendable>(_ body: (inout ProgressTracker) -> R) -> R { state.withLock { body(&$0) } }
}

/// Turns stage weights and in-stage fractions into one 0-100 figure that never goes back.
struct ProgressTracker: Sendable {
    private let starts: [Double]
    private let shares: [Double]
    private(set) var progress = 0

    init(weights: [Double]) {
        let total = weights.reduce(0, +)
        var starts: [Double] = []
        var sum = 0.0
        for weight in weights {
            starts.append(total > 0 ? sum / total : 0)
            sum += weight
        }
        self.starts = starts
        self.shares = weights.map { total > 0 ? $0 / total : 0 }
    }

    mutating func enter(stage: Int) {
        _ = advance(stage: stage, fraction: 0)
    }

    /// Moves to `fraction` through `stage`; true when the whole-number progress changed.
    /// 100 is kept for completion, so a job at its last step reads 99 at most.
    mutating func advance(stage: Int, fraction: Double) -> Bool {
        let exact = (starts[stage] + shares[stage] * min(max(fraction, 0), 1)) * 100
        let next = min(99, max(progress, Int(exact.rounded(.down))))
        defer { progress = next }
        return next != progress
    }
}
