import Foundation
import Testing
import VitaeEngine

/// The built-in `delay` step the browser tests use to slow a job down.
@Suite struct DelayStepTests {
    @Test func delayWaitsInSlicesWithinItsStage() async throws {
        let pipeline = try loadTestPipeline(pipelineYAML(
            analyzing: "      - uses: delay\n        with:\n          milliseconds: 200\n          slices: 4\n      - uses: word-count"))
        let started = ContinuousClock.now
        var updates: [JobUpdate] = []
        for await update in pipeline.run(jobId: "job-1", input: emptyInput) { updates.append(update) }
        #expect(ContinuousClock.now - started >= .milliseconds(200))
        let waits = updates.filter { $0.message.hasPrefix("Waiting") }
        #expect(waits.map(\.message) == (1...4).map { "Waiting \($0) of 4" })
        #expect(waits.allSatisfy { $0.stage == .analyzing })
        #expect(waits.map(\.progress) == waits.map(\.progress).sorted())
        #expect(updates.last?.status == .completed)
    }

    @Test func outOfRangeOptionsFailLoading() throws {
        #expect(throws: (any Error).self) {
            try loadTestPipeline(pipelineYAML(analyzing: "      - uses: delay\n        with:\n          milliseconds: -1"))
        }
        #expect(throws: (any Error).self) {
            try loadTestPipeline(pipelineYAML(analyzing: "      - uses: delay\n        with:\n          milliseconds: 10\n          slices: 0"))
        }
    }
}
