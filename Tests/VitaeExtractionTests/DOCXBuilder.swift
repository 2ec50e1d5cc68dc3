import Foundation
import ZIPFoundation

/// Writes small Word documents in memory, so each DOCX test states exactly what it contains.
enum DOCXBuilder {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A zip with the given parts, deflated like Word does.
    static func zip(_ parts: [(path: String, content: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(part.content.count),
                                 compressionMethod: .deflate) { position, size in
                part.content.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try require(archive.data)
    }

    /// A DOCX whose body holds `body` (WordprocessingML inside <w:body>), plus optional headers/footers.
    static func docx(body: String, headers: [String] = [], footers: [String] = []) throws -> Data {
        var parts = [
            (path: "[Content_Types].xml", content: Data(#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)),
            (path: "word/document.xml", content: Data(part("document", "<w:body>\(body)</w:body>").utf8)),
        ]
        for (index, header) in headers.enumerated() {
            parts.append(("word/header\(index + 1).xml", Data(part("hdr", header).utf8)))
        }
        for (index, footer) in footers.enumerated() {
            parts.append(("word/footer\(index + 1).xml", Data(part("ftr", footer).utf8)))
        }
        return try zip(parts)
    }

    static func part(_ root: String, _ inner: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:\#(root) xmlns:w="\#(namespace)">\#(inner)</w:\#(root)>"#
    }

    static func paragraph(_ text: String, bold: Bool = false, style: String? = nil) -> String {
        let pPr = style.map { #"<w:pPr><w:pStyle w:val="\#($0)"/></w:pPr>"# } ?? ""
        let rPr = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>\(pPr)<w:r>\(rPr)<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }
}

private struct MissingData: Error {}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw MissingData() }
    return value
}
