/// Why a file could not be read. `code` is stable and machine-readable; `message` is for a person.
public struct ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable, CaseIterable {
        case unsupportedFormat = "unsupported_format"
        case tooLarge = "file_too_large"
        case tooManyPages = "too_many_pages"
        case encrypted = "pdf_encrypted"
        case wrongPassword = "pdf_wrong_password"
        case noTextLayer = "no_text_layer"
        case corrupt = "corrupt_file"
        case zipBomb = "zip_bomb"
        case xmlEntitiesRefused = "xml_entities_refused"
        case empty = "empty_file"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// The refusal for a file over `limit` bytes, shared by the extractor and callers that check
    /// a file's size before reading it into memory.
    public static func fileTooLarge(bytes: Int, limit: Int) -> ExtractionError {
        ExtractionError(.tooLarge, "The file is \(ByteCount(bytes)), over the limit of \(ByteCount(limit)); send a smaller file")
    }
}
