import Foundation
import Testing
@testable import VitaeServer

/// The OpenAPI document and the router describe the same API.
struct OpenAPITests {
    static func document() throws -> [String: Any] {
        let url = TestPipelines.repositoryRoot.appendingPathComponent("Sources/VitaeServer/Resources/openapi.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func everyRegisteredRouteIsDocumentedAndViceVersa() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vitae-openapi-\(UUID().uuidString)")
        var configuration = ServerConfiguration()
        configuration.dataDirectory = directory
        let server = try VitaeServer.embedded(configuration: configuration, pipelines: try TestPipelines.all(), logger: .init(label: "test"))
        let registered = Set(server.assemble(signingKey: Data(count: 32)).router.routes.map { "\($0.method.rawValue) \($0.path)" })

        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        let methods: Set = ["get", "put", "post", "delete", "patch", "head", "options"]
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
        #expect(registered.subtracting(documented).sorted() == [], "registered but not documented")
        #expect(documented.subtracting(registered).sorted() == [], "documented but not registered")
        #expect(registered.count > 10)
        try? FileManager.default.removeItem(at: directory)
    }

    @Test func theDocumentIsOpenAPI31AndServed() async throws {
        #expect(try Self.document()["openapi"] as? String == "3.1.0")
        let server = try await TestServer.start()
        let http = HTTPClientHolder()
        let reply = try await http.api(server).send(.GET, "/api/v1/openapi.json")
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect((try reply.json()["openapi"] as? String) == "3.1.0")
        await http.shutdown()
        await server.stop()
    }
}
