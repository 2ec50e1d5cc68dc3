import ArgumentParser
import Foundation
import VitaeAnalysis
import VitaeEngine

/// Where pipeline files come from, shared by every command that runs or checks pipelines.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Folder of pipeline files (default: $VITAE_PIPELINES, ./Pipelines, or the one beside the vitae binary).",
        valueName: "dir"))
    var pipelinesDir: String?

    func catalog() -> PipelineCatalog {
        PipelineCatalog(directory: directory(), loader: PipelineLoader(registry: .standard))
    }

    func directory() -> URL {
        if let pipelinesDir { return URL(fileURLWithPath: pipelinesDir) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["VITAE_PIPELINES"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        return BundledFolder.locate("Pipelines")
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Pipelines")
    }
}
