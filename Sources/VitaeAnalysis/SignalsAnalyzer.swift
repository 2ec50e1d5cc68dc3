import Foundation
import VitaeEngine
import VitaeExtraction

/// Writing-quality signals the score uses: quantified achievements, action verbs, length, date
/// consistency and gaps, and whether the extracted text is readable at all.
public struct SignalsAnalyzer: Analyzer {
    public static let name = "signals"
    public static let summary = "measures quantified achievements, action verbs, length, date gaps and text readability"

    public struct Gap: Codable, Sendable, Hashable {
        public var from: YearMonth
        public var to: YearMonth
        public var months: Int
    }

    public struct Signals: Codable, Sendable, Hashable {
        public var wordCount: Int
        public var pageCount: Int
        public var bulletCount: Int
        /// Bullets or sentences with a number, percentage or amount ("cut costs by 20%").
        public var quantifiedAchievements: Int
        /// Lines and sentences that open with a strong verb ("Led", "Built").
        public var actionVerbLines: Int
        public var distinctActionVerbs: [String]
        /// Positions without dates, or whose end is before their start.
        public var undatedPositions: Int
        /// Breaks of more than six months between positions.
        public var gaps: [Gap]
        /// 0...1: share of the words that read as words rather than as garbled extraction (1 for
        /// clean text); numbers, dates and separators count for neither side.
        public var readability: Double
    }

    public struct Output: Codable, Sendable {
        public var signals: Signals
    }

    public init(options: NoOptions) {}

    static let actionVerbs: Set<String> = Set("""
        achieved accelerated administered advised analyzed analysed architected automated built championed coached
        collaborated conceived conducted consolidated coordinated created cut debugged decreased defined delivered
        deployed designed developed directed drove eliminated enabled engineered enhanced established evaluated executed
        expanded facilitated founded generated grew guided headed identified implemented improved increased initiated
        integrated introduced launched led maintained managed mentored migrated modernized negotiated optimized
        optimised orchestrated organized organised oversaw pioneered planned presented produced programmed published
        raised redesigned reduced refactored resolved revamped saved scaled secured shipped simplified spearheaded
        streamlined strengthened supervised taught tested trained transformed upgraded won wrote
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    static let quantity = Pattern("(?:\\d+(?:\\.\\d+)?\\s?%|[$€£₹]\\s?\\d|\\b\\d+(?:\\.\\d+)?\\s?(?:x|k|m|mm|million|billion|users|customers|clients|people|engineers|members|hours|days|weeks|percent)\\b|\\b\\d{2,}\\+)", caseInsensitive: true)

    public func analyze(_ input: AnalyzerInput) async throws -> Output {
        let lines = ResumeText.cleanLines(input)
        var words = 0, bullets = 0, quantified = 0, verbLines = 0
        var reading = Readability()
        var verbs: Set<String> = []
        for line in lines where !line.isEmpty {
            words += reading.read(line)
            let isBullet = ResumeText.isBullet(line)
            if isBullet { bullets += 1 }
            let body = ResumeText.strippingBullet(line)
            for opening in Self.openingWords(body) where Self.actionVerbs.contains(opening) {
                verbLines += 1
                verbs.insert(opening)
            }
            // The digit test first: it is the cheapest, and most lines have no digit.
            if body.utf8.contains(where: { $0 >= 48 && $0 <= 57 }), isBullet || ResumeText.words(body).count >= 6,
                Self.quantity.contains(body)
            {
                quantified += 1
            }
        }
        let positions = input.results[ExperienceAnalyzer.self]?.listedPositions ?? []
        let undated = positions.filter { position in
            guard let start = position.start else { return true }
            return position.end.map { $0 < start } ?? false
        }.count
        return Output(signals: Signals(
            wordCount: words, pageCount: input.document.pageCount, bulletCount: bullets,
            quantifiedAchievements: quantified, actionVerbLines: verbLines, distinctActionVerbs: verbs.sorted(),
            undatedPositions: undated, gaps: Self.gaps(positions),
            readability: (reading.share * 100).rounded() / 100))
    }

    /// The words a statement can open with: the line's first (after a bullet, or after the dates of a
    /// date column: "May 2020 Developed …") and the first after a full stop or semicolon inside the
    /// line, for resumes written in paragraphs ("… using Kubernetes. Led a team of …").
    static func openingWords(_ line: String) -> [String] {
        statements(line).compactMap(openingWord)
    }

    /// The line cut at every ". " and "; " (Characters, left to right).
    static func statements(_ line: String) -> [Substring] {
        guard ResumeText.contains(line, ". ") || ResumeText.contains(line, "; ") else { return [line[...]] }
        var statements: [Substring] = []
        var start = line.startIndex
        var index = line.startIndex
        while index != line.endIndex {
            let next = line.index(after: index)
            if line[index] == "." || line[index] == ";", next != line.endIndex, line[next] == " " {
                statements.append(line[start..<index])
                start = line.index(after: next)
                index = start
            } else {
                index = next
            }
        }
        statements.append(line[start...])
        return statements
    }

    /// The statement's first word (lower-cased letters) that is not part of a date, read word by word:
    /// splitting the whole statement first cost more than the rest of this analyzer.
    static func openingWord(_ statement: Substring) -> String? {
        if statement.utf8.allSatisfy({ $0 < 0x80 }) { return asciiOpeningWord(statement) }
        var rest = statement
        while let start = rest.firstIndex(where: { $0 != " " }) {
            let end = rest[start...].firstIndex(of: " ") ?? rest.endIndex
            let word = rest[start..<end].lowercased().filter(ResumeText.isLetter)
            if !word.isEmpty && !dateWords.contains(word) { return word }
            rest = rest[end...]
        }
        return nil
    }

    /// `openingWord` of ASCII text, byte by byte: there each byte is a Character, lower-casing maps
    /// A-Z alone and the letters are A-Z and a-z, so the words come out the same without two Strings
    /// made for each word read.
    static func asciiOpeningWord(_ statement: Substring) -> String? {
        var letters: [UInt8] = []
        func openingWord() -> String? {
            guard !letters.isEmpty else { return nil }
            let word = String(decoding: letters, as: UTF8.self)
            letters.removeAll(keepingCapacity: true)
            return dateWords.contains(word) ? nil : word
        }
        for byte in statement.utf8 {
            if byte == UInt8(ascii: " ") {
                if let word = openingWord() { return word }
            } else if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                letters.append(byte | 0x20)
            }
        }
        return openingWord()
    }

    /// Words of a date column before a statement; digits are dropped before this check.
    static let dateWords: Set<String> = Set("""
        jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october
        nov november dec december spring summer fall autumn winter present current now till to since
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Breaks longer than six months between the merged spans of the positions.
    static func gaps(_ positions: [ExperienceAnalyzer.Position]) -> [Gap] {
        let spans = positions.compactMap { p -> (YearMonth, YearMonth)? in
            guard let start = p.start else { return nil }
            return (start, p.end ?? YearMonth(year: 9999, month: 12))
        }.sorted { $0.0 < $1.0 }
        var gaps: [Gap] = []
        var reach: YearMonth?
        for (start, end) in spans {
            if let last = reach, start.ordinal - last.ordinal - 1 > 6 {
                gaps.append(Gap(from: last, to: start, months: start.ordinal - last.ordinal - 1))
            }
            reach = max(reach ?? end, end)
        }
        return gaps
    }
}
