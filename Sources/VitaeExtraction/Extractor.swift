import Foundation

/// Entry point: detects the format from the bytes and hands them to the matching reader.
public enum Extractor {
    public static func detectFormat(_ data: Data) -> DocumentFormat? {
        fatalError("TODO: extraction helper")
    }

    public static func extract(
        _ data: Data, options: ExtractionOptions = .init(), progress: ExtractionProgress? = nil
    ) throws -> Document {
        throw ExtractionError(.unsupportedFormat, "extraction not implemented yet")
    }
}
