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
/// whole suite. The extraction gets its own thread, which is abandoned on timeout: a task group
/// would wait for its blocked child before returning and so hang with it.
func extractWithin(
    _ seconds: Double, _ data: Data, options: ExtractionOptions = .init()
) async throws -> Document {
    try await runWithin(seconds) { try Extractor.extract(data, options: options) }
}

func runWithin<T: Sendable>(
    _ seconds: Double, slot: Bool = true, _ work: @escaping @Sendable () throws -> T
) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let resumed = Locked(false)
        let finish: @Sendable (Result<T, any Error>) -> Void = { result in
            let first = resumed.withLock { done in
                defer { done = true }
                return !done
            }
            if first { continuation.resume(with: result) }
        }
        // The deadline runs from when work starts; the cap also covers waiting for a slot, so
        // earlier hung work holding the slots cannot hang this call too.
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds * 4) { finish(.failure(TimedOut(seconds: seconds * 4))) }
        Thread.detachNewThread {
            // One extraction per core at a time, so parallel tests do not eat each other's deadline.
            if slot { extractionSlots.wait() }
            defer { if slot { extractionSlots.signal() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { finish(.failure(TimedOut(seconds: seconds))) }
            finish(Result { try work() })
        }
    }
}

private let extractionSlots = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount))

/// A lock-protected box for values shared with @Sendable callbacks.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock(); defer { lock.unlock() }
        return body(&value)
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
