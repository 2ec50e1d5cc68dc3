import Foundation
import Hummingbird
import Logging

/// What a browser loads: the dashboard at `/`, the seed's sample pages at `/samples/web/` and the
/// OpenAPI document at `/api/v1/openapi.json`.
///
/// The dashboard and the document ship in the module's bundle; the samples are read from the
/// repository's `Samples/web` folder, because they are the guide's code and live beside the other samples.
struct WebContent: Sendable {
    /// Where `Samples/web` is, if this installation has it.
    let samplesDirectory: URL?
    let logger: Logger

    static var dashboardDirectory: URL? { Bundle.module.url(forResource: "dashboard", withExtension: nil) }
    static var openAPIDocument: URL? { Bundle.module.url(forResource: "openapi", withExtension: "json") }

    func register(on router: Router<VitaeRequestContext>) {
        router.get("/api/v1/openapi.json") { _, _ in
            guard let url = Self.openAPIDocument, let data = try? Data(contentsOf: url) else {
                throw APIError(.notFound, "not_found", "This build has no OpenAPI document")
            }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        // File middleware answers only what no route matched, so it never shadows the API.
        if let samplesDirectory {
            router.add(middleware: FileMiddleware(samplesDirectory.path, urlBasePath: "/samples/web", cacheControl: Self.noCache,
                                                  searchForIndexHtml: true, logger: logger))
        }
        if let dashboard = Self.dashboardDirectory {
            router.add(middleware: FileMiddleware(dashboard.path, cacheControl: Self.noCache, searchForIndexHtml: true,
                                                  logger: logger))
        }
    }

    /// The files change with the binary; browsers should revalidate rather than run a stale script.
    static let noCache = CacheControl([(MediaType(type: .any), [.noCache])])
}
