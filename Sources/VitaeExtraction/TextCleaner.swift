/// Evens out the spacing producers put between words, so analyzers can match plain words.
///
/// PDF producers (and some Word exports) separate words with tabs, carriage returns,
/// no-break spaces or soft hyphens, and set "fi" as one ligature glyph; a search for
/// "Verne" or "profile" must still find them.
enum TextCleaner {
    /// Tabs are layout in a PDF but structure in a DOCX (tab stops, table cells), so callers choose.
    static func clean(_ line: some StringProtocol, keepTabs: Bool = false) -> String {
        clean(scalars: line.unicodeScalars, keepTabs: keepTabs)
    }

    static func clean(scalars: some Sequence<Unicode.Scalar>, keepTabs: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in scalars {
            switch scalar.value {
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                // Invisible: soft hyphen, zero-width spaces and joiners, BOM.
                continue
            case 0x09 where keepTabs:
                // A tab absorbs the spaces around it so "a \t b" stays one separator, and a run of
                // tabs that only pushes a date to a tab stop is one separator too.
                pendingSpace = false
                if out.last != "\t" { out.append(scalar) }
            case 0x09, 0x0A, 0x0D, 0x20, 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                if let last = out.last, last == "\t" { continue }
                pendingSpace = !out.isEmpty
            case 0x00...0x1F, 0x7F:
                continue
            default:
                if pendingSpace { out.append(" "); pendingSpace = false }
                // Word exports a non-breaking hyphen as "-", soft hyphen, U+2010: one hyphen drawn twice.
                if scalar.value == 0x2010 || scalar.value == 0x2011, out.last == "-" { continue }
                if let expansion = expansions[scalar.value] {
                    out.append(contentsOf: expansion.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        // Trailing tabs carry no structure once nothing follows them.
        while let last = out.last, last == "\t" { out.removeLast() }
        return String(out)
    }

    /// Presentation forms a reader should see as plain letters, and hyphens that only differ in
    /// how the font draws them (a phone number "555‐5555" should match "555-5555").
    private static let expansions: [UInt32: String] = [
        0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
        0x2010: "-", 0x2011: "-",
    ]
}
