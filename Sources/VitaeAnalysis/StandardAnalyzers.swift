import VitaeEngine

/// Every analyzer Vitae ships, by the name pipeline files use.
public enum StandardAnalyzers {
    public static let all: [AnalyzerRegistration] = [
        .analyzer(ContactAnalyzer.self),
        .analyzer(SectionsAnalyzer.self),
        .analyzer(SkillsAnalyzer.self),
        .analyzer(ExperienceAnalyzer.self),
        .analyzer(EducationAnalyzer.self),
        .analyzer(SignalsAnalyzer.self),
        .analyzer(ScoreAnalyzer.self),
        .analyzer(MatchAnalyzer.self),
    ]

    /// The analyzers that read fields from the text, in pipeline order, with default options: what
    /// `vitae eval` measures (scoring needs a rubric and is not a field).
    public static func fieldSteps(skills: SkillsAnalyzer.Options = .init()) throws -> [any PipelineStep] {
        [
            try AnalyzerStep<SectionsAnalyzer>(options: NoOptions()),
            try AnalyzerStep<ContactAnalyzer>(options: NoOptions()),
            try AnalyzerStep<ExperienceAnalyzer>(options: .init()),
            try AnalyzerStep<SkillsAnalyzer>(options: skills),
            try AnalyzerStep<EducationAnalyzer>(options: NoOptions()),
            try AnalyzerStep<SignalsAnalyzer>(options: NoOptions()),
        ]
    }
}
