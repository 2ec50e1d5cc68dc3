import CPoppler
import Foundation

/// Reads PDFs through poppler-glib. All C memory handling stays in this file.
struct PDFReader {
    let options: ExtractionOptions

    func read(_ data: Data, progress: ExtractionProgress?) throws -> Document {
        let document = try open(data)
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }

        let pageCount = Int(poppler_document_get_n_pages(document))
        guard pageCount > 0 else {
            throw ExtractionError(.corrupt, "The PDF has no pages; it is damaged or truncated. Re-export it from the original")
        }
        guard pageCount <= options.limits.maxPages else {
            throw ExtractionError(
                .tooManyPages,
                "The PDF has \(pageCount) pages, more than the \(options.limits.maxPages) allowed; a resume or a job posting is a few pages. Send a shorter file")
        }
        var lines: [TextLine] = []
        progress?(0, pageCount)
        for index in 0..<pageCount {
            if Task.isCancelled { throw CancellationError() }
            lines += Self.pageLines(document, index: index)
            progress?(index + 1, pageCount)
        }
        guard !lines.isEmpty else {
            throw ExtractionError(
                .noTextLayer,
                "The PDF has no text layer (it is probably scanned; OCR not supported). Export it from the word processor as PDF or DOCX")
        }
        return Document(format: .pdf, pageCount: pageCount, lines: lines)
    }

    private func open(_ data: Data) throws -> OpaquePointer {
        var error: UnsafeMutablePointer<GError>?
        let bytes = data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(bytes) }
        // Not poppler_document_new_from_bytes: in poppler 22.x it crashes (use after free in its
        // retry with a re-encoded password) when given a wrong password. The stream path does not.
        let stream = g_memory_input_stream_new_from_bytes(bytes)
        defer { g_object_unref(stream) }
        let password = options.password.flatMap { $0.isEmpty ? nil : $0 }
        if let document = poppler_document_new_from_stream(stream, goffset(data.count), password, nil, &error) {
            return document
        }
        defer { if error != nil { g_error_free(error) } }
        let encrypted = error.map {
            $0.pointee.domain == poppler_error_quark() && $0.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
        } ?? false
        // Poppler reports a missing and a wrong password alike; only we know whether one was given.
        if encrypted, password == nil {
            throw ExtractionError(.encrypted, "The PDF is password-protected; pass --password with its user or owner password")
        }
        if encrypted {
            throw ExtractionError(.wrongPassword, "The password does not open this PDF; check it and try again (user or owner password)")
        }
        let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
        throw ExtractionError(.corrupt, "The PDF is damaged and cannot be read (\(reason)); re-export it from the original")
    }

    private static func pageLines(_ document: OpaquePointer, index: Int) -> [TextLine] {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return [] }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        let scalars = pageText(page)
        guard scalars.contains(where: { !PageLayout.isSeparator($0) }) else { return [] }
        let rects = layout(page)
        // Poppler gives one rectangle per character of the page text; if that ever fails to hold
        // the positions are useless, so fall back to poppler's own line order.
        guard rects.count == scalars.count else {
            return String(String.UnicodeScalarView(scalars)).split(separator: "\n").compactMap {
                let text = TextCleaner.clean($0)
                return text.isEmpty ? nil : TextLine(text: text, page: index + 1)
            }
        }
        let styles = styles(page, count: scalars.count)
        let glyphs = scalars.indices.map {
            PageLayout.Glyph(scalar: scalars[$0], rect: rects[$0], style: styles[$0])
        }
        return PageLayout(page: index + 1).lines(from: glyphs)
    }

    private static func pageText(_ page: OpaquePointer) -> [Unicode.Scalar] {
        guard let text = poppler_page_get_text(page) else { return [] }
        defer { g_free(text) }
        return Array(String(cString: text).unicodeScalars)
    }

    private static func layout(_ page: OpaquePointer) -> [PageLayout.Rect] {
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        // On a page without text poppler returns FALSE and leaves the out-pointer unset.
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
        defer { g_free(rectangles) }
        return UnsafeBufferPointer(start: rectangles, count: Int(count)).map {
            PageLayout.Rect(x1: $0.x1, y1: $0.y1, x2: $0.x2, y2: $0.y2)
        }
    }

    /// Font size and weight per character, from poppler's attribute runs (inclusive index ranges).
    private static func styles(_ page: OpaquePointer, count: Int) -> [PageLayout.Style?] {
        var styles = [PageLayout.Style?](repeating: nil, count: count)
        guard let list = poppler_page_get_text_attributes(page) else { return styles }
        defer { poppler_page_free_text_attributes(list) }
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            defer { node = current.pointee.next }
            guard let attributes = current.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
            else { continue }
            let start = max(0, Int(attributes.start_index)), end = min(count - 1, Int(attributes.end_index))
            guard start <= end else { continue }
            let style = PageLayout.Style(fontSize: attributes.font_size, isBold: Self.isBoldFace(attributes.font_name))
            for index in start...end { styles[index] = style }
        }
        return styles
    }

    /// Font names carry the weight ("Helvetica-Bold", "ABCDEE+Lato-Black", "Inter-SemiBold");
    /// LaTeX resumes use Computer Modern's "CMBX" (bold extended) faces.
    /// Searched on the C string: this runs once per attribute run, and Foundation's String
    /// search showed up in profiles.
    static func isBoldFace(_ name: UnsafePointer<CChar>?) -> Bool {
        guard let name else { return false }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name))
        return boldMarkers.contains { marker in
            bytes.count >= marker.count && (0...(bytes.count - marker.count)).contains { start in
                marker.indices.allSatisfy { bytes[start + $0] | 0x20 == marker[$0] }
            }
        }
    }

    /// Lower-case ASCII; compared with the name's bytes OR 0x20, a cheap ASCII case fold.
    private static let boldMarkers: [[UInt8]] = ["bold", "black", "heavy", "demi", "cmbx"].map { Array($0.utf8) }
}
