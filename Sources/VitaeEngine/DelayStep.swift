/// Waits a fixed time in slices, reporting each one.
///
/// Real pipelines have no use for it; it lets demos, load tests and the browser tests make a job
/// last long enough to watch (and to restart the server under it) without test-only code in the binary.
public struct DelayStep: PipelineStep {
    public struct Options: Decodable, Sendable {
        public var milliseconds: Int
        public var slices: Int?
    }

    static let defaultSlices = 4
    public static let name = "delay"
    public static let summary = "waits, reporting progress in slices (options: milliseconds, slices); for demos and tests"
    let options: Options

    public init(options: Options) throws {
        guard (0...600_000).contains(options.milliseconds), (1...1000).contains(options.slices ?? Self.defaultSlices) else {
            throw JobError(code: "bad_options", message: "delay needs milliseconds 0-600000 and slices 1-1000")
        }
        self.options = options
    }

    public func run(_ job: inout JobState, progress: StepProgress) async throws {
        let slices = options.slices ?? Self.defaultSlices
        for slice in 1...slices {
            try await Task.sleep(for: .milliseconds(options.milliseconds / slices))
            progress.update(done: slice, of: slices, message: "Waiting \(slice) of \(slices)")
        }
    }
}
