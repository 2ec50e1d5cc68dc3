import Foundation

/// Reads text files: UTF-8 when the bytes are valid UTF-8, Latin-1 otherwise (every byte
/// sequence is valid Latin-1, and old Windows exports are the usual non-UTF-8 text).
enum PlainTextReader {
    static func read(_ data: Data) throws -> Document {
        let text = decode(data)
        var lines: [TextLine] = []
        var previousBlank = true
        // Splitting on Character boundaries keeps "\r\n" as one break.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let cleaned = TextCleaner.clean(columnGapsAsTabs(raw), keepTabs: true)
            let blank = cleaned.isEmpty
            // One blank line still separates paragraphs; runs of them are only layout.
            if blank && previousBlank { continue }
            lines.append(TextLine(text: cleaned))
            previousBlank = blank
        }
        while lines.last?.text.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else {
            throw ExtractionError(.empty, "The text file holds only whitespace; send one with some content")
        }
        return Document(format: .text, pageCount: 1, lines: lines)
    }

    /// "2016      University of Illinois      B.A.": in a text file a wide run of spaces between words
    /// sets columns apart, as a tab does (and as the PDF reader writes wide gaps).
    static func columnGapsAsTabs(_ line: Substring) -> String {
        guard line.contains("   ") else { return String(line) }
        var out = ""
        var spaces = 0
        for character in line {
            if character == " " {
                spaces += 1
                continue
            }
            if spaces > 0 { out += spaces >= 3 && !out.isEmpty ? "\t" : String(repeating: " ", count: spaces) }
            spaces = 0
            out.append(character)
        }
        return out
    }

    static func decode(_ data: Data) -> String {
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(data.dropFirst(3)) : data
        if let utf8 = String(data: body, encoding: .utf8) { return utf8 }
        return String(decoding: body.map { UInt16($0) }, as: UTF16.self)
    }
}
