import Foundation
import VitaeEngine
import VitaeStore

/// A file uploaded through a presigned URL, read from the blob store when the job runs.
struct BlobSource: DocumentSource {
    let blobs: any BlobStore
    let name: String

    var displayName: String { name }

    func read(maxBytes: Int) async throws -> Data {
        do {
            return try await blobs.read(name, maxBytes: maxBytes)
        } catch BlobError.notFound {
            throw JobError(code: "input_not_found", message: "The uploaded file '\(name)' is gone from the blob store")
        } catch BlobError.tooLarge(let limit) {
            throw JobError(code: "file_too_large", message: "The uploaded file is larger than \(limit) bytes")
        }
    }
}

extension JobInput {
    /// The pipeline input a queued job's `data` describes: `fileName` (an uploaded blob),
    /// optionally `job` (a job posting as text) or `jobFileName` (an uploaded posting), and `password`.
    init(jobData data: JSONValue, blobs: any BlobStore) throws {
        guard let fileName = data["fileName"]?.stringValue else {
            throw JobError(code: "invalid_input", message: "The job's data has no fileName")
        }
        var posting: (any DocumentSource)?
        if let text = data["job"]?.stringValue, !text.isEmpty {
            posting = InlineSource(displayName: "job description", data: Data(text.utf8))
        } else if let name = data["jobFileName"]?.stringValue {
            posting = BlobSource(blobs: blobs, name: name)
        }
        self.init(resume: BlobSource(blobs: blobs, name: fileName), jobDescription: posting,
                  password: data["password"]?.stringValue, metadata: data)
    }
}
