import VitaeEngine

/// Every analyzer Vitae ships, by the name pipeline files use.
public enum StandardAnalyzers {
    public static let all: [AnalyzerRegistration] = [
    ]
}
