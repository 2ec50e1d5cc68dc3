import ArgumentParser
import Foundation
import VitaeExtraction

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the text Vitae reads from resume files (PDF, DOCX or text).",
        discussion: """
            Text output prints each file's lines; with several files each is preceded by a "==> file <==" \
            line.

            With --format json, stdout gets one JSON object per file and line: \
            {"file", "format", "pageCount", "lines": [{"text", "page", "fontSize", "isBold"}]}, or \
            {"file", "errorCode", "error"} for a file that could not be read. Errors also go to stderr. \
            The exit code is 0 when every file was read and 1 when any failed.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("Files to read.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Password of encrypted PDFs (user or owner); also read from VITAE_EXTRACT_PASSWORD.", valueName: "password"))
    var password: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: .customLong("max-pages"), help: ArgumentHelp("Refuse PDFs with more pages than this.", valueName: "n"))
    var maxPages = ExtractionLimits.default.maxPages

    @Option(help: ArgumentHelp("Refuse files larger than this many bytes.", valueName: "bytes"))
    var maxBytes = ExtractionLimits.default.maxFileBytes

    /// For benchmarks: extract every file this many times in one process and print only the
    /// last round, so process start-up is paid once.
    @Option(help: .hidden)
    var `repeat` = 1

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to read") }
        guard maxPages >= 1 else { throw ValidationError("--max-pages must be at least 1") }
        guard maxBytes >= 1 else { throw ValidationError("--max-bytes must be at least 1") }
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        var limits = ExtractionLimits.default
        limits.maxPages = maxPages
        limits.maxFileBytes = maxBytes
        let options = ExtractionOptions(
            password: password ?? ProcessInfo.processInfo.environment["VITAE_EXTRACT_PASSWORD"], limits: limits)
        var failed = false
        for round in 1...`repeat` {
            for file in files {
                let outcome = Self.extract(file, options: options)
                guard round == `repeat` else { continue }
                switch outcome {
                case .success(let document): write(document, file: file)
                case .failure(let error): failed = true; write(error, file: file)
                }
            }
        }
        if failed { throw ExitCode(1) }
    }

    private static func extract(_ file: String, options: ExtractionOptions) -> Result<Document, ExtractionError> {
        // Refuse an oversized file before reading it into memory.
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > options.limits.maxFileBytes {
            return .failure(.fileTooLarge(bytes: size, limit: options.limits.maxFileBytes))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            return .failure(ExtractionError(.unsupportedFormat, "Cannot read the file: \(error.localizedDescription)"))
        }
        return Result { try Extractor.extract(data, options: options) }.mapError {
            $0 as? ExtractionError ?? ExtractionError(.corrupt, "\($0)")
        }
    }

    private func write(_ document: Document, file: String) {
        switch format {
        case .text:
            if files.count > 1 { print("==> \(file) <==") }
            print(document.text)
        case .json:
            let output = JSONOutput(file: files.count > 1 ? file : nil, format: document.format.rawValue,
                                    pageCount: document.pageCount, lines: document.lines)
            Self.writeJSON(output)
        }
    }

    private func write(_ error: ExtractionError, file: String) {
        FileHandle.standardError.write(Data("\(file): error: \(error.message) [\(error.code.rawValue)]\n".utf8))
        if format == .json {
            Self.writeJSON(JSONError(file: files.count > 1 ? file : nil, errorCode: error.code.rawValue, error: error.message))
        }
    }

    private struct JSONOutput: Encodable {
        var file: String?
        var format: String
        var pageCount: Int
        var lines: [TextLine]
    }

    private struct JSONError: Encodable {
        var file: String?
        var errorCode: String
        var error: String
    }

    private static func writeJSON(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
