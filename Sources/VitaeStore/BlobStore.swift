import Foundation

/// Uploaded files by server-made name: a folder for the embedded default, a table for PostgreSQL.
public protocol BlobStore: Sendable {
    /// Stores a new blob from `chunks`, refusing more than `maxBytes` and a name already taken.
    /// Nothing is visible under `name` until the whole body has arrived.
    func store<Chunks: AsyncSequence & Sendable>(_ name: String, maxBytes: Int, from chunks: Chunks) async throws -> Int
    where Chunks.Element == Data
    func read(_ name: String, maxBytes: Int) async throws -> Data
    func exists(_ name: String) async throws -> Bool
    func delete(_ name: String) async throws
}

/// Deletes the uploads no job needs any more, so the blob store does not grow for ever.
public protocol UploadCleanup: Sendable {
    /// Deletes uploads made before `cutoff` that no waiting or running job uses and no job that
    /// finished after `cutoff` used; returns how many were deleted.
    func deleteUnused(before cutoff: Date) async throws -> Int
}

/// The file names of uploads a job's data refers to: the resume and, optionally, a job posting.
public enum UploadReferences {
    public static let keys = ["fileName", "jobFileName"]
}

public enum BlobError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidName(String)
    case notFound(String)
    case alreadyExists(String)
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .invalidName(let name): "'\(name)' is not a valid blob name"
        case .notFound(let name): "no uploaded file named '\(name)'"
        case .alreadyExists(let name): "a file was already uploaded as '\(name)'"
        case .tooLarge(let limit): "the file is larger than the limit of \(limit) bytes"
        }
    }
}

/// Blob names are made by the server, so anything else (paths, dot files) is refused outright.
public enum BlobName {
    public static func isValid(_ name: String) -> Bool {
        name.utf8.count <= 200 && name.first.map { $0.isLetter || $0.isNumber } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
            && !name.contains("..")
    }

    /// A fresh name that keeps a cleaned-up hint of the client's file name for people reading logs.
    public static func make(from clientName: String) -> String {
        let base = (clientName as NSString).lastPathComponent
        let cleaned = String(base.map { ($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_")) ? $0 : "_" }
            .prefix(80)).trimmingCharacters(in: CharacterSet(charactersIn: "._-"))
        let id = UUID().uuidString.lowercased()
        return cleaned.isEmpty ? id : "\(id)-\(cleaned)".replacingOccurrences(of: "..", with: "_")
    }
}

/// Blobs as files in one folder, written to a temporary name and linked into place.
public struct FileBlobStore: BlobStore {
    public let directory: URL

    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The files last written before `cutoff`, including uploads a crash left half-written.
    func files(before cutoff: Date) throws -> [(name: String, url: URL)] {
        let urls = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.contentModificationDateKey])
        return try urls.compactMap { url in
            guard let modified = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, modified < cutoff
            else { return nil }
            return (url.lastPathComponent, url)
        }
    }

    private func url(_ name: String) throws -> URL {
        guard BlobName.isValid(name) else { throw BlobError.invalidName(name) }
        return directory.appendingPathComponent(name, isDirectory: false)
    }

    public func store<Chunks: AsyncSequence & Sendable>(_ name: String, maxBytes: Int, from chunks: Chunks) async throws -> Int
    where Chunks.Element == Data {
        let target = try url(name)
        let temporary = directory.appendingPathComponent(".upload-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let handle = try FileHandle(forWritingTo: temporary)
        var written = 0
        do {
            for try await chunk in chunks {
                written += chunk.count
                guard written <= maxBytes else { throw BlobError.tooLarge(limit: maxBytes) }
                try handle.write(contentsOf: chunk)
            }
            try handle.synchronize()
            try handle.close()
            // link() fails if the name exists, so two uploads to one URL cannot overwrite each other.
            guard link(temporary.path, target.path) == 0 else {
                throw errno == EEXIST ? BlobError.alreadyExists(name) : CocoaError(.fileWriteUnknown)
            }
            try? FileManager.default.removeItem(at: temporary)
            return written
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    public func read(_ name: String, maxBytes: Int) async throws -> Data {
        let file = try url(name)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path) else {
            throw BlobError.notFound(name)
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > maxBytes { throw BlobError.tooLarge(limit: maxBytes) }
        return try Data(contentsOf: file)
    }

    public func exists(_ name: String) async throws -> Bool {
        FileManager.default.fileExists(atPath: try url(name).path)
    }

    public func delete(_ name: String) async throws {
        try? FileManager.default.removeItem(at: try url(name))
    }
}
