import CLibXML2
import Foundation

/// Turns one WordprocessingML part into lines with a streaming reader: a DOCX body can be large
/// and hostile, so no DOM is built and no DTD or entity is ever honoured.
///
/// Paragraphs become lines; `w:tab` a tab; `w:br`/`w:cr` a line break; table cells are joined
/// by tabs and rows by line breaks. Elements are matched by local name so both the transitional
/// and the strict OOXML namespaces work.
struct WordXMLParser {
    /// Characters of the line being built, with how many of them are bold and at which size.
    private struct LineState {
        var bytes: [UInt8] = []
        var boldBytes = 0
        var sizeBytes: [Double: Int] = [:]
        var heading = false
    }

    private struct RunStyle {
        var bold = false
        var halfPoints: Double?
    }

    /// One table row under construction; cells hold already-flattened text.
    private struct RowState {
        var cells: [String] = []
        var cell: [String] = []
        var style = LineState()
    }

    private var lines: [TextLine] = []
    private var line = LineState()
    private var run = RunStyle()
    private var rows: [RowState] = []
    private var inParagraphProperties = false
    private var inRunProperties = false
    private var inRun = false
    private var inText = false
    /// Paragraphs open now (text boxes nest them), and whether the outer one held a nested one.
    private var paragraphDepth = 0
    private var sawNestedParagraph = false

    static func lines(_ xml: Data, part: String) throws -> [TextLine] {
        var parser = WordXMLParser()
        try parser.parse(xml, part: part)
        return parser.lines
    }

