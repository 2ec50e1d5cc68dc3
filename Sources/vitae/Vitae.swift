import ArgumentParser

@main
struct Vitae: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vitae",
        abstract: "Analyse resumes and watch the analysis live.",
        discussion: """
            Run `vitae analyze resume.pdf` for a score and breakdown in the terminal.
            Pipelines are read from ./Pipelines, or the folder named by --pipelines-dir or VITAE_PIPELINES.
            """,
        version: "0.1.0",
        subcommands: [Analyze.self, Serve.self, Worker.self, Extract.self, Eval.self, Pipelines.self])
}
