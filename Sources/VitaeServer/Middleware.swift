import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error a handler throws into the API's error envelope, and logs one line per
/// request with a request id that is also sent back as `X-Request-Id`.
struct RequestLogAndErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let requestId = request.headers[.requestId] ?? UUID().uuidString.lowercased()
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let apiError = APIError(error)
            if apiError.status == .internalServerError {
                logger.error("request failed", metadata: ["requestId": "\(requestId)", "error": "\(error)"])
            }
            response = JSONResponse.failure(apiError)
        }
        response.headers[.requestId] = requestId
        let elapsed = ContinuousClock.now - start
        logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(elapsed.formattedMilliseconds)",
                    metadata: ["requestId": "\(requestId)"])
        return response
    }
}

extension HTTPField.Name {
    static let requestId = Self("X-Request-Id")!
    static let lastEventId = Self("Last-Event-ID")!
    static let accelBuffering = Self("X-Accel-Buffering")!
}

extension Duration {
    var formattedMilliseconds: String {
        let (seconds, attoseconds) = components
        return String(format: "%.1fms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
