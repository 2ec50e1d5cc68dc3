import Foundation
import Hummingbird
import VitaeStore

/// `POST /api/v1/upload/presigned-url` and the `PUT` it points at.
struct UploadRoutes: Sendable {
    let blobs: any BlobStore
    let signer: UploadSigner
    let maxUploadBytes: Int
    let lifetime: Duration

    struct PresignRequest: Decodable {
        var fileName: String
    }

    struct PresignResponse: Encodable, Sendable {
        var uploadUrl: String
        var fileName: String
        var expiresAt: String
        var maxBytes: Int
    }

    struct UploadResponse: Encodable, Sendable {
        var fileName: String
        var size: Int
    }

    func register(on router: Router<VitaeRequestContext>) {
        router.post("/api/v1/upload/presigned-url") { request, _ in try await presign(request) }
        router.put("/api/v1/upload/blob/:name") { request, context in try await upload(request, context: context) }
    }

    func presign(_ request: Request) async throws -> Response {
        let body = try await decodeJSON(PresignRequest.self, from: request)
        guard !body.fileName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(.badRequest, "bad_json", "fileName must not be empty")
        }
        let expires = Date().addingTimeInterval(Double(lifetime.components.seconds))
        let grant = UploadSigner.Grant(blobName: BlobName.make(from: body.fileName),
                                       expires: Int64(expires.timeIntervalSince1970), maxBytes: maxUploadBytes)
        return JSONResponse.success(PresignResponse(
            uploadUrl: signer.uploadPath(for: grant), fileName: grant.blobName,
            expiresAt: ISO8601DateFormatter().string(from: expires), maxBytes: maxUploadBytes))
    }

    func upload(_ request: Request, context: VitaeRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        let query = request.uri.queryParameters
        let grant: UploadSigner.Grant
        do {
            grant = try signer.verify(blobName: name, expires: query["expires"].map(String.init),
                                      maxBytes: query["max"].map(String.init), signature: query["sig"].map(String.init))
        } catch UploadSigner.Refusal.expired {
            throw APIError(.forbidden, "upload_url_expired", "This upload URL has expired; ask for a new one")
        } catch {
            throw APIError(.forbidden, "upload_url_invalid", "This upload URL is not one the server signed, or it was changed")
        }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > grant.maxBytes {
            throw APIError(.contentTooLarge, "file_too_large", "The file is \(declared) bytes; the limit is \(grant.maxBytes)")
        }
        let chunks = request.body.map { Data($0.readableBytesView) }
        let size = try await blobs.store(name, maxBytes: grant.maxBytes, from: chunks)
        guard size > 0 else {
            try? await blobs.delete(name)
            throw APIError(.badRequest, "empty_file", "The uploaded file is empty")
        }
        return JSONResponse.success(UploadResponse(fileName: name, size: size), status: .created)
    }
}
