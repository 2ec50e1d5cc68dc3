import Hummingbird
import NIOCore

/// Hummingbird's basic context plus the connection's channel, which SSE responses half-close
/// when their stream ends: Hummingbird keeps HTTP/1.1 connections open unless the request asks
/// otherwise, and a client reading the raw socket would then wait for more.
struct VitaeRequestContext: RequestContext, RequestIdentifying {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel
    var requestId: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// A context that carries the request's id, set by `RequestLogMiddleware` for the layers inside it.
protocol RequestIdentifying {
    var requestId: String? { get set }
}
