import ArgumentParser
import Foundation
import VitaeAnalysis
import VitaeEngine

struct Pipelines: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check pipeline files and list the steps they can use.",
        subcommands: [Validate.self, Steps.self])

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check pipeline files; prints file:line:column errors and exits 1 if any is broken.")

        @Argument(help: "Pipeline files to check (default: every file in the pipelines folder).")
        var paths: [String] = []

        @OptionGroup var pipelines: PipelineOptions

        func run() throws {
            let catalog = pipelines.catalog()
            let files = paths.isEmpty ? catalog.files() : paths.map { URL(fileURLWithPath: $0) }
            guard !files.isEmpty else {
                throw ValidationError("no pipeline files in \(catalog.directory.path)")
            }
            var broken = 0
            for file in files {
                do {
                    let pipeline = try catalog.loader.load(contentsOf: file)
                    let stages = pipeline.definition.stages.map { "\($0.name.rawValue)(\($0.steps.count))" }
                    print("ok  \(file.path): queue '\(pipeline.queue)', stages \(stages.joined(separator: " "))")
                } catch let errors as PipelineErrors {
                    broken += 1
                    FileHandle.standardError.write(Data((errors.description + "\n").utf8))
                }
            }
            if broken > 0 { throw ExitCode(1) }
        }
    }

    struct Steps: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the steps and analyzers pipeline files can name.")

        func run() {
            for (name, summary) in StepRegistry.standard.catalogue {
                print(name.padding(toLength: 18, withPad: " ", startingAt: 0) + summary)
            }
        }
    }
}