    private mutating func parse(_ xml: Data, part: String) throws {
        // NONET: no fetching anything. No NOENT/DTDLOAD/HUGE: entities stay unexpanded and
        // libxml2 keeps its size limits. Errors are ours to report, not libxml2's to print.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        try xml.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.bindMemory(to: CChar.self).baseAddress,
                  let reader = xmlReaderForMemory(base, Int32(raw.count), nil, nil, options)
            else { throw Self.corrupt(part) }
            defer { xmlFreeTextReader(reader) }
            try walk(reader, part: part)
        }
    }

    private mutating func walk(_ reader: xmlTextReaderPtr, part: String) throws {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return }
            guard status == 1 else { throw Self.corrupt(part) }
            switch xmlReaderTypes(rawValue: UInt32(xmlTextReaderNodeType(reader))) {
            case XML_READER_TYPE_DOCUMENT_TYPE, XML_READER_TYPE_ENTITY_REFERENCE, XML_READER_TYPE_ENTITY:
                throw ExtractionError(
                    .xmlEntitiesRefused,
                    "The Word document declares a DTD or entities in \(part), which Word never writes; it may be an XML attack. Re-save it in Word")
            case XML_READER_TYPE_ELEMENT:
                let empty = xmlTextReaderIsEmptyElement(reader) == 1
                if try start(reader, empty: empty) == .skipSubtree {
                    guard xmlTextReaderNext(reader) != -1 else { throw Self.corrupt(part) }
                    // Next() lands on the following sibling, which this loop must not skip.
                    try revisit(reader, part: part)
                    continue
                }
                if empty { end(localName(reader)) }
            case XML_READER_TYPE_END_ELEMENT:
                end(localName(reader))
            case XML_READER_TYPE_TEXT, XML_READER_TYPE_SIGNIFICANT_WHITESPACE, XML_READER_TYPE_CDATA:
                if inText, let value = xmlTextReaderConstValue(reader) { appendText(value) }
            default:
                break
            }
        }
    }

    /// After skipping a subtree the reader already sits on the next node; handle it before
    /// reading on. Skipped subtrees in a row (two AlternateContent fallbacks) recurse.
    private mutating func revisit(_ reader: xmlTextReaderPtr, part: String) throws {
        switch xmlReaderTypes(rawValue: UInt32(xmlTextReaderNodeType(reader))) {
        case XML_READER_TYPE_ELEMENT:
            let empty = xmlTextReaderIsEmptyElement(reader) == 1
            if try start(reader, empty: empty) == .skipSubtree {
                guard xmlTextReaderNext(reader) != -1 else { throw Self.corrupt(part) }
                try revisit(reader, part: part)
            } else if empty {
                end(localName(reader))
            }
        case XML_READER_TYPE_END_ELEMENT:
            end(localName(reader))
        case XML_READER_TYPE_DOCUMENT_TYPE, XML_READER_TYPE_ENTITY_REFERENCE, XML_READER_TYPE_ENTITY:
            throw ExtractionError(.xmlEntitiesRefused, "The Word document declares entities in \(part); re-save it in Word")
        default:
            break
        }
    }

    private enum Next { case descend, skipSubtree }

    private mutating func start(_ reader: xmlTextReaderPtr, empty: Bool) throws -> Next {
        let name = localName(reader)
        switch name {
        case "p":
            // A text box paragraph nested inside another paragraph: finish the outer one first.
            if !line.bytes.isEmpty { endParagraph() }
            line = LineState()
            if !empty { paragraphDepth += 1 }
            if paragraphDepth > 1 { sawNestedParagraph = true }
        case "pPr": inParagraphProperties = !empty
        case "pStyle" where inParagraphProperties:
            let style = attribute(reader, "val")?.lowercased() ?? ""
            line.heading = style.hasPrefix("heading") || style == "title" || style == "subtitle"
        case "r": inRun = !empty; run = RunStyle()
        case "rPr" where inRun: inRunProperties = !empty
        case "b" where inRunProperties:
            // <w:b/> and <w:b w:val="1"/> turn bold on; val 0/false/off turn it off again.
            let value = attribute(reader, "val")?.lowercased()
            run.bold = !(value == "0" || value == "false" || value == "off")
        case "sz" where inRunProperties:
            run.halfPoints = attribute(reader, "val").flatMap(Double.init)
        case "t": inText = !empty
        case "tab" where inRun && !inRunProperties: appendText("\t")
        case "br", "cr": if inRun { breakLine() }
        case "noBreakHyphen": appendText("-")
        case "tr": rows.append(RowState())
        // Word writes text boxes twice, as DrawingML and as VML fallback; read it once.
        case "Fallback", "delText", "instrText": return .skipSubtree
        default: break
        }
        return .descend
    }

    private mutating func end(_ name: String) {
        switch name {
        case "p":
            paragraphDepth = max(0, paragraphDepth - 1)
            // The empty tail of a paragraph that only anchored a text box is no blank line.
            if sawNestedParagraph, line.bytes.isEmpty {
                if paragraphDepth == 0 { sawNestedParagraph = false }
                line = LineState()
                return
            }
            endParagraph()
        case "pPr": inParagraphProperties = false
        case "r": inRun = false
        case "rPr": inRunProperties = false
        case "t": inText = false
        case "tc" where !rows.isEmpty:
            let cell = rows[rows.count - 1].cell.filter { !$0.isEmpty }.joined(separator: " ")
            rows[rows.count - 1].cells.append(cell)
            rows[rows.count - 1].cell = []
        case "tr" where !rows.isEmpty:
            let row = rows.removeLast()
            let text = row.cells.joined(separator: "\t")
            if rows.isEmpty {
                emit(text, style: row.style)
            } else {
                // A nested table flattens into the cell that holds it.
                rows[rows.count - 1].cell.append(TextCleaner.clean(text, keepTabs: true))
            }
        default: break
        }
    }

    private mutating func appendText(_ value: UnsafePointer<xmlChar>) {
        let count = strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
        appendBytes(UnsafeBufferPointer(start: value, count: count))
    }

    private mutating func appendText(_ value: StaticString) {
        value.withUTF8Buffer { appendBytes($0) }
    }

    private mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        line.bytes.append(contentsOf: bytes)
        if run.bold { line.boldBytes += bytes.count }
        if let halfPoints = run.halfPoints { line.sizeBytes[halfPoints / 2, default: 0] += bytes.count }
    }

    /// A break inside a paragraph starts a new line in the same paragraph style.
    private mutating func breakLine() {
        let heading = line.heading
        endParagraph()
        line.heading = heading
    }

    private mutating func endParagraph() {
        let finished = line
        line = LineState()
        let text = String(decoding: finished.bytes, as: UTF8.self)
        if rows.isEmpty {
            emit(text, style: finished)
        } else {
            // Inside a table the paragraph is part of a cell; the row becomes the line.
            rows[rows.count - 1].cell.append(TextCleaner.clean(text, keepTabs: true))
            rows[rows.count - 1].style.boldBytes += finished.boldBytes
            rows[rows.count - 1].style.bytes += finished.bytes
            rows[rows.count - 1].style.sizeBytes.merge(finished.sizeBytes, uniquingKeysWith: +)
        }
    }

    private mutating func emit(_ raw: String, style: LineState) {
        let text = TextCleaner.clean(raw, keepTabs: true)
        // Empty paragraphs are spacing; one blank line is kept as a paragraph break.
        if text.isEmpty, lines.last?.text.isEmpty ?? true { return }
        let size = style.sizeBytes.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
        let bold = style.heading || (!style.bytes.isEmpty && style.boldBytes * 2 > style.bytes.count)
        lines.append(TextLine(text: text, page: 1, fontSize: text.isEmpty ? nil : size, isBold: !text.isEmpty && bold))
    }

    private func localName(_ reader: xmlTextReaderPtr) -> String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: name)
    }

    /// An attribute by local name in any namespace (`w:val` is usually what is meant).
    private func attribute(_ reader: xmlTextReaderPtr, _ localName: String) -> String? {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        var found: String?
        var more = xmlTextReaderMoveToFirstAttribute(reader)
        while more == 1 {
            if let name = xmlTextReaderConstLocalName(reader), String(cString: name) == localName,
               let value = xmlTextReaderConstValue(reader) {
                found = String(cString: value)
                break
            }
            more = xmlTextReaderMoveToNextAttribute(reader)
        }
        return found
    }

    private static func corrupt(_ part: String) -> ExtractionError {
        ExtractionError(.corrupt, "The Word document is damaged (\(part) is not well-formed XML); re-save it in Word and try again")
    }
}
