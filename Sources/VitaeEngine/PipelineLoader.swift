import Foundation
import Yams

/// Reads pipeline files into runnable ``Pipeline``s, checking every part against the registry
/// before anything runs.
public struct PipelineLoader: Sendable {
    public let registry: StepRegistry

    public init(registry: StepRegistry) {
        self.registry = registry
    }

    public func load(contentsOf url: URL) throws -> Pipeline {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PipelineErrors(errors: [
                PipelineError(.notFound, at: SourceLocation(file: url.path, line: 1, column: 1),
                              "cannot read the pipeline file: \(error.localizedDescription)")
            ])
        }
        return try load(yaml: text, source: url.path)
    }

    public func load(yaml: String, source: String) throws -> Pipeline {
        var reader = Reader(source: source, registry: registry)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw PipelineErrors(errors: [reader.syntaxError(error)])
        }
        guard let root else {
            throw PipelineErrors(errors: [
                PipelineError(.missingKey, at: reader.start, "the file is empty",
                              hint: "start with `queue: NAME` and a `stages:` list")
            ])
        }
        let pipeline = reader.pipeline(root)
        if !reader.errors.isEmpty { throw PipelineErrors(errors: reader.errors) }
        return pipeline!
    }
}

/// One pass over a pipeline file's YAML tree, collecting every problem it finds.
private struct Reader {
    let source: String
    let registry: StepRegistry
    var errors: [PipelineError] = []

    init(source: String, registry: StepRegistry) {
        self.source = source
        self.registry = registry
    }

