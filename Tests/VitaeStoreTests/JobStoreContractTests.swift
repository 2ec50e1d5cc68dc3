import Foundation
import Synchronization
import Testing
import VitaeEngine
import VitaePostgres
import VitaeStore

/// The `JobStore` contract, run against every store: the same test bodies, parameterised by store,
/// so SQLite and PostgreSQL cannot drift apart in what they promise.
@Suite struct JobStoreContractTests {
    func add(_ store: some JobStore, _ id: String, queue: String = "q", priority: Int = 0, attempts: Int = 3) async throws {
        let job = NewJob(id: id, queue: queue, name: "n", data: ["fileName": "f"], priority: priority, maxAttempts: attempts)
        _ = try await store.add(job, queued: JobUpdate(jobId: id, status: .queued, progress: 0, stage: nil, message: "queued"))
    }

    func update(_ id: String, _ status: JobStatus, _ progress: Int) -> JobUpdate {
        JobUpdate(jobId: id, status: status, progress: progress, stage: .parsing, message: "m")
    }

    @Test(arguments: StoreKind.underTest) func addIsIdempotentAndLogsQueued(_ kind: StoreKind) async throws {
        let (store, _) = try await kind.open()
        defer { kind.close(store) }
        try await add(store, "a")
        let again = try await store.add(NewJob(id: "a", queue: "q", name: "n", data: [:]), queued: update("a", .queued, 0))
        guard case .existing(let record) = again else { Issue.record("expected existing"); return }
        #expect(record.lastSequence == 1)
        #expect(try await store.events(jobId: "a", after: 0).map(\.update.status) == [.queued])
    }

    @Test(arguments: StoreKind.underTest) func claimsByPriorityThenAge(_ kind: StoreKind) async throws {
        let (store, _) = try await kind.open()
        defer { kind.close(store) }
        try await add(store, "low")
        try await add(store, "high", priority: 5)
        try await add(store, "low2")
        let claimed = try await store.claim(queues: ["q"], worker: "w", limit: 2, lease: .seconds(30))
        #expect(claimed.map(\.id) == ["high", "low"])
        #expect(claimed.allSatisfy { $0.phase == .active && $0.attempts == 1 })
        #expect(try await store.claim(queues: ["other"], worker: "w", limit: 5, lease: .seconds(30)).isEmpty)
    }

    @Test(arguments: StoreKind.underTest) func aClaimTakesTheFirstJobsOfAllItsQueuesPastFinishedOnesAndExpiredLeases(_ kind: StoreKind) async throws {
        let (store, clock) = try await kind.open()
        defer { kind.close(store) }
        for n in 0..<12 { try await add(store, "done\(n)") }
        for job in try await store.claim(queues: ["q"], worker: "w", limit: 12, lease: .seconds(30)) {
            _ = try await store.finish(update(job.id, .completed, 100), worker: "w", retryAt: nil)
        }
        try await add(store, "stalled", priority: 1)
        #expect(try await store.claim(queues: ["q"], worker: "dead", limit: 1, lease: .seconds(30)).map(\.id) == ["stalled"])
        try await add(store, "old")
        clock.advance(0.01)
        try await add(store, "young")
        try await add(store, "urgent", queue: "q2", priority: 3)
        clock.advance(31)
        let claimed = try await store.claim(queues: ["q", "q2"], worker: "w", limit: 3, lease: .seconds(30))
        #expect(claimed.map(\.id) == ["urgent", "stalled", "old"])
        #expect(try await store.claim(queues: ["q", "q2"], worker: "w", limit: 3, lease: .seconds(30)).map(\.id) == ["young"])
    }

