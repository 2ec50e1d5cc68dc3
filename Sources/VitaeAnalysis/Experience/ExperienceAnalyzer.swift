import Foundation
import VitaeEngine
import VitaeExtraction

/// Finds positions (title, company, location, dates) and the total time worked, with overlapping
/// positions counted once.
///
/// Each date range in an experience section anchors one position; the short lines around it (or the
/// rest of its own line) give the title, company and location, told apart with O*NET title words,
/// company suffixes and place names.
public struct ExperienceAnalyzer: Analyzer {
    public static let name = "experience"
    public static let summary = "finds positions (title, company, location, dates) and total months without overlaps (options: asOf)"

    public struct Position: Codable, Sendable, Hashable {
        public var title: String?
        public var company: String?
        public var location: String?
        /// `YYYY-MM`.
        public var start: YearMonth?
        /// `YYYY-MM`, null while current.
        public var end: YearMonth?
        public var current: Bool
        /// Index of the line holding the dates.
        public var line: Int
        /// `headline` for the current position as the headline under the name words it, when the
        /// experience section words it otherwise or not at all; absent for the section's positions.
        public var source: Source?

        public enum Source: String, Codable, Sendable {
            case headline
        }

        init(start: YearMonth?, end: YearMonth?, current: Bool, line: Int, source: Source? = nil) {
            self.start = start
            self.end = end
            self.current = current
            self.line = line
            self.source = source
        }
    }

    public struct Output: Codable, Sendable {
        public var experience: [Position]
        public var totalExperienceMonths: Int

        /// The positions the resume lists, without the headline's restatement of the current one: what
        /// dates, gaps and the number of positions are judged on.
        public var listedPositions: [Position] { experience.filter { $0.source == nil } }
    }

    public struct Options: Decodable, Sendable {
        /// The month "Present" means, `YYYY-MM`; the current month when absent. Fix it for reproducible runs.
        public var asOf: YearMonth?
        public init(asOf: YearMonth? = nil) { self.asOf = asOf }
    }

    let asOf: YearMonth?

    public init(options: Options) { asOf = options.asOf }

    /// "Texas A&M University          College Station, TX": an employer and, across a wide gap, its town
    /// (LaTeX templates set the town flush right); cleaning would run the two together.
    static func endsInPlaceColumn(_ columns: String) -> Bool {
        // ("Location:      Ghubrah, Muscat" is a label and its value.)
        guard !columns.contains(":"), let last = columns.components(separatedBy: " | ").last, columns.utf8.count > last.utf8.count
        else { return false }
        return last.utf8.contains(UInt8(ascii: ",")) && Places.location(in: last) != nil
    }

    public func analyze(_ input: AnalyzerInput) async throws -> Output {
        let map = SectionMap(input)
        // "2021 – Present      Contoso      Account Manager": a dated line's columns, set apart by tabs or
        // wide gaps, are its fields (company, title), which cleaning would run together; so are a
        // table's header row's.
        let document = input.document.lines
        let lines = ResumeText.cleanLines(input).enumerated().map { index, line in
            ResumeText.keepingWideGaps(document[index].text).flatMap { gapped in
                let dated = !DateRanges.spans(in: line).isEmpty
                guard dated || Self.tableColumns(gapped) != nil || Self.endsInPlaceColumn(gapped) else { return nil }
                // "Desde:      marzo 2023      Hasta: la actualidad": a range the gaps would cut in two.
                return dated && DateRanges.spans(in: gapped).isEmpty ? nil : gapped
            } ?? line
        }
        var candidateLines = map.lines(of: .experience)
        if candidateLines.isEmpty {
            // No experience heading: look everywhere but where dates belong to something else: study
            // years, projects, honours ("Dean's List  Fall 2013 – Spring 2014"), certificates.
            let excluded = Set([SectionKind.education, .projects, .awards, .certifications].flatMap(map.lines(of:)))
            candidateLines = lines.indices.filter { !excluded.contains($0) }
        } else {
            candidateLines = (candidateLines + Self.positionBlocks(in: map.lines(of: .skills), lines: lines)).sorted()
        }
        var positions = Self.positions(lines: lines, candidateLines: candidateLines, map: map)
        let contact = input.results[ContactAnalyzer.self]?.contact
        positions = Self.companiesRunIntoCities(positions, candidateCity: contact?.city)
        if var headline = Self.headlinePosition(lines: lines, headerLines: map.headerLines, name: contact?.name, positions: positions),
            !Self.restatesPosition(headline, in: positions)
        {
            Self.takeLatestDates(&headline, from: positions)
            positions.insert(headline, at: 0)
        }
        return Output(experience: positions, totalExperienceMonths: Self.totalMonths(positions, asOf: asOf ?? .now))
    }

    /// Months covered by at least one position; overlaps count once, `Present` runs to `asOf`.
    public static func totalMonths(_ positions: [Position], asOf: YearMonth) -> Int {
        let intervals = positions.compactMap { position -> (Int, Int)? in
            guard let start = position.start else { return nil }
            let end = position.end ?? (position.current ? asOf : start)
            return end < start ? nil : (start.ordinal, end.ordinal)
        }.sorted { $0.0 < $1.0 }
        var total = 0
        var current: (Int, Int)?
        for interval in intervals {
            if let open = current, interval.0 <= open.1 + 1 {
                current = (open.0, max(open.1, interval.1))
            } else {
                if let open = current { total += open.1 - open.0 + 1 }
                current = interval
            }
        }
        if let open = current { total += open.1 - open.0 + 1 }
        return total
    }
}
