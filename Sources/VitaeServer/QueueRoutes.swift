import Foundation
import Hummingbird
import VitaeEngine
import VitaeStore

/// Adding jobs and looking at queues: `/api/v1/queue/...`.
struct QueueRoutes: Sendable {
    let store: any JobStore
    let blobs: any BlobStore
    let pipelines: [String: Pipeline]
    let metrics: ServerMetrics?

    struct AddRequest: Decodable {
        struct Options: Decodable {
            var attempts: Int?
            var priority: Int?
            var jobId: String?
        }
        var queueName: String
        var jobName: String?
        var data: JSONValue
        var opts: Options?
    }

    struct AddResponse: Encodable, Sendable {
        var jobId: String
        var queueName: String
        var status: String
        /// False when a job with the caller's `opts.jobId` existed already.
        var created: Bool
    }

    /// A job as `GET .../jobs/:jobId` shows it.
    struct JobView: Encodable, Sendable {
        var jobId: String
        var queueName: String
        var jobName: String
        var state: String
        var progress: Int
        var stage: String?
        var message: String?
        var attempts: Int
        var maxAttempts: Int
        var priority: Int
        var data: JSONValue
        var result: JSONValue?
        var error: String?
        var errorCode: String?
        var createdAt: Int64
        var startedAt: Int64?
        var finishedAt: Int64?

        init(_ job: JobRecord) {
            jobId = job.id
            queueName = job.queue
            jobName = job.name
            state = job.phase.rawValue
            progress = job.progress
            stage = job.stage
            message = job.message
            attempts = job.attempts
            maxAttempts = job.maxAttempts
            priority = job.priority
            var data = job.data
            if case .object(var members) = data, members["password"] != nil {
                members["password"] = "(hidden)"
                data = .object(members)
            }
            self.data = data
            result = job.result
            error = job.error
            errorCode = job.errorCode
            createdAt = job.createdAt
            startedAt = job.startedAt
            finishedAt = job.finishedAt
        }
    }

    /// A queue as `GET /api/v1/queues` lists it, so a dashboard need not know the names.
    struct QueueView: Encodable, Sendable {
        var queueName: String
        var description: String?
        var stages: [String]
        var counts: QueueCounts
    }

    struct StatsView: Encodable, Sendable {
        var queueName: String
        var counts: QueueCounts
        var recent: [JobView]
    }

    func register(on router: Router<VitaeRequestContext>) {
        router.get("/api/v1/queues") { _, _ in
            var queues: [QueueView] = []
            for (name, pipeline) in pipelines.sorted(by: { $0.key < $1.key }) {
                queues.append(QueueView(queueName: name, description: pipeline.definition.description,
                                        stages: pipeline.definition.stages.map(\.name.rawValue),
                                        counts: try await store.counts(queue: name)))
            }
            return JSONResponse.success(queues)
        }
        router.post("/api/v1/queue/add") { request, _ in try await add(request) }
        router.get("/api/v1/queue/:queueName/stats") { _, context in
            let queue = try knownQueue(context)
            return JSONResponse.success(StatsView(
                queueName: queue, counts: try await store.counts(queue: queue),
                recent: try await store.recentJobs(queue: queue, limit: 20).map(JobView.init)))
        }
        router.get("/api/v1/queue/:queueName/jobs/:jobId") { _, context in
            JSONResponse.success(JobView(try await job(context)))
        }
        router.post("/api/v1/queue/:queueName/jobs/:jobId/retry") { _, context in
            let job = try await job(context)
            _ = try await store.retry(jobId: job.id)
            metrics?.jobRetried(queue: job.queue, automatic: false)
            return JSONResponse.success(JobView(try await store.job(id: job.id)!))
        }
        router.delete("/api/v1/queue/:queueName/jobs/:jobId") { _, context in
            let job = try await job(context)
            _ = try await store.cancel(jobId: job.id)
            metrics?.jobCancelled(queue: job.queue)
            return JSONResponse.success(JobView(try await store.job(id: job.id)!))
        }
    }

