import VitaeEngine

extension StepRegistry {
    /// The built-in steps plus every analyzer Vitae ships, as the shipped pipelines use them.
    public static var standard: StepRegistry {
        var registry = StepRegistry.builtIn
        for analyzer in StandardAnalyzers.all {
            analyzer.register(in: &registry)
        }
        return registry
    }
}

/// Lets the list of shipped analyzers be plain data.
public struct AnalyzerRegistration: Sendable {
    let register: @Sendable (inout StepRegistry) -> Void
    public static func analyzer<A: Analyzer>(_ type: A.Type) -> AnalyzerRegistration {
        AnalyzerRegistration { $0.register(analyzer: type) }
    }
    func register(in registry: inout StepRegistry) { register(&registry) }
}
