import Crypto
import Foundation

/// Signs and checks the upload URLs the server hands out, so only a URL it made, unchanged and
/// unexpired, can store a file.
public struct UploadSigner: Sendable {
    private let key: Data

    public init(key: Data) {
        self.key = key
    }

    public struct Grant: Sendable, Equatable {
        public var blobName: String
        /// Seconds since 1970.
        public var expires: Int64
        public var maxBytes: Int
    }

    public func signature(for grant: Grant) -> String {
        let message = "\(grant.blobName)\n\(grant.expires)\n\(grant.maxBytes)"
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: key))
        return Data(mac).base64URLEncoded
    }

    /// The path and query a client PUTs to.
    public func uploadPath(for grant: Grant) -> String {
        "/api/v1/upload/blob/\(grant.blobName)?expires=\(grant.expires)&max=\(grant.maxBytes)&sig=\(signature(for: grant))"
    }

    public enum Refusal: Error, Equatable {
        case missing, badSignature, expired
    }

    /// Checks a URL's parts in constant time against what this key would sign.
    public func verify(blobName: String, expires: String?, maxBytes: String?, signature: String?, now: Date = Date()) throws -> Grant {
        guard let expires = expires.flatMap(Int64.init), let maxBytes = maxBytes.flatMap(Int.init), let signature else {
            throw Refusal.missing
        }
        let grant = Grant(blobName: blobName, expires: expires, maxBytes: maxBytes)
        let expected = Data(self.signature(for: grant).utf8)
        let given = Data(signature.utf8)
        guard expected.count == given.count, zip(expected, given).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw Refusal.badSignature
        }
        guard Int64(now.timeIntervalSince1970) <= expires else { throw Refusal.expired }
        return grant
    }

    /// The key kept in the data folder, made on first start; the same folder gives the same key.
    public static func loadOrCreateKey(in directory: URL) throws -> Data {
        let file = directory.appendingPathComponent("upload-signing.key")
        if let existing = try? Data(contentsOf: file), existing.count >= 32 { return existing }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        try key.write(to: file, options: .atomic)
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return key
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
