import Foundation
import Testing
import VitaeEngine
import VitaeTesting

@Suite struct PipelineRunTests {
    func updates(_ pipeline: Pipeline, jobId: String = "job-1") async -> [JobUpdate] {
        var all: [JobUpdate] = []
        for await update in pipeline.run(jobId: jobId, input: emptyInput) { all.append(update) }
        return all
    }

    @Test func completedRunReportsEveryStageAndNeverGoesBack() async throws {
        let all = await updates(try loadTestPipeline(pipelineYAML()))
        #expect(all.first?.status == .started)
        #expect(all.first?.progress == 0)
        #expect(all.first?.stage == .initializing)
        #expect(Set(all.compactMap(\.stage)) == Set(StageName.allCases))
        let progress = all.map(\.progress)
        #expect(progress == progress.sorted())
        #expect(all.dropLast().allSatisfy { $0.status == .started || $0.status == .inProgress })
        #expect(all.dropLast().allSatisfy { $0.progress < 100 })
        let last = try #require(all.last)
        #expect(last.status == .completed)
        #expect(last.progress == 100)
        #expect(last.result?["words"] == 5)
        #expect(all.allSatisfy { $0.jobId == "job-1" && $0.type == "job_update" })
    }

    @Test func stepProgressMovesWithinItsStageShare() async throws {
        // parsing spans 10%..50%; page k of 6 puts the job at 10 + 40·k/6.
        let all = await updates(try loadTestPipeline(pipelineYAML()))
        let pages = all.filter { $0.message.hasPrefix("Reading page") }
        #expect(pages.map(\.progress) == [16, 23, 30, 36, 43, 50].map { min($0, 99) })
        #expect(pages[2].message == "Reading page 3 of 6")
        #expect(pages.allSatisfy { $0.stage == .parsing })
    }

    @Test func failingStepFailsTheJobWithItsCode() async throws {
        let pipeline = try loadTestPipeline(pipelineYAML(analyzing: "      - uses: fail\n        with:\n          code: analyzer_broke"))
        let all = await updates(pipeline)
        let last = try #require(all.last)
        #expect(last.status == .failed)
        #expect(last.errorCode == "analyzer_broke")
        #expect(last.error == "The step failed on purpose")
        #expect(last.stage == .analyzing)
        #expect(last.result == nil)
        #expect(all.filter { $0.status.isTerminal }.count == 1)
    }

    @Test func anUnreadableJobPostingSaysItIsThePosting() async throws {
        let pipeline = try loadTestPipeline(pipelineYAML(parsing: "      - uses: fetch\n      - uses: extract"))
        let input = JobInput(
            resume: InlineSource(displayName: "resume.txt", data: Data("Jane Roe\nEngineer".utf8)),
            jobDescription: InlineSource(displayName: "posting.txt", data: Data()))
        let last = await pipeline.execute(jobId: "p", input: input) { _ in }
        #expect(last.status == .failed)
        #expect(last.errorCode == "empty_file")
        #expect(last.error?.hasPrefix("The job posting cannot be read: ") == true)
    }

    @Test func endingTheStreamCancelsTheStep() async throws {
        let pipeline = try loadTestPipeline(pipelineYAML(analyzing: "      - uses: wait-forever"))
        let outcome = Task { () -> JobUpdate? in
            var last: JobUpdate?
            await withTaskGroup(of: Void.self) { group in
                group.addTask {}
                last = await pipeline.execute(jobId: "c", input: emptyInput) { _ in }
            }
            return last
        }
        try await Task.sleep(for: .milliseconds(50))
        outcome.cancel()
        let last = await outcome.value
        #expect(last?.status == .failed)
        #expect(last?.errorCode == "cancelled")
    }

    @Test func twoAnalyzersWritingOneFieldIsAnError() async throws {
        var results = AnalysisResults()
        try results.contribute(key: "score", value: 1, by: "a")
        #expect(throws: JobError.self) { try results.contribute(key: "score", value: 2, by: "b") }
    }

    @Test func harnessRunsAnAnalyzerOnText() async throws {
        let output = try await AnalyzerHarness.run(WordCount.self, options: .init(minimumLength: 4), on: .init(plainText: "a tiny resume with words"))
        #expect(output == WordCount.Output(words: 4))
    }
}
