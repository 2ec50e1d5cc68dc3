import Foundation

/// A calendar month, the precision resumes give dates in.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        self.init(year: year, month: month)
    }

    /// Months since year 0, for arithmetic.
    public var ordinal: Int { year * 12 + (month - 1) }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `YYYY-MM`, as `String(format: "%04d-%02d")` writes it; zero-padded by hand for the years and
    /// months resumes have, since Foundation's formatting is slow and every result's dates go through here.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month) else { return String(format: "%04d-%02d", year, month) }
        func padded(_ number: Int, to width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: width - digits.utf8.count) + digits
        }
        return padded(year, to: 4) + "-" + padded(month, to: 2)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM"))
        }
        self = value
    }

    /// The current month in UTC.
    public static var now: YearMonth {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: Date())
        return YearMonth(year: parts.year!, month: parts.month!)
    }
}

/// A span of time found in text: "Jan 2019 - Present", "2012 – 2017", "November 2011 to February 2016".
public struct DateSpan: Sendable, Hashable {
    public var start: YearMonth
    /// nil when the span runs to the present.
    public var end: YearMonth?
    public var isCurrent: Bool { end == nil }
    /// Where in the line it was found (UTF-16), so callers can cut it out.
    public var range: NSRange
}

public enum DateRanges {
    /// English month names and the foreign ones, grouped by their first letter: a regular expression
    /// tries alternatives one by one at every word, and a hundred names cost a hundred tries; grouped,
    /// a word's first letter rules out all but one group.
    static let monthNames: String = {
        let english = ["jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
                       "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?"]
        // Longer names first within a group, so "marzo" is tried before "mar(?:ch)?" would stop short.
        let names = foreignMonths.keys.sorted { $0.count > $1.count || $0.count == $1.count && $0 < $1 } + english
        var groups: [(first: Character, rests: [String])] = []
        for name in names {
            let first = name.first!, rest = String(name.dropFirst())
            if let index = groups.firstIndex(where: { $0.first == first }) { groups[index].rests.append(rest) } else { groups.append((first, [rest])) }
        }
        return groups.sorted { $0.first < $1.first }.map { "\($0.first)(?:\($0.rests.joined(separator: "|")))" }.joined(separator: "|")
    }()
    static let seasonNames = "spring|summer|fall|autumn|winter"
    /// What every name of `monthNames` starts with.
    static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        // (A name with a letter outside ASCII needs no literal: text with such a letter passes the
        // precheck of a case-insensitive pattern anyway.)
        + Array(Set(foreignMonths.keys.map { String($0.prefix(3)) }.filter { $0.allSatisfy(\.isASCII) })).sorted()

    /// Month names in Spanish, French, German, Portuguese, Italian, Dutch, Indonesian, Malay and
    /// Turkish, whole or in abbreviations no English word has ("marzo 2018 – actualidad", "Septembre
    /// 2016 – présent", "Ocak 2019 – Halen").
    static let foreignMonths: [String: Int] = {
        let names: [[String]] = [
            ["enero", "ene", "janvier", "janv", "januar", "jänner", "janeiro", "gennaio", "januari", "ocak"],
            ["febrero", "février", "fevrier", "févr", "februar", "fevereiro", "fev", "febbraio", "februari", "şubat", "subat"],
            ["marzo", "mars", "märz", "maerz", "março", "maart", "maret", "mart"],
            ["abril", "abr", "avril", "avr", "aprile", "nisan"],
            ["mayo", "mai", "maio", "maggio", "mei", "mayıs", "mayis"],
            ["junio", "juin", "juni", "junho", "giugno", "haziran"],
            ["julio", "juillet", "juil", "juli", "julho", "luglio", "temmuz"],
            ["agosto", "août", "aout", "augustus", "agustus", "ogos", "ağustos"],
            ["septiembre", "setiembre", "septembre", "setembro", "settembre", "eylül", "eylul"],
            ["octubre", "octobre", "oktober", "okt", "outubro", "ottobre", "ekim"],
            ["noviembre", "novembre", "novembro", "kasım", "kasim"],
            ["diciembre", "dic", "décembre", "decembre", "déc", "dezember", "dez", "dezembro", "dicembre", "desember", "disember", "aralık", "aralik"],
        ]
        var months: [String: Int] = [:]
        for (index, spellings) in names.enumerated() { for name in spellings { months[name] = index + 1 } }
        return months
    }()

