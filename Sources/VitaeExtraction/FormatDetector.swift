import Foundation

/// Tells the format from the first bytes, because file names and MIME types from uploads lie.
enum FormatDetector {
    /// What the bytes look like; `.zip` is a container that still has to prove it is a DOCX.
    enum Sniffed: Equatable {
        case pdf, zip, text, binary
    }

    /// How far into the file a `%PDF-` header may sit: readers accept junk before it, so do we.
    static let pdfHeaderWindow = 1024

    static func sniff(_ data: Data) -> Sniffed {
        if hasPDFHeader(data) { return .pdf }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        return looksBinary(data) ? .binary : .text
    }

    private static func hasPDFHeader(_ data: Data) -> Bool {
        let marker: [UInt8] = Array("%PDF-".utf8)
        let window = data.prefix(pdfHeaderWindow)
        return window.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= marker.count else { return false }
            for start in 0...(bytes.count - marker.count)
            where bytes[start] == marker[0] && bytes[start + 1] == marker[1] && bytes[start + 2] == marker[2]
                && bytes[start + 3] == marker[3] && bytes[start + 4] == marker[4] {
                return true
            }
            return false
        }
    }

    /// Text never holds NUL, and only a sprinkling of other C0 controls (form feeds, stray ESCs);
    /// images, executables and compressed data are full of them. Judged on a prefix so a huge
    /// upload costs no more than a small one.
    static func looksBinary(_ data: Data) -> Bool {
        let sample = data.prefix(8192)
        var controls = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        return controls * 100 > sample.count * 2
    }
}