    var start: SourceLocation { SourceLocation(file: source, line: 1, column: 1) }

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return start }
        return SourceLocation(file: source, line: mark.line, column: mark.column)
    }

    mutating func fail(_ kind: PipelineError.Kind, _ node: Node, _ message: String, hint: String? = nil) {
        errors.append(PipelineError(kind, at: location(node), message, hint: hint))
    }

    func syntaxError(_ error: YamlError) -> PipelineError {
        var line = 1, column = 1
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            line = mark.line
            column = mark.column
        default: break
        }
        return PipelineError(.syntax, at: SourceLocation(file: source, line: line, column: column),
                             "not valid YAML: \(error)")
    }

    /// The mapping's entries, complaining about keys outside `allowed`.
    mutating func entries(_ node: Node, allowed: [String], what: String) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            fail(.wrongType, node, "\(what) should be a mapping of keys to values",
                 hint: "write it as `key: value` lines")
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                fail(.unknownKey, key, "unknown key '\(name)' in \(what)", hint: suggestion(for: name, among: allowed))
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    mutating func string(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            fail(.wrongType, node, "\(what) should be a text value")
            return nil
        }
        return scalar.string
    }

    mutating func pipeline(_ root: Node) -> Pipeline? {
        guard let top = entries(root, allowed: ["queue", "description", "stages"], what: "the pipeline") else {
            return nil
        }
        var queue = ""
        if let entry = top["queue"] {
            queue = string(entry.value, what: "`queue`") ?? ""
            if !queue.isEmpty, queue.range(of: #"^[a-z0-9][a-z0-9._-]*$"#, options: .regularExpression) == nil {
                fail(.wrongType, entry.value, "queue name '\(queue)' may hold only a-z, 0-9, '.', '_' and '-'")
            }
        } else {
            fail(.missingKey, root, "missing `queue:`", hint: "name the queue jobs are added to, e.g. `queue: resume-analysis`")
        }
        let description = top["description"].flatMap { string($0.value, what: "`description`") }
        guard let stagesEntry = top["stages"] else {
            fail(.missingKey, root, "missing `stages:`",
                 hint: "list the five stages: \(StageName.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        guard case .sequence(let list) = stagesEntry.value else {
            fail(.wrongType, stagesEntry.value, "`stages` should be a list", hint: "write each stage as `- stage: NAME`")
            return nil
        }
        var stages: [Pipeline.Stage] = []
        var seen: [StageName: SourceLocation] = [:]
        for node in list {
            guard let stage = stage(node) else { continue }
            if let first = seen[stage.definition.name] {
                fail(.duplicateStage, node, "stage '\(stage.definition.name.rawValue)' appears twice (first at line \(first.line))",
                     hint: "merge the two into one stage; put all its steps under one `steps:`")
                continue
            }
            seen[stage.definition.name] = stage.definition.location
            stages.append(stage)
        }
        let missing = StageName.allCases.filter { seen[$0] == nil }
        if !missing.isEmpty {
            fail(.missingStage, stagesEntry.key, "missing stage\(missing.count > 1 ? "s" : "") \(missing.map { "'\($0.rawValue)'" }.joined(separator: ", "))",
                 hint: "every pipeline has the stages \(StageName.allCases.map(\.rawValue).joined(separator: ", ")); give an unused one `weight: 1` and no steps")
        }
        let order = stages.map(\.definition.name)
        if missing.isEmpty, order != StageName.allCases {
            fail(.stageOrder, stagesEntry.key, "stages are in the order \(order.map(\.rawValue).joined(separator: ", "))",
                 hint: "list them as \(StageName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard errors.isEmpty else { return nil }
        return Pipeline(
            definition: PipelineDefinition(queue: queue, description: description, stages: stages.map(\.definition), source: source),
            stages: stages)
    }

    mutating func stage(_ node: Node) -> Pipeline.Stage? {
        guard let fields = entries(node, allowed: ["stage", "weight", "message", "steps"], what: "a stage") else { return nil }
        guard let nameEntry = fields["stage"] else {
            fail(.missingKey, node, "a stage without `stage:`", hint: "start it with `- stage: NAME`")
            return nil
        }
        let rawName = string(nameEntry.value, what: "`stage`") ?? ""
        guard let name = StageName(rawValue: rawName) else {
            fail(.unknownStep, nameEntry.value, "unknown stage '\(rawName)'",
                 hint: suggestion(for: rawName, among: StageName.allCases.map(\.rawValue)))
            return nil
        }
        var weight = 0.0
        if let entry = fields["weight"] {
            if case .scalar = entry.value, let number = entry.value.float, number.isFinite, number > 0 {
                weight = number
            } else {
                fail(.badWeight, entry.value, "the weight of stage '\(rawName)' is '\(entry.value.string ?? "?")'; it must be a number above 0",
                     hint: "weights are relative shares of the progress bar, e.g. `weight: 10`")
            }
        } else {
            fail(.missingKey, node, "stage '\(rawName)' has no `weight:`", hint: "add e.g. `weight: 10`")
        }
        let message = fields["message"].flatMap { string($0.value, what: "`message`") } ?? Self.defaultMessage(name)
        var steps: [any PipelineStep] = []
        var definitions: [StepDefinition] = []
        if let entry = fields["steps"] {
            if case .sequence(let list) = entry.value {
                for stepNode in list {
                    if let (definition, step) = step(stepNode) {
                        definitions.append(definition)
                        steps.append(step)
                    }
                }
            } else if entry.value.null == nil {
                fail(.wrongType, entry.value, "`steps` should be a list", hint: "write each step as `- uses: NAME`")
            }
        }
        let definition = StageDefinition(name: name, weight: weight, message: message, steps: definitions, location: location(node))
        return Pipeline.Stage(definition: definition, steps: steps)
    }

    mutating func step(_ node: Node) -> (StepDefinition, any PipelineStep)? {
        guard let fields = entries(node, allowed: ["uses", "with"], what: "a step") else { return nil }
        guard let usesEntry = fields["uses"], let uses = string(usesEntry.value, what: "`uses`") else {
            if fields["uses"] == nil { fail(.missingKey, node, "a step without `uses:`", hint: "name a registered step, e.g. `- uses: extract`") }
            return nil
        }
        guard let type = registry.step(named: uses) else {
            fail(.unknownStep, usesEntry.value, "unknown analyzer or step '\(uses)'",
                 hint: suggestion(for: uses, among: registry.names))
            return nil
        }
        let definition = StepDefinition(uses: uses, location: location(usesEntry.value))
        do {
            return (definition, try make(type, options: fields["with"]?.value, usesNode: usesEntry.value))
        } catch let error as PipelineError {
            errors.append(error)
            return nil
        } catch {
            fail(.badOptions, fields["with"]?.value ?? node, "step '\(uses)' rejects its options: \(String(describing: error))")
            return nil
        }
    }

    func make<S: PipelineStep>(_ type: S.Type, options node: Node?, usesNode: Node) throws -> any PipelineStep {
        if S.Options.self == NoOptions.self, let node, case .mapping(let mapping) = node, !mapping.isEmpty {
            throw PipelineError(.badOptions, at: location(node), "step '\(S.name)' takes no options",
                                hint: "remove the `with:` block")
        }
        let options: S.Options
        do {
            options = try YAMLDecoder().decode(S.Options.self, from: node ?? Node.mapping(.init([])))
        } catch let error as DecodingError {
            throw optionsError(error, step: S.name, root: node ?? usesNode)
        }
        return try S(options: options)
    }

    func optionsError(_ error: DecodingError, step: String, root: Node) -> PipelineError {
        let context: DecodingError.Context
        let problem: String
        switch error {
        case .typeMismatch(let type, let c):
            context = c
            problem = "should be \(Self.describe(type))"
        case .valueNotFound(let type, let c):
            context = c
            problem = "needs a value (\(Self.describe(type)))"
        case .keyNotFound(let key, let c):
            context = DecodingError.Context(codingPath: c.codingPath + [key], debugDescription: c.debugDescription)
            problem = "is required"
        case .dataCorrupted(let c):
            context = c
            problem = "is not valid: \(c.debugDescription)"
        @unknown default:
            return PipelineError(.badOptions, at: location(root), "step '\(step)': \(error)")
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let target = Self.descend(root, along: context.codingPath)
        return PipelineError(.badOptions, at: location(target),
                             "option `with\(path)` of step '\(step)' \(problem)",
                             hint: "see the step's documentation in the README for its options")
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is Double.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "a text value"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            return "a \(name)"
        }
    }

    /// The deepest node along a decoding path, to point at the offending value.
    static func descend(_ node: Node, along path: [any CodingKey]) -> Node {
        var current = node
        for key in path {
            switch current {
            case .mapping(let mapping):
                guard let next = mapping.first(where: { $0.key.string == key.stringValue })?.value else { return current }
                current = next
            case .sequence(let sequence):
                guard let index = key.intValue, index < sequence.count else { return current }
                current = sequence[index]
            default:
                return current
            }
        }
        return current
    }

    static func defaultMessage(_ stage: StageName) -> String {
        switch stage {
        case .initializing: return "Starting resume analysis"
        case .fetching: return "Fetching the file"
        case .parsing: return "Parsing resume content"
        case .analyzing: return "Analyzing resume"
        case .storing: return "Storing results"
        }
    }
}

/// "did you mean" for a misspelt name, or the list of valid names when nothing is close.
func suggestion(for name: String, among candidates: [String]) -> String {
    let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) {
        return "did you mean '\(best.0)'?"
    }
    return "expected one of: \(candidates.joined(separator: ", "))"
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where j <= b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
