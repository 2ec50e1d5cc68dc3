import Foundation
import VitaeEngine
import VitaeExtraction

/// Text helpers every analyzer shares, so that "a line", "a token" and "a date" mean the same
/// thing in all of them.
public enum ResumeText {
    /// A line with extraction noise removed: tabs and no-break spaces become spaces, soft hyphens
    /// vanish, typographic hyphens become `-`, runs of spaces collapse. Dashes used as separators
    /// (– —) are kept, they separate fields.
    public static func clean(_ line: String) -> String {
        if isAlreadyClean(line) { return line }
        // Built as UTF-8 bytes: appending to a String.UnicodeScalarView scalar by scalar cost more than
        // the rest of the cleaning.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.utf8.count)
        var lastWasSpace = true
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x00AD, 0x200B, 0xFEFF:  // soft hyphen, zero-width space, BOM
                continue
            case 0x2010, 0x2011, 0x2012, 0x2212:
                // "555-‐5555" (a hyphen and a typographic hyphen around a soft hyphen) is one hyphen.
                // (A last byte "-" is a whole scalar: bytes of longer UTF-8 sequences are all ≥ 0x80.)
                if bytes.last != UInt8(ascii: "-") { bytes.append(UInt8(ascii: "-")) }
                lastWasSpace = false
            case 0x80...0x9F:
                // C1 control characters: some PDF producers separate header fields with them.
                if !lastWasSpace { bytes.append(UInt8(ascii: " ")) }
                bytes.append(UInt8(ascii: "|"))
                bytes.append(UInt8(ascii: " "))
                lastWasSpace = true
            case 0x09, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x2002...0x200A, 0x202F:
                if !lastWasSpace { bytes.append(UInt8(ascii: " ")) }
                lastWasSpace = true
            default:
                UTF8.encode(scalar) { bytes.append($0) }
                lastWasSpace = false
            }
        }
        var result = String(decoding: bytes, as: UTF8.self)
        while result.last == " " { result.removeLast() }
        if result.utf8.contains(UInt8(ascii: "&")) { result = decodingEntities(result) }
        return result
    }

    /// True when `clean` would return the line as it is: printable ASCII without "&", without spaces
    /// at either end and without two spaces in a row. Most lines are; rebuilding them scalar by scalar
    /// was ~5 % of analysis time.
    static func isAlreadyClean(_ line: String) -> Bool {
        var previousWasSpace = true  // a leading space is not clean
        for byte in line.utf8 {
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "&") else { return false }
            let isSpace = byte == UInt8(ascii: " ")
            if isSpace && previousWasSpace { return false }
            previousWasSpace = isSpace
        }
        return !previousWasSpace || line.isEmpty
    }

    /// False when the text is ASCII and has fewer than `minimum` digits: then no part of it has more,
    /// by any count (in ASCII the digits are the only Characters that are numbers). True for any other
    /// text, whose Characters a pattern match can cut.
    static func mayHaveDigits(_ text: String, atLeast minimum: Int) -> Bool {
        var count = 0
        for byte in text.utf8 {
            if byte >= 0x80 { return true }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { count += 1 }
        }
        return count >= minimum
    }

    /// Text exported from web pages keeps HTML entities ("Cloud &amp; Mobile").
    static func decodingEntities(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " ")]
        where contains(result, entity) {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }

    /// The document's lines, cleaned, in the same order and count as `document.lines` so that
    /// line numbers stay comparable across analyzers.
    public static func cleanLines(_ document: Document) -> [String] {
        document.lines.map { clean(FormFields.rewritten($0.text) ?? withoutLetterSpacing($0.text) ?? $0.text) }
    }

    /// "A H M E D   H A S S A N", "E X P E R I E N C E": letters set apart by single spaces (a design's
    /// letter-spacing, as text extraction gives it) and words by wider gaps, read as the words they are.
    static func withoutLetterSpacing(_ raw: String) -> String? {
        // Runs on every line: refuse on bytes first (an ASCII letter, a space, a letter, a space).
        let bytes = raw.utf8.drop { $0 == 0x20 || $0 == 0x09 }.prefix(4)
        guard bytes.count == 4 else { return nil }
        let start = bytes.startIndex
        func isASCIILetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
        guard isASCIILetter(bytes[start]), bytes[raw.utf8.index(start, offsetBy: 1)] == 0x20,
            isASCIILetter(bytes[raw.utf8.index(start, offsetBy: 2)]), bytes[raw.utf8.index(start, offsetBy: 3)] == 0x20
        else { return nil }
        let characters = Array(raw.trimming(.whitespaces))
        // Letter, space, letter, space, letter: cheap to refuse on the first characters.
        guard characters.count >= 7, characters.count <= 160, characters[1] == " ", characters[3] == " ",
            characters[0].isLetter, characters[2].isLetter, characters[4].isLetter
        else { return nil }
        var words: [String] = [], word = "", spaces = 0, letters = 0
        for character in characters {
            if character == " " || character == "\t" {
                spaces += character == "\t" ? 2 : 1
                continue
            }
            // Only single letters (and the marks of initials and names) between the spaces.
            guard character.isLetter || "-'’.&".contains(character) else { return nil }
            if spaces >= 2, !word.isEmpty {
                words.append(word)
                word = ""
            } else if spaces == 0, !word.isEmpty {
                return nil  // two characters in a row: no letter-spaced line
            }
            word.append(character)
            if character.isLetter { letters += 1 }
            spaces = 0
        }
        if !word.isEmpty { words.append(word) }
        guard letters >= 4, words.contains(where: { $0.count >= 3 }) else { return nil }
        return words.joined(separator: " ")
    }

    /// "2016      University of Illinois Urbana-Champaign      B.A., Communication": columns set apart
    /// by tabs or wide runs of spaces are fields, which cleaning would run together. Nil for a line
    /// without such a gap (use the cleaned line).
    public static func keepingWideGaps(_ raw: String) -> String? {
        guard raw.utf8.contains(UInt8(ascii: "\t")) || ResumeText.contains(raw, "   "), FormFields.field(raw) == nil else { return nil }
        return ResumeText.clean(wideGap.replacing(in: raw.trimming(.whitespaces), with: " | "))
    }

    static let wideGap = Pattern("\\s*(?:\\t|\\x20{3,})\\s*")

    /// The cleaned lines of the input's document: the sections step's copy when it ran, so that a
    /// job cleans its text once.
    public static func cleanLines(_ input: AnalyzerInput) -> [String] {
        if let shared = input.results[SectionsAnalyzer.self]?.cleanedLines, shared.count == input.document.lines.count {
            return shared
        }
        return cleanLines(input.document)
    }

    /// "Tour Guide (Freelance)" -> ("Tour Guide", "Freelance"): the text before a bracket that ends it, and
    /// what the bracket holds; nil without one, or when the bracket opens the text or holds another.
    static func splittingTrailingBracket(_ text: String) -> (before: String, inside: String)? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex else { return nil }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let before = text[..<open].trimming(.whitespaces)
        guard !before.isEmpty, !inside.contains("(") else { return nil }
        return (before, String(inside))
    }

    /// `Character.isLetter` with an ASCII fast path: most resume text is ASCII, and the Unicode
    /// property lookup dominated analysis time.
    @inline(__always)
    public static func isLetter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) }
        return character.isLetter
    }

    @inline(__always)
    public static func isLetterOrDigit(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) || (ascii >= 48 && ascii <= 57)
        }
        return character.isLetter || character.isNumber
    }

    /// Substring test on UTF-8 bytes; Foundation's `String.contains(String)` bridges to NSString on
    /// Linux and showed up in profiles.
    /// (The generic `firstRange(of:)` of _StringProcessing was no faster, so this is a plain byte scan.)
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard haystack.count >= pattern.count else { return false }
                var index = 0
                let lastStart = haystack.count - pattern.count
                while index <= lastStart {
                    if haystack[index] == first {
                        var offset = 1
                        while offset < pattern.count, haystack[index + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// Whether `bytes` contain `literal`, which is in lower case when `foldingASCIICase` (then A-Z in
    /// `bytes` count as a-z).
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: UnsafeBufferPointer<UInt8>, foldingASCIICase: Bool) -> Bool {
        bytes.indices.contains { hasLiteral(bytes, at: $0, literal, foldingASCIICase: foldingASCIICase) }
    }

    /// Whether `literal` starts at `index` of `bytes` (A-Z folded to a-z when `foldingASCIICase`).
    @inline(__always)
    static func hasLiteral(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: UnsafeBufferPointer<UInt8>, foldingASCIICase: Bool
    ) -> Bool {
        guard bytes.count - index >= literal.count else { return false }
        for offset in literal.indices where foldedASCII(bytes[index + offset], foldingASCIICase) != literal[offset] { return false }
        return true
    }

    @inline(__always)
    static func foldedASCII(_ byte: UInt8, _ folding: Bool) -> UInt8 {
        folding && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Whether `text.lowercased()` contains `needle` (lower-case ASCII), compared byte by byte without
    /// making the lower-cased copy. Lower-casing maps A-Z to a-z, leaves the rest of ASCII, and gives
    /// no ASCII for any other character but "İ" (to "i" and a combining dot) and the Kelvin sign (to
    /// "k") (checked over all of Unicode): so for a needle without "i" or "k", and for any needle in
    /// ASCII text, the folded bytes tell.
    public static func containsIgnoringCase(_ text: String, _ needle: String) -> Bool {
        assert(needle.utf8.allSatisfy { $0 < 0x80 } && needle.lowercased() == needle)
        var text = text, needle = needle
        let needleMapsOneToOne = !needle.utf8.contains(UInt8(ascii: "i")) && !needle.utf8.contains(UInt8(ascii: "k"))
        let bytesAnswer: Bool? = text.withUTF8 { bytes in
            guard needleMapsOneToOne || !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return needle.withUTF8 { contains(bytes, $0, foldingASCIICase: true) }
        }
        return bytesAnswer ?? contains(text.lowercased(), needle)
    }

    /// Whether the text's UTF-8 has `byte`: a scan of its contiguous bytes, several times faster than
    /// `utf8.contains`, which goes through the view's indices one byte at a time.
    public static func contains(_ text: String, byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(byte) }
    }

    /// Lower-cased runs of letters and digits: the unit the evaluation compares and matching uses.
    public static func alphanumericTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text.lowercased() {
            if isLetterOrDigit(character) {
                current.append(character)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// Words of a line, split at spaces.
    public static func words(_ line: String) -> [Substring] {
        asciiWords(line) ?? line.split(separator: " ", omittingEmptySubsequences: true)
    }

    /// `words` of an ASCII line, split at the byte 0x20; nil when the line has other bytes. In ASCII
    /// text every byte is a Character of its own, so this splits where splitting at the Character " "
    /// does, without walking grapheme clusters (that walk made `words` a tenth of analysis time).
    static func asciiWords(_ line: String) -> [Substring]? {
        let utf8 = line.utf8
        var words: [Substring] = []
        var wordStart: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: " ") {
                if let start = wordStart {
                    words.append(line[start..<index])
                    wordStart = nil
                }
            } else if wordStart == nil {
                wordStart = index
            }
            utf8.formIndex(after: &index)
        }
        if let start = wordStart { words.append(line[start..<index]) }
        return words
    }

    static let bulletCharacters: Set<Character> = ["•", "●", "○", "◦", "▪", "■", "□", "❑", "➢", "►", "▶", "✓", "✔", "-", "*", "–", "·", "➤", "→", "❖", "◆", "♦", "o"]

    /// True when the line starts with a bullet mark (a list item).
    public static func isBullet(_ line: String) -> Bool {
        // Most lines start with an ASCII letter or digit. Of the marks only "-", "*" and "o" are ASCII,
        // and a Character that starts with an ASCII scalar equals none of the others (none of them has
        // a decomposition), so other ASCII starts need no Character.
        if let firstByte = line.utf8.first, firstByte < 0x80, firstByte != UInt8(ascii: "-"), firstByte != UInt8(ascii: "*"),
            firstByte != UInt8(ascii: "o")
        {
            return false
        }
        guard let first = line.first else { return false }
        if first == "o" { return line.hasPrefix("o ") }
        return bulletCharacters.contains(first) || first.unicodeScalars.first.map { (0xE000...0xF8FF).contains($0.value) } == true
    }

    /// The line without a leading bullet mark.
    public static func strippingBullet(_ line: String) -> String {
        guard isBullet(line) else { return line }
        return String(line.dropFirst().drop(while: { $0 == " " }))
    }

    /// Field separators on one line: dashes with spaces, pipes, bullets, " , " and runs of spaces.
    static let fieldSeparators = Pattern("\\s*(?:—|–|\\||•|·|\\s-\\s|\\s,\\s)\\s*|\\s{2,}")

    /// "Jane Doe | jane@x.com — Boston, MA" -> ["Jane Doe", "jane@x.com", "Boston, MA"].
    public static func splitSegments(_ text: String) -> [String] {
        // NSRegularExpression cannot split; mark separators then split on the mark. The mark is a control
        // character, a Character of its own wherever it stands (no grapheme cluster takes one in), so
        // splitting at its byte splits where splitting at the Character does, without grapheme breaking.
        let mayHaveSeparator = mayHaveFieldSeparator(text)
        assert(mayHaveSeparator || !fieldSeparators.contains(text), "a field separator in \"\(text)\" went unseen")
        let marked = mayHaveSeparator ? fieldSeparators.replacing(in: text, with: "\u{1F}") : text
        return marked.utf8.split(separator: 0x1F).map { Substring($0).trimming(.whitespaces) }.filter { !$0.isEmpty }
    }

    /// False when `fieldSeparators` cannot match: ASCII text without "|", without two white-space
    /// bytes in a row and without "-" or "," between white space. White space is taken broadly (tab to
    /// carriage return, and space), so that this never says no where the pattern's `\s` says yes; the
    /// other separators are not ASCII. Most segments have none, and the search was most of the split.
    static func mayHaveFieldSeparator(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 || byte == UInt8(ascii: "|") { return true }
                guard isSpace(byte), index + 1 < bytes.count else { continue }
                let next = bytes[index + 1]
                if isSpace(next) { return true }
                if next == UInt8(ascii: "-") || next == UInt8(ascii: ","), index + 2 < bytes.count, isSpace(bytes[index + 2]) { return true }
            }
            return false
        }
    }

    /// Title-cases a name written in capitals ("JOHN DOE" -> "John Doe"); leaves mixed case alone.
    /// Each part of a double name keeps its capital ("Jean-Pierre", "González-López"), as do the
    /// name after an Irish or French prefix ("O'Neill", "D'Angelo") and after "Mc" ("McDonald").
    public static func titleCasedIfShouting(_ text: String) -> String {
        let letters = text.filter(\.isLetter)
        guard !letters.isEmpty, letters.allSatisfy({ $0.isUppercase }) else { return text }
        return text.split(separator: " ").map { word in
            var cased = ""
            var partStart = true
            for character in word {
                let part = cased[(cased.lastIndex(of: "-").map { cased.index(after: $0) } ?? cased.startIndex)...]
                let afterPrefix = part == "Mc" || part.count == 2 && (part.last == "'" || part.last == "’")
                cased += partStart || afterPrefix ? String(character) : character.lowercased()
                partStart = character == "-"
            }
            return cased
        }.joined(separator: " ")
    }

    /// "KPMG", "HSBC", "IRD", "AT&T": a name of capitals short enough to be initials.
    public static func isInitialism<S: StringProtocol>(_ word: S) -> Bool {
        (2...6).contains(word.count) && word.allSatisfy { $0.isUppercase || $0 == "&" } && word.contains(where: \.isLetter)
    }

    /// True when every letter is upper case and there are at least two.
    public static func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        for character in text where isLetter(character) {
            if !character.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}