    static func monthNumber(_ name: String) -> Int? {
        let lowercased = name.lowercased()
        return foreignMonths[lowercased] ?? monthNumbers[String(lowercased.prefix(3))]
    }
    /// One date: "Jan 2019", "January, 2019", "Apr '16", "marzo de 2018", "January 1, 2019", "1st March
    /// 2019" (the day is dropped), "01/2019", "01/03/2019" (the day before the month, as Europass
    /// writes it), "2019", "2019.05" or "2019/05" (year first, as East Asian and some European resumes
    /// write it; not with a dash: "2016-17" is an academic year).
    static let single = "(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+)?(?:(\(monthNames))\\.?,?\\s*(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(?:de\\s+)?(?:'|’)?(\\d{4}|\\d{2}\\b))|(?:(\(seasonNames))\\s+(\\d{4}))|(?:(?:\\d{1,2}[/.])?(\\d{1,2})[/.-](\\d{4}))|(?:\\b((?:19|20)\\d{2})\\b(?!\\.\\d|/(?:0[1-9]|1[0-2])\\b))|(?:\\b((?:19|20)\\d{2})[./](0[1-9]|1[0-2])\\b))"
    /// "Mar 2020 to date", "March 2021 – Date": the separator's "to" or dash before "date" says "till date".
    static let present = "present|current(?:ly)?|now|till date|to date|date|ongoing|today|continuing|running|la actualidad|actualidad|actual|presente|la fecha|hoy|présent|aujourd['’]hui|ce jour|en cours|heute|laufend|atual|o momento|oggi|in corso|heden|sekarang|kini|hingga kini|günümüz|halen|devam ediyor|obecnie|nadal|současnost|doposud|súčasnosť|jelenleg|napjainkig|în prezent|prezent|nå|nutid|idag|i dag|nykyään|tähän asti|nay|hiện tại"
    /// English words may touch the dates ("2015to2018"); Spanish, French, German, Portuguese and Dutch
    /// ones ("2015 a 2018", "2015 bis 2018") stand apart, as one letter must.
    static let separator = "(?:\\s*(?:-|–|—|to|till|until|through|~)\\s*:?\\s*|\\s+(?:bis|à|au|hasta|al|a|até|tot):?\\s+)"

    /// A start and an end (or "present"), or a start followed by a dangling separator at line end
    /// (pdftotext puts "Present" on the next line in some two-column layouts).
    static let rangePattern = Pattern(
        "(?<![\\w/])\(single)\(separator)(?:(\(present))\\b|\(single)|$)", caseInsensitive: true, literals: separatorLiterals)
    /// What every separator contains ("til" is in "till" and "until").
    /// ("a" stands for Spanish "a", "al", "hasta", Portuguese "até" and French "au"; French "à" is
    /// no ASCII letter, and a line with it passes the precheck anyway.)
    static let separatorLiterals = ["-", "–", "—", "~", "to", "til", "through", "bis", "a"]
    static let singlePattern = Pattern("(?<![\\w/])\(single)", caseInsensitive: true)
    static let sameYearMonths = Pattern(
        "(?<![\\w/])(\(monthNames))\\.?\\s*(?:-|–|—|to)\\s*(\(monthNames))\\.?,?\\s*((?:19|20)\\d{2})\\b", caseInsensitive: true)
    /// "Since 2019", "Depuis mars 2020", "Desde 2018", "Seit 2021": a start with no end.
    static let sinceStart = Pattern(
        "\\b(?:since|depuis|desde|seit|sinds|dal)\\s+\(single)", caseInsensitive: true, literals: ["since", "depuis", "desde", "seit", "sinds", "dal"])
    /// (No literals: the words for "now" in a dozen languages share none, and the anchor makes a
    /// failing search cheap anyway.)
    static let presentAtStart = Pattern("^(?:\(present))\\b", caseInsensitive: true)
    /// "June 2022 – Software Engineer, Google" with the end ("Present", "May 2020") starting the next
    /// line: pdftotext's reading of a dates column beside the text.
    static let danglingStart = Pattern("^\\s*\(single)\\s*(?:-|–|—)\\s+(?=\\S)", caseInsensitive: true, literals: ["-", "–", "—"])

