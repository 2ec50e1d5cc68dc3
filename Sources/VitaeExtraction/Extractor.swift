import Foundation

/// Entry point: detects the format from the bytes and hands them to the matching reader.
public enum Extractor {
    /// The format the bytes are in, or nil when Vitae cannot read them (binary data, a zip that is
    /// not a Word document). Looks at content only, never at a file name.
    public static func detectFormat(_ data: Data) -> DocumentFormat? {
        switch FormatDetector.sniff(data) {
        case .pdf: return .pdf
        case .zip: return DOCXReader.isWordDocument(data) ? .docx : nil
        case .text: return data.isEmpty ? nil : .text
        case .binary: return nil
        }
    }

    /// Reads the document's text in reading order.
    ///
    /// Throws `ExtractionError` for files that cannot be read (its `code` says why) and
    /// `CancellationError` when the task is cancelled between pages.
    public static func extract(
        _ data: Data, options: ExtractionOptions = .init(), progress: ExtractionProgress? = nil
    ) throws -> Document {
        let limits = options.limits
        // Size first: every other check would already have to look at the bytes.
        guard data.count <= limits.maxFileBytes else {
            throw ExtractionError.fileTooLarge(bytes: data.count, limit: limits.maxFileBytes)
        }
        guard !data.isEmpty else {
            throw ExtractionError(.empty, "The file is empty; send one with some content")
        }
        switch FormatDetector.sniff(data) {
        case .pdf:
            return try PDFReader(options: options).read(data, progress: progress)
        case .zip:
            let document = try DOCXReader(limits: limits).read(data)
            progress?(1, 1)
            return document
        case .text:
            let document = try PlainTextReader.read(data)
            progress?(1, 1)
            return document
        case .binary:
            throw ExtractionError(
                .unsupportedFormat,
                "The file is binary data, not a PDF, a Word (.docx) document or plain text; export it as PDF or DOCX")
        }
    }
}

/// Sizes in error messages, in the unit a person would use.
struct ByteCount: CustomStringConvertible {
    var bytes: Int
    init(_ bytes: Int) { self.bytes = bytes }

    var description: String {
        if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return String(format: "%.1f KB", Double(bytes) / Double(1 << 10)) }
        return "\(bytes) bytes"
    }
}
