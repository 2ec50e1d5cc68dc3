import Foundation
import VitaeEngine
import VitaeExtraction

/// Reads documents in a child `vitae extract` process with CPU-time, memory and wall-clock
/// limits, so a file that makes poppler crash, hang or balloon fails its own job and nothing else.
public struct SandboxedExtractor: DocumentExtracting {
    public let sandbox: ExtractionSandbox

    public init(sandbox: ExtractionSandbox) {
        self.sandbox = sandbox
    }

    public func extract(_ data: Data, options: ExtractionOptions, progress: ExtractionProgress?) async throws -> Document {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitae-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input")
        let output = folder.appendingPathComponent("output.json")
        try data.write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)

        let process = Process()
        // ulimit in a shell is the portable way to give only the child its limits.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "ulimit -t \(sandbox.cpuSeconds) && ulimit -v \(sandbox.memoryBytes / 1024) && exec \"$0\" \"$@\"",
            sandbox.executable.path, "extract", "--format", "json",
            "--max-pages", String(options.limits.maxPages), "--max-bytes", String(options.limits.maxFileBytes), input.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        // The password travels in the environment, not the argument list other users can read.
        environment["VITAE_EXTRACT_PASSWORD"] = options.password
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice

        let status = try await run(process)
        let reply = try Data(contentsOf: output)
        switch status {
        case .exited(0):
            let document = try JSONDecoder().decode(ChildDocument.self, from: reply)
            progress?(document.pageCount, document.pageCount)
            return Document(format: document.format, pageCount: document.pageCount, lines: document.lines)
        case .exited(1):
            if let failure = try? JSONDecoder().decode(ChildError.self, from: reply),
               let code = ExtractionError.Code(rawValue: failure.errorCode) {
                throw ExtractionError(code, failure.error)
            }
            throw JobError(code: "extraction_crashed", message: "The file could not be read (the reader gave no reason)")
        case .timedOut:
            throw JobError(code: "extraction_timeout", message: "Reading the file took longer than \(sandbox.wallClock); it cannot be analysed")
        default:
            throw JobError(code: "extraction_crashed", message: "The file made the document reader fail (\(status)); it cannot be analysed")
        }
    }

    enum Status: Equatable, CustomStringConvertible {
        case exited(Int32), signalled(Int32), timedOut

        var description: String {
            switch self {
            case .exited(let code): "exit code \(code)"
            case .signalled(let signal): signal == SIGXCPU || signal == SIGKILL ? "CPU or memory limit" : "signal \(signal)"
            case .timedOut: "time limit"
            }
        }
    }

    /// Runs the child to its end, killing it at the wall-clock limit or when the job is cancelled.
    /// The wait is on the termination handler, never `waitUntilExit()`: that would hold one of the
    /// few cooperative threads for as long as the child runs.
    private func run(_ process: Process) async throws -> Status {
        let (ended, finish) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in finish.yield(); finish.finish() }
        try process.run()
        let pid = process.processIdentifier
        let limit = sandbox.wallClock
        let killedAtLimit = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                guard (try? await Task.sleep(for: limit)) != nil else { return false }
                kill(pid, SIGKILL)
                return true
            }
            await withTaskCancellationHandler {
                for await _ in ended {}
            } onCancel: {
                kill(pid, SIGKILL)
            }
            group.cancelAll()
            return await group.next() ?? false
        }
        // Cancelled: the child is killed but may not be reaped yet, so its status cannot be read.
        try Task.checkCancellation()
        let status: Status = process.terminationReason == .uncaughtSignal
            ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
        // A child that finished in the same instant the limit passed keeps its own result.
        return killedAtLimit && status == .signalled(SIGKILL) ? .timedOut : status
    }

    private struct ChildDocument: Decodable {
        var format: DocumentFormat
        var pageCount: Int
        var lines: [TextLine]
    }

    private struct ChildError: Decodable {
        var errorCode: String
        var error: String
    }
}