    static let monthNumbers: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    static let seasonMonths: [String: Int] = ["spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12]

    /// Groups of `single`: month name + year, season + year, numeric month + year, bare year.
    static func date(from groups: ArraySlice<String?>, isEnd: Bool) -> YearMonth? {
        let g = Array(groups)
        if let name = g[0], let yearText = g[1], var year = Int(yearText) {
            if yearText.count == 2 { year += year < 50 ? 2000 : 1900 }
            return YearMonth(year: year, month: monthNumber(name) ?? 1)
        }
        if let season = g[2], let yearText = g[3], let year = Int(yearText) {
            return YearMonth(year: year, month: seasonMonths[season.lowercased()] ?? 1)
        }
        if let monthText = g[4], let yearText = g[5], let month = Int(monthText), let year = Int(yearText),
            (1...12).contains(month)
        {
            return YearMonth(year: year, month: month)
        }
        if let yearText = g[6], let year = Int(yearText) {
            // A bare year: count it whole, January to December.
            return YearMonth(year: year, month: isEnd ? 12 : 1)
        }
        if let yearText = g[7], let monthText = g[8], let year = Int(yearText), let month = Int(monthText) {
            return YearMonth(year: year, month: month)
        }
        return nil
    }

    static let groupsPerDate = 9

    /// Every date range in `line`. `nextLine` resolves a dangling "2017 –" whose "Present" wrapped.
    public static func spans(in line: String, nextLine: String? = nil) -> [DateSpan] {
        var spans: [DateSpan] = []
        // Every range has a year; skip the regex on lines without two digits in a row.
        guard hasDigits(line) else { return spans }
        for match in rangePattern.matches(in: line) {
            let groups = match.groups
            guard let start = date(from: groups[1...groupsPerDate], isEnd: false) else { continue }
            var end: YearMonth?
            if groups[groupsPerDate + 1] != nil {
                end = nil
            } else if let date = date(from: groups[(groupsPerDate + 2)...(groupsPerDate * 2 + 1)], isEnd: true) {
                end = date
            } else if let nextLine, presentAtStart.contains(nextLine) {
                end = nil
            } else if let nextLine, let first = singlePattern.firstMatch(in: nextLine), first.range.location == 0,
                let date = date(from: first.groups[1...groupsPerDate], isEnd: true)
            {
                end = date
            } else {
                continue  // "2019 -" with nothing after: not a range
            }
            if let end, end < start { continue }
            spans.append(DateSpan(start: start, end: end, range: match.range))
        }
        // "Jun – Aug 2018": two months of one year.
        if spans.isEmpty, let match = sameYearMonths.firstMatch(in: line), let first = match.groups[1], let last = match.groups[2],
            let year = match.groups[3].flatMap({ Int($0) }), let startMonth = monthNumber(first), let endMonth = monthNumber(last),
            startMonth <= endMonth
        {
            spans.append(DateSpan(start: YearMonth(year: year, month: startMonth), end: YearMonth(year: year, month: endMonth), range: match.range))
        }
        // "Since March 2019", "since 2021": a start and no end is a job held to this day.
        if spans.isEmpty, let match = sinceStart.firstMatch(in: line), let start = date(from: match.groups[1...groupsPerDate], isEnd: false) {
            spans.append(DateSpan(start: start, end: nil, range: match.range))
        }
        if spans.isEmpty, let nextLine, let match = danglingStart.firstMatch(in: line),
            let start = date(from: match.groups[1...groupsPerDate], isEnd: false)
        {
            if presentAtStart.contains(nextLine) {
                spans.append(DateSpan(start: start, end: nil, range: match.range))
            } else if let first = singlePattern.firstMatch(in: nextLine), first.range.location == 0,
                let end = date(from: first.groups[1...groupsPerDate], isEnd: true), !(end < start)
            {
                spans.append(DateSpan(start: start, end: end, range: match.range))
            }
        }
        return spans
    }

    /// "Software Engineer Intern  Summer 2022", "Relay for Life  March 2015": a month or season with
    /// its year ending a line, read as a stint of that month (a season: three months). A bare year
    /// is not enough: "… 2015" ends many lines that name no stint. "Summer 2013, 2014": a seasonal job
    /// taken up again in later years runs from the first season to the end of the last; one span
    /// cannot leave out the months between, but the job keeps its dates.
    public static func trailingMonth(in line: String) -> DateSpan? {
        guard hasDigits(line), let match = trailingMonthPattern.firstMatch(in: line) else { return nil }
        let g = match.groups
        if let name = g[1], let year = g[2].flatMap({ Int($0) }) {
            let month = YearMonth(year: year, month: monthNumber(name) ?? 1)
            return DateSpan(start: month, end: month, range: match.range)
        }
        guard let season = g[3], let year = g[4].flatMap({ Int($0) }) else { return nil }
        let start = YearMonth(year: year, month: seasonMonths[season.lowercased()] ?? 1)
        let lastYear = g[5].flatMap { Int($0) }.map { max($0, year) } ?? year
        let last = start.ordinal + 12 * (lastYear - year) + 2
        return DateSpan(start: start, end: YearMonth(year: last / 12, month: last % 12 + 1), range: match.range)
    }

    static let trailingMonthPattern = Pattern(
        "(?<![\\w/])(?:(\(monthNames))\\.?,?\\s*(\\d{4})|(\(seasonNames))s?\\s+(\\d{4})(?:\\s*(?:,|&|and)\\s*(\\d{4}))*)\\s*$", caseInsensitive: true)

    /// True when the text has two ASCII digits in a row: a cheap test before running date patterns.
    static func hasDigits(_ text: String) -> Bool {
        var previousWasDigit = false
        for byte in text.utf8 {
            let isDigit = byte >= 48 && byte <= 57
            if isDigit && previousWasDigit { return true }
            previousWasDigit = isDigit
        }
        return false
    }

    /// Four-digit years 1950...2049 in `text`.
    public static func years(in text: String) -> [Int] {
        guard hasDigits(text) else { return [] }
        return yearPattern.matches(in: text).compactMap { Int($0.text) }
    }
    static let yearPattern = Pattern("(?<!\\d)(?:19[5-9]\\d|20[0-4]\\d)(?!\\d)", literals: ["19", "20"])

    /// True when the line holds a date of any kind (a year at least).
    public static func containsDate(_ line: String) -> Bool { hasDigits(line) && singlePattern.contains(line) }
}
