import Foundation
import Testing
import VitaeEngine
import VitaeExtraction
import VitaeServer

/// The child-process reader: real `vitae extract` runs, and stand-in children that hang or crash
/// the way a hostile PDF can make poppler do.
@Suite struct SandboxedExtractorTests {
    /// The `vitae` binary built beside the test bundle.
    static let vitae = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("vitae")
    static let samples = TestPipelines.repositoryRoot.appendingPathComponent("Samples")

    func script(_ body: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString).sh")
        try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    @Test func readsARealPDFInAChild() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.vitae.path), "build vitae first")
        let data = try Data(contentsOf: Self.samples.appendingPathComponent("priya-raman-single-column.pdf"))
        let document = try await SandboxedExtractor(sandbox: .init(executable: Self.vitae)).extract(data, options: .init(), progress: nil)
        #expect(document.format == .pdf)
        #expect(document.text.contains("Priya Raman"))
        #expect(document == (try Extractor.extract(data)), "the child reads exactly what the library reads")
    }

    @Test func readerErrorsKeepTheirCode() async throws {
        let extractor = SandboxedExtractor(sandbox: .init(executable: Self.vitae))
        await #expect(throws: ExtractionError.self) {
            _ = try await extractor.extract(Data("%PDF-1.7\nnothing else".utf8), options: .init(), progress: nil)
        }
        do {
            _ = try await extractor.extract(Data([0, 1, 2, 3, 0, 0, 9]), options: .init(), progress: nil)
        } catch let error as ExtractionError {
            #expect(error.code == .unsupportedFormat)
        }
    }

    @Test func aHangingReaderIsKilledAtTheWallClockLimit() async throws {
        var sandbox = ExtractionSandbox(executable: try script("exec sleep 30"))
        sandbox.wallClock = .milliseconds(300)
        let started = ContinuousClock.now
        await #expect { _ = try await SandboxedExtractor(sandbox: sandbox).extract(Data("x".utf8), options: .init(), progress: nil) } throws: {
            ($0 as? JobError)?.errorCode == "extraction_timeout"
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func cancellingTheJobKillsAHangingReader() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString).pid")
        let sandbox = ExtractionSandbox(executable: try script("echo $$ > \(pidFile.path); exec sleep 30"))
        let reading = Task { try await SandboxedExtractor(sandbox: sandbox).extract(Data("x".utf8), options: .init(), progress: nil) }
        var pid: pid_t?
        for _ in 0..<250 where pid == nil {
            try await Task.sleep(for: .milliseconds(20))
            pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        let child = try #require(pid, "the child started")
        reading.cancel()
        await #expect(throws: CancellationError.self) { _ = try await reading.value }
        var gone = false
        for _ in 0..<250 where !gone {
            gone = kill(child, 0) != 0
            if !gone { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(gone, "the child was killed, not left to run its 30 s")
    }

    @Test func aCrashingReaderFailsTheJobNotTheProcess() async throws {
        let sandbox = ExtractionSandbox(executable: try script("kill -SEGV $$"))
        await #expect { _ = try await SandboxedExtractor(sandbox: sandbox).extract(Data("x".utf8), options: .init(), progress: nil) } throws: {
            ($0 as? JobError)?.errorCode == "extraction_crashed"
        }
    }

    @Test func aCPUHogIsStoppedByItsCPULimit() async throws {
        var sandbox = ExtractionSandbox(executable: try script("while :; do :; done"))
        sandbox.cpuSeconds = 1
        await #expect { _ = try await SandboxedExtractor(sandbox: sandbox).extract(Data("x".utf8), options: .init(), progress: nil) } throws: {
            ($0 as? JobError)?.errorCode == "extraction_crashed"
        }
    }
}
