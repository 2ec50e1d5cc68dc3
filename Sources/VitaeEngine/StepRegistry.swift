/// The steps a pipeline file may name, by `uses:` name.
public struct StepRegistry: Sendable {
    private(set) var steps: [String: any PipelineStep.Type] = [:]

    public init() {}

    /// The built-in fetching, parsing and storing steps.
    public static var builtIn: StepRegistry {
        var registry = StepRegistry()
        registry.register(CheckInputStep.self)
        registry.register(FetchStep.self)
        registry.register(ExtractStep.self)
        registry.register(StoreStep.self)
        registry.register(DelayStep.self)
        return registry
    }

    public mutating func register<S: PipelineStep>(_ step: S.Type) {
        precondition(steps[S.name] == nil, "two steps registered as '\(S.name)'")
        steps[S.name] = step
    }

    public mutating func register<A: Analyzer>(analyzer: A.Type) {
        register(AnalyzerStep<A>.self)
    }

    public func step(named name: String) -> (any PipelineStep.Type)? { steps[name] }

    public var names: [String] { steps.keys.sorted() }

    public var catalogue: [(name: String, summary: String)] {
        names.map { ($0, steps[$0]!.summary) }
    }
}
