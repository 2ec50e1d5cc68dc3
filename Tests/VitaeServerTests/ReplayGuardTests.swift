import Testing
import VitaeEngine
import VitaeStore
@testable import VitaeServer

@Suite struct ReplayGuardTests {
    func update(_ progress: Int, _ message: String) -> JobUpdate {
        JobUpdate(jobId: "j", status: .inProgress, progress: progress, stage: .analyzing, message: message)
    }

    func job(progress: Int, stage: String?, message: String?) -> JobRecord {
        JobRecord(id: "j", queue: "q", name: "n", data: [:], phase: .active, attempts: 2, progress: progress, stage: stage,
                  message: message, createdAt: 0, runAt: 0)
    }

    @Test func aFreshRunWritesEverything() {
        var replay = ReplayGuard(job(progress: 0, stage: nil, message: "Waiting in the queue"))
        #expect([update(0, "a"), update(0, "b"), update(1, "c")].allSatisfy { replay.isNew($0) })
    }

    @Test func aRepeatedRunResumesAfterTheLastLoggedStepEvenWithinOnePercent() {
        // Steps 1-4 share 91%; the earlier attempt logged up to step 2.
        var replay = ReplayGuard(job(progress: 91, stage: "analyzing", message: "Waiting 2 of 4"))
        let run = [update(50, "Analyzing"), update(91, "Waiting 1 of 4"), update(91, "Waiting 2 of 4"),
                   update(91, "Waiting 3 of 4"), update(91, "Waiting 4 of 4"), update(95, "Storing")]
        #expect(run.filter { replay.isNew($0) }.map(\.message) == ["Waiting 3 of 4", "Waiting 4 of 4", "Storing"])
    }

    @Test func anUnmatchedMarkerResumesOnceProgressPassesIt() {
        var replay = ReplayGuard(job(progress: 40, stage: "parsing", message: "Attempt 1 failed; retrying in 1 s"))
        let run = [update(10, "a"), update(40, "b"), update(41, "c")]
        #expect(run.filter { replay.isNew($0) }.map(\.message) == ["c"])
    }
}
