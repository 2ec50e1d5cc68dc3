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
        let fileManager = FileManager.default
        let local = URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("Pipelines")
        if fileManager.fileExists(atPath: local.path) { return local }
        // A binary built in the repository (.build/debug/vitae) or installed beside a share folder.
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            for candidate in ["Pipelines", "share/vitae/Pipelines"] {
                let url = folder.appendingPathComponent(candidate)
                if fileManager.fileExists(atPath: url.path) { return url }
            }
            folder.deleteLastPathComponent()
        }
        return local
    }
}