/// A compiled regular expression used many times; compiled once per process.
///
/// NSRegularExpression is immutable and documented thread-safe, hence the unchecked Sendable.
public struct Pattern: @unchecked Sendable {
    let regex: NSRegularExpression
    /// Literal text of which every match contains at least one (empty: no such promise). A search costs
    /// about a microsecond even when it fails at once, and most lines contain none of a pattern's
    /// words, so a byte scan for them rules most searches out.
    let requiredLiterals: [[UInt8]]
    /// Whether a required literal starts with the byte (its index).
    let literalStarts: [Bool]
    let caseInsensitive: Bool
    /// False when a literal has a letter: case-insensitive matching folds some non-ASCII characters
    /// to ASCII letters (the Kelvin sign to "k", "ﬁ" to "fi"), so only ASCII text can be ruled out.
    let literalsHaveNoLetters: Bool

    /// `literals`: text every match contains one of, such as the separators or keywords no match can
    /// do without. Leaving one out would lose matches, so name only literals the pattern itself
    /// requires, outside any optional part and outside inline `(?i:…)` groups of a case-sensitive
    /// pattern. A case-insensitive pattern's literals can have letters of ASCII only ("ss" matches "ß").
    public init(_ pattern: String, caseInsensitive: Bool = false, literals: [String] = []) {
        // The patterns are literals in this module; a bad one is a programming error.
        regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        self.caseInsensitive = caseInsensitive
        precondition(literals.allSatisfy { !$0.isEmpty })
        precondition(
            !caseInsensitive || literals.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII || !$0.properties.isAlphabetic } },
            "a case-insensitive pattern's literals have letters of ASCII only")
        requiredLiterals = literals.map { Array(caseInsensitive ? $0.lowercased().utf8 : $0.utf8) }
        var starts = [Bool](repeating: false, count: 256)
        for literal in requiredLiterals { starts[Int(literal[0])] = true }
        literalStarts = starts
        literalsHaveNoLetters = literals.allSatisfy { $0.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic } }
    }

    /// One pattern that matches wherever any of `patterns` does, each under its own case rule: a
    /// single search to tell that none of them matches.
    public init(anyOf patterns: [Pattern]) {
        self.init(patterns.map { "(?\($0.caseInsensitive ? "i" : ""):\($0.regex.pattern))" }.joined(separator: "|"))
    }

    /// False when `text` cannot match: it has none of the required literals.
    func mayMatch(_ text: String) -> Bool {
        guard !requiredLiterals.isEmpty else { return true }
        var text = text
        let foldsCase = caseInsensitive
        let nonASCIIMayMatch = caseInsensitive && !literalsHaveNoLetters
        // One pass over the text, trying the literals only where one of them can start.
        let mayMatch = text.withUTF8 { bytes in
            literalStarts.withUnsafeBufferPointer { starts in
                for index in bytes.indices {
                    let byte = bytes[index]
                    if byte >= 0x80 && nonASCIIMayMatch { return true }
                    guard starts[Int(ResumeText.foldedASCII(byte, foldsCase))] else { continue }
                    for literal in requiredLiterals where literal.withUnsafeBufferPointer({
                        ResumeText.hasLiteral(bytes, at: index, $0, foldingASCIICase: foldsCase)
                    }) {
                        return true
                    }
                }
                return false
            }
        }
        assert(mayMatch || regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) == nil,
            "pattern \(regex.pattern) matches \"\(text)\" without any of its literals")
        return mayMatch
    }

    /// Every match, as the matched text and its capture groups (nil for groups that did not take part).
    public func matches(in text: String) -> [PatternMatch] {
        guard mayMatch(text) else { return [] }
        return regex.matches(in: text, range: Self.wholeRange(of: text)).map { Self.match($0, in: text) }
    }

    public func firstMatch(in text: String) -> PatternMatch? {
        guard mayMatch(text), let result = regex.firstMatch(in: text, range: Self.wholeRange(of: text)) else { return nil }
        return Self.match(result, in: text)
    }

    public func contains(_ text: String) -> Bool {
        guard mayMatch(text) else { return false }
        return regex.firstMatch(in: text, range: Self.wholeRange(of: text)) != nil
    }

    /// The text with every match replaced by `template`.
    public func replacing(in text: String, with template: String) -> String {
        guard mayMatch(text) else { return text }
        return regex.stringByReplacingMatches(in: text, range: Self.wholeRange(of: text), withTemplate: template)
    }

    // The text is bridged to NSString for the search anyway; measuring and cutting it through its
    // UTF-16 view saves bridging it once more for that (an object each time).

    static func wholeRange(of text: String) -> NSRange { NSRange(location: 0, length: text.utf16.count) }

    static func match(_ result: NSTextCheckingResult, in text: String) -> PatternMatch {
        PatternMatch(
            range: result.range,
            groups: (0..<result.numberOfRanges).map { index in
                let range = result.range(at: index)
                return range.location == NSNotFound ? nil : substring(of: text, utf16Range: range)
            })
    }

    /// `(text as NSString).substring(with: range)`; through NSString only for a range that cuts a
    /// surrogate pair.
    static func substring(of text: String, utf16Range range: NSRange) -> String {
        let utf16 = text.utf16
        let start = utf16.index(utf16.startIndex, offsetBy: range.location)
        let end = utf16.index(start, offsetBy: range.length)
        return String(utf16[start..<end]) ?? (text as NSString).substring(with: range)
    }
}

public struct PatternMatch: Sendable {
    /// UTF-16 range in the searched text.
    public var range: NSRange
    /// Group 0 is the whole match.
    public var groups: [String?]
    public var text: String { groups[0] ?? "" }
}
