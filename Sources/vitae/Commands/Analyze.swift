import ArgumentParser
import Foundation
import VitaeAnalysis
import VitaeEngine

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse resume files (PDF, DOCX or text) and print a score with its breakdown.",
        discussion: """
            On a terminal, a progress bar per file is drawn on stderr. With --format json, stdout gets \
            one JSON document per file and line: {"file", "jobId", "status", "progress", "message", \
            "result"} where result.score is the 0-100 score, or "error" and "errorCode" for a file \
            that failed. The exit code is 0 when every file was analysed and 1 when any failed.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("Resume files to analyse.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Pipeline to run: a queue name from the pipelines folder or a path to a .yaml file.", valueName: "name|path"))
    var pipeline = "resume-analysis"

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("How many files to analyse at once.", valueName: "n"))
    var jobs = 2

    @Option(help: ArgumentHelp("Password of encrypted PDFs (user or owner).", valueName: "password"))
    var password: String?

    @Option(name: .customLong("job"), help: ArgumentHelp("A job posting (PDF, DOCX or text) to match each resume against.", valueName: "file"))
    var jobPosting: String?

    @OptionGroup var pipelines: PipelineOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard !files.isEmpty else { throw ValidationError("name at least one file to analyse") }
    }

    func run() async throws {
        let pipeline: Pipeline
        do {
            pipeline = try pipelines.catalog().resolve(self.pipeline)
        } catch let errors as PipelineErrors {
            FileHandle.standardError.write(Data((errors.description + "\n").utf8))
            throw ExitCode(2)
        }
        let display = ProgressDisplay(names: files.map { URL(fileURLWithPath: $0).lastPathComponent })
        let outcomes = await runAll(pipeline: pipeline, display: display)
        display.finish()
        let output = OutputWriter(format: format)
        for (index, file) in files.enumerated() {
            output.write(file: file, outcome: outcomes[index])
        }
        if outcomes.contains(where: { $0.status != .completed }) { throw ExitCode(1) }
    }

    /// Runs the files with at most `jobs` at once; outcomes come back in argument order.
    private func runAll(pipeline: Pipeline, display: ProgressDisplay) async -> [JobUpdate] {
        let jobSource = jobPosting.map { FileSource(path: $0) }
        return await withTaskGroup(of: (Int, JobUpdate).self) { group in
            var outcomes = [JobUpdate?](repeating: nil, count: files.count)
            var next = 0
            func start(_ index: Int) {
                let input = JobInput(resume: FileSource(path: files[index]), jobDescription: jobSource, password: password)
                let jobId = "cli-\(index + 1)"
                group.addTask {
                    let last = await pipeline.execute(jobId: jobId, input: input) { update in
                        display.update(index, update)
                    }
                    return (index, last)
                }
            }
            while next < min(jobs, files.count) { start(next); next += 1 }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                if next < files.count { start(next); next += 1 }
            }
            return outcomes.map { $0! }
        }
    }
}
