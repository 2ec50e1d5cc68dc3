import ArgumentParser
import Foundation
import VitaeServer

/// A flag's value, else its `VITAE_*` environment variable's, else nil; a variable that does not
/// parse is an error that names it.
func setting<T: LosslessStringConvertible>(_ flag: T?, _ variable: String) throws -> T? {
    if let flag { return flag }
    guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else { return nil }
    guard let value = T(text) else { throw ValidationError("\(variable)=\(text) is not a valid value") }
    return value
}

/// How a process that runs jobs reads files: by default in a limited child process of this binary.
struct ExtractionOptionsGroup: ParsableArguments {
    @Flag(name: .customLong("in-process-extraction"),
          help: "Read files inside this process instead of a limited child process (faster, but a crashing PDF takes the process down).")
    var inProcessExtraction = false

    func apply(to configuration: inout ServerConfiguration) {
        guard !inProcessExtraction else { return }
        // The running binary's own `extract` command does the reading in a child process.
        configuration.extractionSandbox = ExtractionSandbox(executable: Self.ownExecutable)
    }

    /// This binary, wherever it was started from (PATH, a relative path or a symlink).
    static var ownExecutable: URL {
        let procSelf = URL(fileURLWithPath: "/proc/self/exe")
        if FileManager.default.fileExists(atPath: procSelf.path) { return procSelf.resolvingSymlinksInPath() }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().absoluteURL
    }
}
