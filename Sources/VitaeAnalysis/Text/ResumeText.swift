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
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x00AD, 0x200B, 0xFEFF:  // soft hyphen, zero-width space, BOM
                continue
            case 0x2010, 0x2011, 0x2012, 0x2212:
                // "555-‐5555" (a hyphen and a typographic hyphen around a soft hyphen) is one hyphen.
                if scalars.last != "-" { scalars.append("-") }
                lastWasSpace = false
            case 0x80...0x9F:
                // C1 control characters: some PDF producers separate header fields with them.
                if !lastWasSpace { scalars.append(" ") }
                scalars.append("|")
                scalars.append(" ")
                lastWasSpace = true
            case 0x09, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x2002...0x200A, 0x202F:
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            default:
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(scalars)
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
        document.lines.map { clean($0.text) }
    }

    /// "2016      University of Illinois Urbana-Champaign      B.A., Communication": columns set apart
    /// by tabs or wide runs of spaces are fields, which cleaning would run together. Nil for a line
    /// without such a gap (use the cleaned line).
    public static func keepingWideGaps(_ raw: String) -> String? {
        guard raw.utf8.contains(UInt8(ascii: "\t")) || ResumeText.contains(raw, "   ") else { return nil }
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
        // NSRegularExpression cannot split; mark separators then split on the mark.
        fieldSeparators.replacing(in: text, with: "\u{1F}").split(separator: "\u{1F}")
            .map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
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

    public init(_ pattern: String, caseInsensitive: Bool = false) {
        // The patterns are literals in this module; a bad one is a programming error.
        regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// Every match, as the matched text and its capture groups (nil for groups that did not take part).
    public func matches(in text: String) -> [PatternMatch] {
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { result in
            PatternMatch(
                range: result.range,
                groups: (0..<result.numberOfRanges).map { index in
                    let range = result.range(at: index)
                    return range.location == NSNotFound ? nil : ns.substring(with: range)
                })
        }
    }

    public func firstMatch(in text: String) -> PatternMatch? {
        let ns = text as NSString
        guard let result = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return PatternMatch(
            range: result.range,
            groups: (0..<result.numberOfRanges).map { index in
                let range = result.range(at: index)
                return range.location == NSNotFound ? nil : ns.substring(with: range)
            })
    }

    public func contains(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }

    /// The text with every match replaced by `template`.
    public func replacing(in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(
            in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: template)
    }
}

public struct PatternMatch: Sendable {
    /// UTF-16 range in the searched text.
    public var range: NSRange
    /// Group 0 is the whole match.
    public var groups: [String?]
    public var text: String { groups[0] ?? "" }
}