    private func knownQueue(_ context: VitaeRequestContext) throws -> String {
        let queue = try context.parameters.require("queueName")
        guard pipelines[queue] != nil else { throw unknownQueue(queue) }
        return queue
    }

    private func job(_ context: VitaeRequestContext) async throws -> JobRecord {
        let queue = try knownQueue(context)
        let id = try context.parameters.require("jobId")
        guard let job = try await store.job(id: id), job.queue == queue else { throw APIError.notFound(job: id) }
        return job
    }

    private func unknownQueue(_ name: String) -> APIError {
        APIError(.notFound, "unknown_queue",
                 "No queue named '\(name)'; known queues: \(pipelines.keys.sorted().joined(separator: ", "))")
    }

    func add(_ request: Request) async throws -> Response {
        let body = try await decodeJSON(AddRequest.self, from: request)
        guard pipelines[body.queueName] != nil else { throw unknownQueue(body.queueName) }
        guard case .object = body.data else { throw APIError(.badRequest, "bad_json", "Field 'data' should be an object") }
        guard let fileName = body.data["fileName"]?.stringValue, !fileName.isEmpty else {
            throw APIError(.badRequest, "bad_json", "Missing field 'data.fileName': upload the file first and pass the fileName it was given")
        }
        guard BlobName.isValid(fileName), try await blobs.exists(fileName) else {
            throw APIError(.badRequest, "file_not_uploaded", "No uploaded file named '\(fileName)'; PUT it to the uploadUrl first")
        }
        if let posting = body.data["jobFileName"]?.stringValue {
            guard BlobName.isValid(posting), try await blobs.exists(posting) else {
                throw APIError(.badRequest, "file_not_uploaded", "No uploaded file named '\(posting)' for jobFileName")
            }
        }
        let attempts = body.opts?.attempts ?? 3
        guard (1...25).contains(attempts) else { throw APIError(.badRequest, "bad_json", "opts.attempts must be 1 to 25") }
        let callerGivesId = body.opts?.jobId != nil
        var millis = Date().epochMilliseconds
        while true {
            let id = try jobId(for: body, millis: millis)
            let job = NewJob(id: id, queue: body.queueName, name: body.jobName ?? "analyze-resume", data: body.data,
                             priority: body.opts?.priority ?? 0, maxAttempts: attempts)
            let queued = JobUpdate(jobId: id, status: .queued, progress: 0, stage: nil, message: "Waiting in the queue")
            switch try await store.add(job, queued: queued) {
            case .added(let record, _):
                metrics?.jobAdded(queue: record.queue)
                return JSONResponse.success(
                    AddResponse(jobId: record.id, queueName: record.queue, status: record.phase.rawValue, created: true),
                    status: .created)
            case .existing(let record) where callerGivesId:
                guard record.queue == body.queueName else {
                    throw APIError(.conflict, "job_id_taken", "Job id '\(id)' is already used in queue '\(record.queue)'")
                }
                return JSONResponse.success(
                    AddResponse(jobId: record.id, queueName: record.queue, status: record.phase.rawValue, created: false))
            case .existing:
                // Two adds for one resume in the same millisecond: the next millisecond is free.
                millis += 1
            }
        }
    }

    /// The caller's id, the seed's `resumeId-epochMillis` shape, or a random one.
    private func jobId(for body: AddRequest, millis: Int64) throws -> String {
        if let given = body.opts?.jobId {
            guard !given.isEmpty, given.count <= 200, given.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "/" && $0 != "?" && $0 != "#" }) else {
                throw APIError(.badRequest, "bad_json", "opts.jobId must be 1-200 visible ASCII characters without / ? #")
            }
            return given
        }
        if let resumeId = body.data["resumeId"]?.stringValue, !resumeId.isEmpty,
           resumeId.count <= 150, resumeId.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            return "\(resumeId)-\(millis)"
        }
        return "job-\(millis)"
    }
}
