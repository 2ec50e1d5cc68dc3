import Foundation

/// The pipeline files of one folder, found by queue name or file name.
public struct PipelineCatalog: Sendable {
    public let directory: URL
    public let loader: PipelineLoader

    public init(directory: URL, loader: PipelineLoader) {
        self.directory = directory
        self.loader = loader
    }

    /// The pipeline files in the folder, sorted by name.
    public func files() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    /// Loads every pipeline, keyed by queue; a broken file or two files for one queue is an error.
    public func loadAll() throws -> [String: Pipeline] {
        var pipelines: [String: Pipeline] = [:]
        var errors: [PipelineError] = []
        for file in files() {
            do {
                let pipeline = try loader.load(contentsOf: file)
                if let other = pipelines[pipeline.queue] {
                    errors.append(PipelineError(
                        .duplicateStage, at: SourceLocation(file: file.path, line: 1, column: 1),
                        "queue '\(pipeline.queue)' is already defined by \(other.definition.source)",
                        hint: "give each pipeline file its own `queue:`"))
                }
                pipelines[pipeline.queue] = pipeline
            } catch let failure as PipelineErrors {
                errors += failure.errors
            }
        }
        if !errors.isEmpty { throw PipelineErrors(errors: errors) }
        return pipelines
    }

    /// A pipeline by path (anything with a `/` or a YAML suffix) or by queue or file name here.
    public func resolve(_ reference: String) throws -> Pipeline {
        if reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") {
            return try loader.load(contentsOf: URL(fileURLWithPath: reference))
        }
        for file in files() where file.deletingPathExtension().lastPathComponent == reference {
            return try loader.load(contentsOf: file)
        }
        if let pipeline = try loadAll()[reference] { return pipeline }
        let known = files().map { $0.deletingPathExtension().lastPathComponent }
        throw PipelineErrors(errors: [
            PipelineError(.notFound, at: SourceLocation(file: directory.path, line: 1, column: 1),
                          "no pipeline named '\(reference)'",
                          hint: known.isEmpty ? "the folder has no .yaml files" : suggestion(for: reference, among: known))
        ])
    }
}