    @Test(arguments: StoreKind.underTest) func countsFollowEveryChangeOfPhase(_ kind: StoreKind) async throws {
        let (store, clock) = try await kind.open()
        defer { kind.close(store) }
        func expectCounts(_ waiting: Int, _ active: Int, _ completed: Int, _ failed: Int, _ cancelled: Int,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
            var counts = QueueCounts()
            (counts.waiting, counts.active, counts.completed, counts.failed, counts.cancelled) = (waiting, active, completed, failed, cancelled)
            #expect(try await store.counts(queue: "q") == counts, sourceLocation: sourceLocation)
        }
        for id in ["a", "b", "c", "d"] {
            try await add(store, id)
            clock.advance(0.01)
        }
        try await add(store, "elsewhere", queue: "q2")
        try await expectCounts(4, 0, 0, 0, 0)
        #expect(try await store.claim(queues: ["q"], worker: "w", limit: 3, lease: .seconds(30)).map(\.id) == ["a", "b", "c"])
        try await expectCounts(1, 3, 0, 0, 0)
        _ = try await store.finish(update("a", .completed, 100), worker: "w", retryAt: nil)
        _ = try await store.finish(update("b", .failed, 50), worker: "w", retryAt: nil)
        _ = try await store.finish(update("c", .queued, 10), worker: "w", retryAt: clock.now.addingTimeInterval(5))
        try await expectCounts(2, 0, 1, 1, 0)
        _ = try await store.cancel(jobId: "d")
        _ = try await store.retry(jobId: "b")
        try await expectCounts(2, 0, 1, 0, 1)
        try await add(store, "e", priority: 1, attempts: 1)
        #expect(try await store.claim(queues: ["q"], worker: "dead", limit: 1, lease: .seconds(30)).map(\.id) == ["e"])
        try await store.release(jobId: "e", worker: "dead")
        try await expectCounts(3, 0, 1, 0, 1)
        #expect(try await store.claim(queues: ["q"], worker: "dead", limit: 1, lease: .seconds(30)).map(\.id) == ["e"])
        try await expectCounts(2, 1, 1, 0, 1)
        clock.advance(31)
        _ = try await store.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30))
        #expect(try await store.job(id: "e")?.phase == .failed, "out of attempts once its worker vanished")
        try await expectCounts(1, 1, 1, 1, 1)
        var other = QueueCounts()
        other.waiting = 1
        #expect(try await store.counts(queue: "q2") == other)
    }

    @Test(arguments: StoreKind.underTest) func expiredLeaseIsReclaimedAndTheOldWorkerIsFencedOut(_ kind: StoreKind) async throws {
        let (store, clock) = try await kind.open()
        defer { kind.close(store) }
        try await add(store, "j")
        _ = try await store.claim(queues: ["q"], worker: "dead", limit: 1, lease: .seconds(30))
        _ = try await store.append(update("j", .inProgress, 30), worker: "dead")
        #expect(try await store.claim(queues: ["q"], worker: "alive", limit: 1, lease: .seconds(30)).isEmpty, "lease still valid")
        clock.advance(31)
        let again = try await store.claim(queues: ["q"], worker: "alive", limit: 1, lease: .seconds(30))
        #expect(again.map(\.attempts) == [2])
        #expect(again.first?.progress == 30, "the earlier attempt's progress is kept")
        await #expect(throws: StoreError.leaseLost(jobId: "j")) { try await store.append(update("j", .inProgress, 40), worker: "dead") }
        _ = try await store.finish(JobUpdate(jobId: "j", status: .completed, progress: 100, stage: nil, message: "done", result: ["score": 80]),
                                   worker: "alive", retryAt: nil)
        let job = try #require(try await store.job(id: "j"))
        #expect(job.phase == .completed)
        #expect(job.result?["score"] == 80)
        #expect(try await store.events(jobId: "j", after: 0).map(\.sequence) == [1, 2, 3])
    }

    @Test(arguments: StoreKind.underTest) func aQuickJobsLastUpdatesAndItsEndCommitTogether(_ kind: StoreKind) async throws {
        let (store, _) = try await kind.open()
        defer { kind.close(store) }
        try await add(store, "b")
        _ = try await store.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30))
        let started = try await store.append([update("b", .inProgress, 10), update("b", .inProgress, 20)], worker: "w")
        #expect(started.map(\.sequence) == [2, 3])
        let end = JobUpdate(jobId: "b", status: .completed, progress: 100, stage: .storing, message: "done", result: ["score": 7])
        await #expect(throws: StoreError.leaseLost(jobId: "b")) {
            try await store.finish(end, following: [update("b", .inProgress, 90)], worker: "other", retryAt: nil)
        }
        #expect(try await store.events(jobId: "b", after: 0).count == 3, "a write without the lease logs nothing")
        let finished = try await store.finish(end, following: [update("b", .inProgress, 60), update("b", .inProgress, 90)],
                                              worker: "w", retryAt: nil)
        #expect(finished.map(\.sequence) == [4, 5, 6])
        let logged = try await store.events(jobId: "b", after: 0)
        #expect(logged.map(\.sequence) == [1, 2, 3, 4, 5, 6])
        #expect(logged.map(\.update.progress) == [0, 10, 20, 60, 90, 100])
        let job = try #require(try await store.job(id: "b"))
        #expect(job.phase == .completed && job.lastSequence == 6 && job.result?["score"] == 7)
    }

    @Test(arguments: StoreKind.underTest) func aStreamsOpeningReadGivesWhereTheJobIsAndWhatCameAfter(_ kind: StoreKind) async throws {
        let (store, _) = try await kind.open()
        defer { kind.close(store) }
        #expect(try await store.log(ofJob: "missing", after: 0) == nil)
        try await add(store, "c")
        _ = try await store.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30))
        _ = try await store.append([update("c", .inProgress, 10), update("c", .inProgress, 20), update("c", .inProgress, 30)], worker: "w")
        let running = try #require(try await store.log(ofJob: "c", after: 2))
        #expect(running.phase == .active && running.lastSequence == 4)
        #expect(running.events.map(\.sequence) == [3, 4], "from the middle of one write's updates")
        #expect(running.events.map(\.update.progress) == [20, 30])
        _ = try await store.finish(JobUpdate(jobId: "c", status: .completed, progress: 100, stage: .storing, message: "done"),
                                   worker: "w", retryAt: nil)
        let ended = try #require(try await store.log(ofJob: "c", after: 5))
        #expect(ended.phase == .completed && ended.lastSequence == 5 && ended.events.isEmpty)
        #expect(try await store.log(ofJob: "c", after: 0)?.events.map(\.sequence) == [1, 2, 3, 4, 5])
    }

    @Test(arguments: StoreKind.underTest) func concurrentWritesOfManyJobsEachGetTheirOwnOutcome(_ kind: StoreKind) async throws {
        let (store, _) = try await kind.open()
        defer { kind.close(store) }
        let ids = (0..<40).map { "m\($0)" }
        for id in ids { try await add(store, id) }
        #expect(try await store.claim(queues: ["q"], worker: "w", limit: 40, lease: .seconds(30)).count == 40)
        // Written at once, so stores that batch writes put several jobs in one commit; m0 is ended by a worker
        // without its lease, so its end fails among others that move their jobs on.
        let outcomes = await withTaskGroup(of: (String, Result<[Int], any Error>).self) { group in
            for id in ids {
                group.addTask {
                    let worker = id == "m0" ? "intruder" : "w"
                    do {
                        _ = try await store.append([self.update(id, .inProgress, 10)], worker: "w")
                        let end = JobUpdate(jobId: id, status: .completed, progress: 100, stage: .storing, message: id)
                        let written = try await store.finish(end, following: [self.update(id, .inProgress, 50)], worker: worker, retryAt: nil)
                        return (id, .success(written.map(\.sequence)))
                    } catch {
                        return (id, .failure(error))
                    }
                }
            }
            var outcomes: [String: Result<[Int], any Error>] = [:]
            for await (id, result) in group { outcomes[id] = result }
            return outcomes
        }
        #expect(throws: StoreError.leaseLost(jobId: "m0")) { try outcomes["m0"]!.get() }
        for id in ids.dropFirst() {
            #expect(try outcomes[id]!.get() == [3, 4], "\(id)")
            let job = try #require(try await store.job(id: id))
            #expect(job.phase == .completed && job.message == id && job.lastSequence == 4)
        }
        #expect(try await store.job(id: "m0")?.phase == .active)
        #expect(try await store.events(jobId: "m0", after: 0).count == 2)
        var counts = QueueCounts()
        (counts.active, counts.completed) = (1, 39)
        #expect(try await store.counts(queue: "q") == counts)
    }

    @Test(arguments: StoreKind.underTest) func aRetryKeepsTheLastLoggedStep(_ kind: StoreKind) async throws {
        let (store, clock) = try await kind.open()
        defer { kind.close(store) }
        try await add(store, "k")
        _ = try await store.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30))
        let note = JobUpdate(jobId: "k", status: .queued, progress: 40, stage: .parsing, message: "retrying")
        let written = try await store.finish(note, following: [update("k", .inProgress, 40)], worker: "w", retryAt: clock.now.addingTimeInterval(1))
        #expect(written.map(\.sequence) == [2, 3])
        let job = try #require(try await store.job(id: "k"))
        #expect(job.phase == .waiting && job.progress == 40 && job.stage == "parsing" && job.message == "retrying")
    }

    @Test(arguments: StoreKind.underTest) func jobOutOfAttemptsFailsWhenItsWorkerVanishes(_ kind: StoreKind) async throws {
        let (store, clock) = try await kind.open()
        defer { kind.close(store) }
        try await add(store, "p", attempts: 1)
        _ = try await store.claim(queues: ["q"], worker: "dead", limit: 1, lease: .seconds(30))
        clock.advance(31)
        #expect(try await store.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30)).isEmpty)
        let job = try #require(try await store.job(id: "p"))
        #expect(job.phase == .failed)
        #expect(job.errorCode == "worker_lost")
        #expect(try await store.events(jobId: "p", after: 0).last?.update.status == .failed)
    }

    @Test(arguments: StoreKind.underTest) func retryLaterWaitsUntilItsTime(_ kind: StoreKind) async throws {
        let (store, clock) = try await kind.open()
        defer { kind.close(store) }
        try await add(store, "r")
        _ = try await store.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30))
        _ = try await store.finish(update("r", .queued, 10), worker: "w", retryAt: clock.now.addingTimeInterval(5))
        #expect(try await store.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30)).isEmpty)
        clock.advance(6)
        #expect(try await store.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30)).map(\.attempts) == [2])
    }

    @Test(arguments: StoreKind.underTest) func releaseOnShutdownDoesNotCountTheAttempt(_ kind: StoreKind) async throws {
        let (store, _) = try await kind.open()
        defer { kind.close(store) }
        try await add(store, "s")
        _ = try await store.claim(queues: ["q"], worker: "w", limit: 1, lease: .seconds(30))
        try await store.release(jobId: "s", worker: "w")
        #expect(try await store.claim(queues: ["q"], worker: "w2", limit: 1, lease: .seconds(30)).map(\.attempts) == [1])
    }

    @Test(arguments: StoreKind.underTest) func countsAndFeed(_ kind: StoreKind) async throws {
        let (store, _) = try await kind.open()
        defer { kind.close(store) }
        let feed = store.committedEvents()
        try await add(store, "c1")
        try await add(store, "c2")
        _ = try await store.cancel(jobId: "c2")
        var counts = QueueCounts()
        counts.waiting = 1
        counts.cancelled = 1
        #expect(try await store.counts(queue: "q") == counts)
        var iterator = feed.makeAsyncIterator()
        var seen: [String] = []
        while seen.count < 3, let batch = await iterator.next() { seen += batch.map { "\($0.jobId):\($0.sequence)" } }
        #expect(seen == ["c1:1", "c2:1", "c2:2"])
    }
}
