import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Logs one line per request, with a request id that is also sent back as `X-Request-Id`.
/// Outermost, so that every answer is logged, CORS preflights included.
struct RequestLogMiddleware<Context: RequestContext & RequestIdentifying>: RouterMiddleware {
    let logger: Logger

    // The logging lives in helpers that are not inlined: a connection's task keeps the memory of its
    // deepest async frames for as long as the connection is open (an SSE stream may be idle for
    // hours), and inlined logging code made this frame kilobytes larger.
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let requestId = RequestLog.requestId(of: request.headers)
        let start = ContinuousClock.now
        // Inner layers log with the same id.
        var context = context
        context.requestId = requestId
        let response = try await next(request, context)
        return finish(response, of: request, requestId: requestId, startedAt: start)
    }

    @inline(never)
    private func finish(_ response: Response, of request: Request, requestId: String, startedAt start: ContinuousClock.Instant) -> Response {
        var response = response
        response.headers[.requestId] = requestId
        RequestLog(logger: logger).log(request.method, request.uri.path, response.status, requestId: requestId, startedAt: start)
        return response
    }
}

/// Turns every error a handler throws into the API's error envelope. Innermost, so that the layers
/// around it (CORS) see answers, never errors.
struct ErrorEnvelopeMiddleware<Context: RequestContext & RequestIdentifying>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return failure(error, requestId: context.requestId ?? "-")
        }
    }

    @inline(never)
    private func failure(_ error: any Error, requestId: String) -> Response {
        let apiError = APIError(error)
        if apiError.status == .internalServerError {
            logger.error("request failed", metadata: ["requestId": "\(requestId)", "error": "\(error)"])
        }
        return JSONResponse.failure(apiError)
    }
}

/// The request id and the one log line per request, for the middleware and for job streams that
/// are served before the router (see `JobStreamChannelHandler`).
struct RequestLog: Sendable {
    let logger: Logger

    @inline(never)
    static func requestId(of headers: HTTPFields) -> String {
        headers[.requestId] ?? UUID().uuidString.lowercased()
    }

    func log(_ method: HTTPRequest.Method, _ path: String, _ status: HTTPResponse.Status, requestId: String, startedAt start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        logger.info("\(method) \(path) \(status.code) \(elapsed.formattedMilliseconds)", metadata: ["requestId": "\(requestId)"])
    }
}

extension HTTPField.Name {
    static let requestId = Self("X-Request-Id")!
    static let lastEventId = Self("Last-Event-ID")!
    static let accelBuffering = Self("X-Accel-Buffering")!
    /// Sent by the seed's upload client (Azure's blob API needs it; Vitae accepts it).
    static let blobType = Self("x-ms-blob-type")!
}

extension Duration {
    var formattedMilliseconds: String {
        let (seconds, attoseconds) = components
        return String(format: "%.1fms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
