/// The kinds of file Vitae reads, detected from content rather than the file name.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable {
    case pdf, docx, text
}

/// One line of extracted text with the layout hints that help find headings.
public struct TextLine: Codable, Sendable, Hashable {
    /// Words separated by single spaces; a tab where the line has a wider gap: a Word tab stop or
    /// table cell, a PDF's right-aligned date or next box of a skills list.
    public var text: String
    /// 1-based page number (DOCX and plain text report page 1).
    public var page: Int
    /// Dominant font size in points, when the format tells it.
    public var fontSize: Double?
    /// True when most characters of the line are set in a bold face or a heading style.
    public var isBold: Bool

    public init(text: String, page: Int = 1, fontSize: Double? = nil, isBold: Bool = false) {
        self.text = text
        self.page = page
        self.fontSize = fontSize
        self.isBold = isBold
    }
}

/// Text of a document in reading order.
public struct Document: Codable, Sendable, Hashable {
    public var format: DocumentFormat
    public var pageCount: Int
    public var lines: [TextLine]

    public init(format: DocumentFormat, pageCount: Int, lines: [TextLine]) {
        self.format = format
        self.pageCount = pageCount
        self.lines = lines
    }

    /// Plain text, one extracted line per text line.
    public var text: String { lines.map(\.text).joined(separator: "\n") }

    /// A document made from plain text, as analyzers and tests often want.
    public init(plainText: String) {
        let lines = plainText.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TextLine(text: String($0)) }
        self.init(format: .text, pageCount: 1, lines: lines)
    }
}
