/// A place in a pipeline file, so every complaint can say where to look.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A pipeline file, parsed and checked against the registry.
public struct PipelineDefinition: Sendable {
    /// The queue jobs of this pipeline are added to, e.g. `resume-analysis`.
    public var queue: String
    public var description: String?
    public var stages: [StageDefinition]
    public var source: String

    public init(queue: String, description: String? = nil, stages: [StageDefinition], source: String) {
        self.queue = queue
        self.description = description
        self.stages = stages
        self.source = source
    }
}

public struct StageDefinition: Sendable {
    public var name: StageName
    public var weight: Double
    /// What the `job_update` at the start of the stage says.
    public var message: String
    public var steps: [StepDefinition]
    public var location: SourceLocation
}

public struct StepDefinition: Sendable {
    public var uses: String
    public var location: SourceLocation
}

/// What is wrong with a pipeline file, where, and what to write instead.
public struct PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax, unknownKey, missingKey, wrongType, unknownStep, duplicateStage, missingStage,
            stageOrder, badWeight, badOptions, notFound
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(_ kind: Kind, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(location): error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}

/// Several problems found in one pass, so an author fixes them all at once.
public struct PipelineErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [PipelineError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
