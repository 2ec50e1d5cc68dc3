import Foundation
import Hummingbird
import VitaeEngine
import VitaeStore

/// An error the API reports as `{success: false, error: {code, message}}` with a fitting status.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func notFound(job id: String) -> APIError {
        APIError(.notFound, "job_not_found", "No job with id '\(id)'")
    }

    /// Maps any error thrown by a handler to what the client is told.
    init(_ error: any Error) {
        switch error {
        case let api as APIError: self = api
        case let store as StoreError:
            switch store {
            case .notFound(let id): self = .notFound(job: id)
            case .conflict: self.init(.conflict, "conflict", store.description)
            case .leaseLost: self.init(.conflict, "conflict", store.description)
            }
        case let blob as BlobError:
            switch blob {
            case .invalidName, .notFound: self.init(.badRequest, "invalid_file", blob.description)
            case .alreadyExists: self.init(.conflict, "already_uploaded", blob.description)
            case .tooLarge: self.init(.contentTooLarge, "file_too_large", blob.description)
            }
        case let http as HTTPError:
            self.init(http.status, "http_\(http.status.code)", http.body ?? http.status.reasonPhrase)
        default:
            self.init(.internalServerError, "internal_error", "The server could not handle the request")
        }
    }
}

/// The API's JSON envelope.
struct Envelope<Payload: Encodable & Sendable>: Encodable, Sendable {
    var success = true
    var data: Payload
}

struct ErrorEnvelope: Encodable, Sendable {
    struct Body: Encodable, Sendable {
        var code: String
        var message: String
    }
    var success = false
    var error: Body
}

enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func success(_ payload: some Encodable & Sendable, status: HTTPResponse.Status = .ok) -> Response {
        make(Envelope(data: payload), status: status)
    }

    static func failure(_ error: APIError) -> Response {
        make(ErrorEnvelope(error: .init(code: error.code, message: error.message)), status: error.status)
    }
}

/// Decodes a JSON request body, turning every problem into a 400 that says what is wrong.
func decodeJSON<T: Decodable>(_ type: T.Type, from request: Request, limit: Int = 1 << 20) async throws -> T {
    var request = request
    let buffer: ByteBuffer
    do {
        buffer = try await request.collectBody(upTo: limit)
    } catch {
        throw APIError(.contentTooLarge, "body_too_large", "The request body is larger than \(limit) bytes")
    }
    guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "bad_json", "The request body is empty; send a JSON object") }
    do {
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    } catch let DecodingError.keyNotFound(key, context) {
        throw APIError(.badRequest, "bad_json", "Missing field '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'")
    } catch let DecodingError.typeMismatch(expected, context) {
        throw APIError(.badRequest, "bad_json", "Field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' should be \(expected)")
    } catch let DecodingError.valueNotFound(_, context) {
        throw APIError(.badRequest, "bad_json", "Field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' must not be null")
    } catch {
        throw APIError(.badRequest, "bad_json", "The request body is not valid JSON")
    }
}
