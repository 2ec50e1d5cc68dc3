import Foundation
import Testing
@testable import VitaeExtraction

/// Test files live next to this source file, so the suite runs from any working directory.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let resumes = root.appendingPathComponent("resumes")
    static let oddSamples = root.appendingPathComponent("pdf-odd/samples")

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    /// Every PDF under pdf-odd/samples, as paths relative to that folder, sorted.
    static let oddPDFs: [String] = {
        let base = oddSamples.standardizedFileURL.path + "/"
        let files = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".pdf") }.sorted()
    }()
}

struct TimedOut: Error, CustomStringConvertible {
    var seconds: Double
    var description: String { "extraction did not finish within \(seconds) s" }
}

/// Runs a blocking extraction with a deadline so a hang fails the test instead of stalling the
/// whole suite. The extraction runs on a detached thread; on timeout the test fails at once.
func extractWithin(
    _ seconds: Double, _ data: Data, options: ExtractionOptions = .init()
) async throws -> Document {
    try await withThrowingTaskGroup(of: Document?.self) { group in
        group.addTask { try Extractor.extract(data, options: options) }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let document = first else { throw TimedOut(seconds: seconds) }
        return document
    }
}

/// The error an extraction throws, or nil when it succeeds.
func extractionError(_ data: Data, options: ExtractionOptions = .init()) -> ExtractionError? {
    do {
        _ = try Extractor.extract(data, options: options)
        return nil
    } catch let error as ExtractionError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// Whitespace-separated words, for comparisons that must not depend on spacing.
func words(_ text: String) -> [String] {
    text.split(whereSeparator: \.isWhitespace).map(String.init)
}
