import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// Serves `GET /api/v1/sse/job/:jobId` from the event loop, in front of Hummingbird's router,
/// when it is a connection's first request.
///
/// Why: a Hummingbird connection's task keeps the peak of its async frames (router, middleware,
/// route, store look-ups: about 10 KiB) for as long as the connection is open, which was most of
/// an idle SSE stream's memory, and its task hops slowed accepting a burst of clients. Here the
/// look-ups run in a short task of their own, the response head, frames and end are written from
/// the loop, and Hummingbird's task waits for a request at its shallowest.
///
/// Everything else goes on to Hummingbird unchanged: other requests, a job stream that is not the
/// connection's first request, and every answer but a stream (404, 204, errors), which the route
/// gives after its own look-up.
///
/// Router middleware does not run for the streams served here; this handler gives them what
/// `RequestLogMiddleware` and Hummingbird would (`X-Request-Id`, `Date`, `Server`, the
/// request's log line). A middleware added later that every response needs (authentication)
/// must be mirrored here, or this handler must hand such requests over, as it does with
/// cross-origin requests when CORS is on: those get their headers from the router's middleware.
final class JobStreamChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    static let pathPrefix = "/api/v1/sse/job/"

    private enum State {
        case first
        /// A job stream request, kept while its look-ups run.
        case holding([HTTPRequestPart])
        case streaming(JobStream)
        /// Hummingbird has this connection.
        case passing
    }

    private let routes: SSERoutes
    private let serverName: String
    /// Whether requests that name an `Origin` go to the router, whose CORS middleware answers them.
    private let passesCrossOrigin: Bool
    private var state = State.first
    /// The client half-closed while its request was kept; Hummingbird hears of it with the request.
    private var inputClosedWhileHolding = false

    init(routes: SSERoutes, serverName: String, passesCrossOrigin: Bool = false) {
        self.routes = routes
        self.serverName = serverName
        self.passesCrossOrigin = passesCrossOrigin
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch state {
        case .first:
            if case .head(let head) = part, head.method == .get, Self.jobId(in: head.path) != nil,
               !(passesCrossOrigin && head.headerFields[.origin] != nil) {
                state = .holding([part])
            } else {
                state = .passing
                context.fireChannelRead(data)
            }
        case .holding(var parts):
            parts.append(part)
            state = .holding(parts)
            switch part {
            case .end: lookUp(parts, context: context)
            case .body, .head: handOver(context: context)  // a body or a pipelined request: the router's business
            }
        case .streaming:
            // The response ends the connection (`Connection: close`); further input has no answer.
            break
        case .passing:
            context.fireChannelRead(data)
        }
    }

    /// The job id of a job stream path; nil for any other path, or one that needs decoding.
    static func jobId(in path: String?) -> String? {
        guard let path, path.hasPrefix(pathPrefix) else { return nil }
        let jobId = path.dropFirst(pathPrefix.count).prefix { $0 != "?" }
        guard !jobId.isEmpty, !jobId.contains("/"), !jobId.contains("%") else { return nil }
        return String(jobId)
    }

    private func lookUp(_ parts: [HTTPRequestPart], context: ChannelHandlerContext) {
        guard case .head(let head) = parts.first, let jobId = Self.jobId(in: head.path) else { return handOver(context: context) }
        let asked = SSERoutes.JobStreamRequest(jobId: jobId, uri: URI(head.path ?? ""), headers: head.headerFields)
        let requestId = RequestLog.requestId(of: head.headerFields)
        let started = ContinuousClock.now
        let (routes, channel) = (self.routes, context.channel)
        let handler = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        Task {
            // A failed look-up goes to the router, which answers it the usual way.
            let stream = try? await routes.openStream(asked, on: channel)
            handler.eventLoop.execute {
                let (owner, context) = handler.value
                owner.serve(stream, asked: asked, requestId: requestId, startedAt: started, context: context)
            }
        }
    }

    private func serve(_ stream: JobStream?, asked: SSERoutes.JobStreamRequest, requestId: String,
                       startedAt started: ContinuousClock.Instant, context: ChannelHandlerContext) {
        guard case .holding = state, context.channel.isActive else {
            // Handed over meanwhile (a pipelined request), or the client left.
            if let stream { routes.hub.unsubscribe(stream.id) }
            return
        }
        guard let stream else { return handOver(context: context) }
        state = .streaming(stream)
        var headers = SSERoutes.streamHeaders
        headers[.date] = HTTPDate.now
        headers[.server] = serverName
        headers[.requestId] = requestId
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .ok, headerFields: headers))), promise: nil)
        RequestLog(logger: routes.logger).log(.get, Self.pathPrefix + asked.jobId, .ok, requestId: requestId, startedAt: started)
        let log = StreamLog(logger: routes.logger, connectionId: stream.id, subject: ("job", asked.jobId))
        let opened = log.opened(lastEventId: asked.lastEventId)
        let hub = routes.hub
        stream.goLive {
            hub.unsubscribe(stream.id)
            log.closed(openedAt: opened)
            context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
            // Half-close once the last bytes are out, as the route does.
            context.close(mode: .output, promise: nil)
        }
    }

    /// Passes the kept request on to Hummingbird.
    private func handOver(context: ChannelHandlerContext) {
        guard case .holding(let parts) = state else { return }
        state = .passing
        for part in parts { context.fireChannelRead(wrapInboundOut(part)) }
        // NIOAsyncChannel hands reads to its task on read-complete; after a look-up none follows.
        context.fireChannelReadComplete()
        if inputClosedWhileHolding { context.fireUserInboundEventTriggered(ChannelEvent.inputClosed) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch (state, event) {
        case (.streaming(let stream), is ChannelShouldQuiesceEvent):
            // On graceful shutdown Hummingbird closes connections without a request in progress,
            // which a stream served here is to it; end the stream cleanly instead, as the route does.
            routes.hub.unsubscribe(stream.id)
        case (.streaming, ChannelEvent.inputClosed as ChannelEvent):
            // Hummingbird would end the response on a half-closed request side; a routed stream
            // goes on until it ends or a write fails, and so does this one.
            break
        case (.holding, ChannelEvent.inputClosed as ChannelEvent):
            inputClosedWhileHolding = true
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }
}

/// The `Date` header's format (RFC 9110 IMF-fixdate), which Hummingbird adds to the responses it writes.
enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static var now: String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%@, %02d %@ %04d %02d:%02d:%02d GMT", days[Int(parts.tm_wday)], parts.tm_mday,
                      months[Int(parts.tm_mon)], Int(parts.tm_year) + 1900, parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
