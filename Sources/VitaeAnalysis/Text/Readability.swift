/// Tells words from the marks of a garbled extraction: replacement characters, private-use glyphs
/// of fonts without a Unicode map, "(cid:12)", UTF-8 read as Latin-1 ("Ã©", "â€™"), symbol soup
/// ("!\"#$%") and words run together when a PDF has no spaces. Numbers, dates, phone numbers and
/// separators ("2019", "+1", "|") say nothing about it either way, so they count for neither side:
/// a clean resume full of figures still reads as 100%.
struct Readability {
    private(set) var words = 0
    private(set) var garbled = 0

    /// 0...1; 0 when nothing in the text could be read as a word.
    var share: Double { words + garbled == 0 ? 0 : Double(words) / Double(words + garbled) }

    /// Reads one line; returns how many tokens it has. Most text is ASCII, read byte by byte; a token
    /// with other characters is read again by its Unicode scalars.
    mutating func read(_ line: String) -> Int {
        var tokens = 0
        var shape = TokenShape()
        var start = line.utf8.startIndex
        var asciiOnly = true
        func finish(_ end: String.Index) {
            guard !shape.isEmpty else { return }
            tokens += 1
            if !asciiOnly {
                shape = TokenShape()
                for scalar in line.unicodeScalars[start..<end] { shape.add(scalar) }
            }
            switch shape.kind(of: line[start..<end]) {
            case .word: words += 1
            case .garbled: garbled += 1
            case .neutral: break
            }
        }
        var index = line.utf8.startIndex
        for byte in line.utf8 {
            if byte == 0x20 {
                finish(index)
                shape = TokenShape()
                asciiOnly = true
            } else {
                if shape.isEmpty { start = index }
                if byte < 0x80 { shape.add(ascii: UInt32(byte)) } else { asciiOnly = false; shape.markNonASCII() }
            }
            index = line.utf8.index(after: index)
        }
        finish(index)
        return tokens
    }

    enum Kind { case word, garbled, neutral }

    /// What one token is made of, as far as telling a word from garbage needs.
    struct TokenShape {
        private var letters = 0, digits = 0, others = 0
        private var joinsWords = false  // a URL, an email, a path or a hyphenated compound may be long
        private var symbols = SmallSet()
        private var previous: UInt32 = 0
        private var broken = false

        var isEmpty: Bool { letters + digits + others == 0 }

        mutating func add(ascii value: UInt32) {
            switch value {
            case 0x41...0x5A, 0x61...0x7A: letters += 1
            case 0x30...0x39: digits += 1
            case 0x2D, 0x2E, 0x2F, 0x40, 0x5F:
                others += 1
                joinsWords = true
                symbols.insert(value)
            default:
                others += 1
                symbols.insert(value)
            }
            previous = value
        }

        /// Counts a non-ASCII byte until the token is read again by scalars.
        mutating func markNonASCII() { others += 1 }

        mutating func add(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            guard value >= 0x80 else { return add(ascii: value) }
            if value == 0xFFFD || (0xE000...0xF8FF).contains(value) || value >= 0xF0000 { broken = true }
            // "Ã©" and "â€™": UTF-8 bytes read as Latin-1 or Windows-1252.
            if previous == 0xC3, (0x80...0xBF).contains(value) || value == 0x2013 || value == 0x201A { broken = true }
            if previous == 0xE2, value == 0x20AC { broken = true }
            if scalar.properties.isAlphabetic {
                letters += 1
            } else {
                others += 1
                symbols.insert(value)
            }
            previous = value
        }

        func kind(of token: Substring) -> Kind {
            if broken { return .garbled }
            if letters > 0 {
                if symbols.contains(0x28), token.contains("(cid:") { return .garbled }
                return letters > 30 && !joinsWords ? .garbled : .word
            }
            if digits > 0 { return .neutral }
            return symbols.count >= 4 ? .garbled : .neutral
        }
    }

    /// Up to four distinct scalars, without allocating: enough to tell "-----" from "!\"#$%".
    struct SmallSet {
        private var values: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        private(set) var count = 0

        func contains(_ value: UInt32) -> Bool {
            (count > 0 && values.0 == value) || (count > 1 && values.1 == value) || (count > 2 && values.2 == value)
                || (count > 3 && values.3 == value)
        }

        mutating func insert(_ value: UInt32) {
            guard count < 4, !contains(value) else { return }
            switch count {
            case 0: values.0 = value
            case 1: values.1 = value
            case 2: values.2 = value
            default: values.3 = value
            }
            count += 1
        }
    }
}
