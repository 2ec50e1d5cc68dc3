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

    public func analyze(_ input: AnalyzerInput) async throws -> Output {
        let map = SectionMap(input)
        // "2021 – Present      Contoso      Account Manager": a dated line's columns, set apart by tabs or
        // wide gaps, are its fields (company, title), which cleaning would run together.
        let document = input.document.lines
        let lines = ResumeText.cleanLines(input).enumerated().map { index, line in
            ResumeText.keepingWideGaps(document[index].text).flatMap { DateRanges.spans(in: line).isEmpty ? nil : $0 } ?? line
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

    /// "Jane Doe" / "Test Analyst at Contoso, Pune" / "Pune - jane@example.com": the line under the
    /// name, before the contact details, is the candidate's headline (Indeed's exports put the current
    /// job's title and employer there). A headline that reads as a title is the current position's,
    /// though the experience section may word that position differently or not list it. Lines wrapped
    /// with no blank between them are one headline.
    static func headlinePosition(lines: [String], headerLines: Range<Int>, name: String?, positions: [Position]) -> Position? {
        let header = headerLines.clamped(to: lines.indices)
        guard let name = name?.lowercased(),
            let nameLine = header.first(where: { ResumeText.contains(lines[$0].lowercased(), name) }),
            let first = header.first(where: { $0 > nameLine && !lines[$0].isEmpty })
        else { return nil }
        var block: [String] = []
        var lineAfter: String?
        for line in lines[first..<header.upperBound] {
            if line.isEmpty || ContactAnalyzer.maskingContactItems(line) != line { break }
            if let previous = block.last, !continuesHeadline(previous, with: line) {
                lineAfter = line
                break
            }
            block.append(line)
        }
        let headline = withoutYearsOfExperience(block.joined(separator: " "))
        guard !block.isEmpty, isNamePart(headline), !isProse(headline), !mentionsExperience(headline) else { return nil }
        // "Decisive, results-oriented professional offering" / "13 years of …": the opening line of a
        // paragraph, not a headline, when what follows it is no contact detail or place.
        if let lineAfter, Places.location(in: lineAfter) == nil { return nil }
        // Most headlines say again what a position says: no need to read them part by part.
        let words = Set(ResumeText.alphanumericTokens(headline))
        if positions.contains(where: { words.isSubset(of: wordsOf($0)) }) { return nil }
        var position = Position(start: nil, end: nil, current: false, line: first, source: .headline)
        fill(&position, from: [headline])
        // "Student", "IT SUPPORT": a few capitalised title words alone in the headline's place are the
        // title, weak as the words are ("Need job urgently" has none), and no company. Fill took only
        // title-like parts as the title.
        if position.title == nil, isBareTitleLine(headline) {
            position.title = headline
            position.company = nil
        }
        // "A Dev-Test Professional": someone described, not a title held.
        guard let title = position.title, !["a", "an"].contains(ResumeText.words(title).first?.lowercased()) else { return nil }
        return position
    }

    /// The headline names the job held now or last: it takes the dates of the position that started
    /// last, so that the same months are not counted as an undated position or a gap of their own.
    static func takeLatestDates(_ headline: inout Position, from positions: [Position]) {
        guard let latest = positions.filter({ $0.start != nil }).max(by: { $0.start! < $1.start! }) else { return }
        headline.start = latest.start
        headline.end = latest.end
        headline.current = latest.current
    }

    /// "… - Onward eServices" / "limited", "Senior Executive - LabourNet Services India" / "Pvt Ltd": a
    /// headline wrapped onto the next line, which goes on after a separator, in lower case or with the
    /// company's legal suffix. "Product Manager" / "Silicon Valley, CA" is a headline and the address.
    static func continuesHeadline(_ previous: String, with next: String) -> Bool {
        if let last = previous.last, "-–—/,&|(".contains(last) { return true }
        if next.first?.isLowercase == true { return true }
        return ResumeText.words(next).allSatisfy { Organizations.companySuffixes.contains($0.lowercased()) }
    }

    /// The words of a position's title, company and place.
    static func wordsOf(_ position: Position) -> Set<String> {
        Set([position.title, position.company, position.location].compactMap { $0 }.flatMap(ResumeText.alphanumericTokens))
    }

    /// A headline whose title one of the positions has (its words or some of them, in any spelling:
    /// "Lead Engineer" of "Lead Engineer - Automation") names that position again.
    static func restatesPosition(_ headline: Position, in positions: [Position]) -> Bool {
        positions.contains { hasTitleWords(of: headline, in: $0) || namesSpecialty(of: headline, in: $0) }
    }

    /// "Front-End Developer" over "Software Engineer (Front-End)": the headline names the position's
    /// specialty with another word for the role. Every word before the headline's last (its role) is
    /// in the position's title, and one of them says what the work is, not only its rank ("Senior
    /// Engineer" and "Senior Manager" are two jobs).
    static func namesSpecialty(of headline: Position, in other: Position) -> Bool {
        guard let title = headline.title, let otherTitle = other.title else { return false }
        let qualifiers = ResumeText.alphanumericTokens(title).dropLast()
        guard qualifiers.contains(where: { !rankWords.contains($0) }) else { return false }
        return Set(qualifiers).isSubset(of: ResumeText.alphanumericTokens(otherTitle))
    }

    static let rankWords: Set<String> = [
        "senior", "sr", "junior", "jr", "lead", "principal", "chief", "head", "associate", "assistant", "deputy", "staff",
        "trainee", "intern", "of", "and",
    ]

    /// Every word of `position`'s title is in `other`'s title ("Lead Engineer" in "Lead Engineer -
    /// Automation"): the same job named again, in full or in part. A word's plural is the same word
    /// ("Senior system engineer" / "Senior Systems Engineer").
    static func hasTitleWords(of position: Position, in other: Position) -> Bool {
        guard let title = position.title, let otherTitle = other.title else { return false }
        return singularWords(of: title).isSubset(of: singularWords(of: otherTitle))
    }

    /// The title's lower-case words, a plural "s" dropped ("systems" → "system"; not "business").
    static func singularWords(of title: String) -> Set<String> {
        Set(ResumeText.alphanumericTokens(title).map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        })
    }

    /// "Azure Developer with 9 Yrs 8 months of experience in .NET": the title, without how long it was held.
    static func withoutYearsOfExperience(_ headline: String) -> String {
        guard headline.contains(where: \.isNumber), let match = titleWithYears.firstMatch(in: headline), let title = match.groups[1] else {
            return headline
        }
        return title
    }

    static let titleWithYears = Pattern("^(.+?)\\s+(?:with|having)\\s+\\d+(?:\\.\\d+)?\\+?\\s*(?:years?|yrs?)\\b", caseInsensitive: true)

    /// "6+ Exp in banking operations", "13 years of experience": a summary of a career, not a title.
    static func mentionsExperience(_ text: String) -> Bool {
        ResumeText.alphanumericTokens(text).contains { experienceWords.contains($0) }
    }

    static let experienceWords: Set<String> = ["experience", "exp", "experienced", "years", "yrs", "months"]

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

    static func positions(lines: [String], candidateLines: [Int], map: SectionMap) -> [Position] {
        let candidates = Set(candidateLines)
        var positions: [Position] = []
        var dateLines: [Int] = []
        var spansByLine: [Int: DateSpan] = [:]
        for index in candidateLines {
            let next = index + 1 < lines.count ? lines[index + 1] : nil
            if let span = DateRanges.spans(in: lines[index], nextLine: next).first ?? headingWithOneMonth(lines[index]) {
                dateLines.append(index)
                spansByLine[index] = span
            }
        }
        let dateLineSet = Set(dateLines)
        var used = dateLineSet
        for (order, index) in dateLines.enumerated() {
            let span = spansByLine[index]!
            if order > 0, restatesDates(index, span, previous: dateLines[order - 1], spansByLine[dateLines[order - 1]]!, lines: lines) {
                continue
            }
            var position = Position(start: span.start, end: span.end, current: span.isCurrent, line: index)
            let line = lines[index] as NSString
            // "Native HANA developer (July 2013 – January 2016)": the brackets go with the dates they held.
            let rest = emptyBrackets.replacing(in: line.replacingCharacters(in: span.range, with: " "), with: " ")
                .trimming(separatorsAndBrackets)
            // A date inside a bullet or a sentence ("worked there from 2015 to 2017") is not a position heading.
            let beforeDates = line.substring(to: span.range.location)
            if ResumeText.isBullet(lines[index]) || isProse(rest) || endsMidSentence(beforeDates)
                || continuesWrappedSentence(lines[index], after: index > 0 ? lines[index - 1] : "")
            {
                continue
            }
            if ResumeText.words(rest).count >= 2, !isProse(rest) {
                fill(&position, from: [rest])
                if position.title != nil, !ResumeText.contains(rest, " at "),
                    let above = lineNextToDates(index, offset: -1, heading: rest, lines: lines, candidates: candidates,
                        dateLines: dateLineSet, map: map), !used.contains(above),
                    let employer = employerHeading(lines[above])
                {
                    position.company = employer.company
                    position.location = position.location ?? employer.location
                    used.insert(above)
                }
                // "Kent State University, Kent, Ohio  August 2015 - Present" / "Resident Advisor": a
                // heading line with its dates names one of title and company; the line under it the
                // other, or the line above it ("ABC Company" / "Software Engineer  May 2023 - Present").
                // "Senior Data Engineer, Northwind Freight  Mar 2021 - Present" / "Seattle, WA": or the place,
                // under it or above it ("Contoso, Inc., Dayton, OH" / "Director, Sales, 2015 – 2020").
                for offset in [-1, 1] where position.title == nil || position.company == nil || position.location == nil {
                    guard let other = lineNextToDates(index, offset: offset, heading: rest, lines: lines, candidates: candidates,
                        dateLines: dateLineSet, map: map), !used.contains(other),
                        !(offset == 1 && headsNextDatedTitle(other, lines: lines, dateLines: dateLineSet))
                    else { continue }
                    let before = (position.title, position.company, position.location)
                    if position.title == nil || position.company == nil {
                        fill(&position, from: [lines[other]])
                        // "LionLike MindState, Pomona, CA  June 2012 – Present" / "Volunteer": the line
                        // under a heading that named the company is the title, title words or not.
                        if offset == 1, position.title == nil, position.company != nil, isBareTitleLine(lines[other]) {
                            position.title = lines[other]
                        }
                    } else if let place = Places.location(in: lines[other])
                        ?? Places.splitTrailingLocation(mergeSuffixes(commaSeparated(lines[other]))).location
                    {
                        position.location = place
                    }
                    if before != (position.title, position.company, position.location) { used.insert(other) }
                }
            } else {
                var nearby = nearbyLines(around: index, lines: lines, candidates: candidates, dateLines: dateLineSet, taken: used, map: map)
                if !nearby.contains(where: { $0 < index }),
                    let opening = namesOpeningBlock(endingAt: index, lines: lines, candidates: candidates, dateLines: dateLineSet, taken: used, map: map)
                {
                    nearby = opening
                }
                var town: Int?
                if let block = titleCompanyAndTown(above: index, nearby: nearby, lines: lines, candidates: candidates, taken: used, map: map) {
                    (nearby, town) = (block.names, block.town)
                } else if let last = (nearby + [index]).max(), let next = lineNextToDates(last, offset: 1, heading: lines[last], lines: lines,
                    candidates: candidates, dateLines: dateLineSet, map: map), !used.contains(next), Places.location(in: lines[next]) != nil
                {
                    // "Designer" / "Feb 2018 – Jun 2021" / "Fabrikam Design" / "Portland, OR": a place under the
                    // names is the job's.
                    town = next
                }
                used.formUnion(nearby)
                fill(&position, from: nearby.map { lines[$0] })
                if let town, position.location == nil {
                    position.location = Places.location(in: lines[town], allowBareCity: true)
                    used.insert(town)
                }
                // "Jan 2022 – present, Wrocław": the place beside the dates.
                if position.location == nil, !rest.isEmpty, let place = Places.placeInPlaceSlot(rest) { position.location = place }
            }
            employerInBracketsOverClient(&position)
            if position.title != nil || position.company != nil, !namesNoJobHeld(position) { positions.append(position) }
        }
        inheritEmployerOfTitlesBelowIt(&positions, lines: lines)
        positions += undatedPositions(lines: lines, candidateLines: candidateLines, used: used, map: map)
            .filter { !restatesDatedPosition($0, in: positions) && !namesNoJobHeld($0) }
        let sectionText = candidateLines.map { lines[$0] }
        let clients = clientNames(in: sectionText)
        for index in positions.indices {
            positions[index].title = positions[index].title.map { withoutOccasion(withoutStatusPlace($0)) }
            positions[index].company = positions[index].company.flatMap { employerName($0, clients: clients) }
                .map { withoutStrayLeadingNumber($0, in: lines) }
            if let company = positions[index].company, !company.contains(where: \.isUppercase),
                let spelling = fullSpelling(of: company, in: sectionText)
            {
                positions[index].company = spelling
            }
        }
        // "SAP FICO -" under no title: a position whose only name was no employer's.
        positions.removeAll { $0.title == nil && $0.company == nil }
        return withoutRestatedPositions(sameCompanyOneSpelling(positions.sorted { $0.line < $1.line }))
    }

    /// "Zendesk | Lisbon" / "Customer Support Team Lead, EMEA | Mar 2022 – Present", "DBS Bank Ltd.,
    /// Singapore" / "Vice President – Institutional Banking Group, Jul 2020 – Present": a line above a
    /// dated title with an employer's name and no title heads the titles dated under it; the title
    /// line's other name is the unit, client or property the job was for.
    static func employerHeading(_ line: String) -> (company: String, location: String?)? {
        var probe = Position(start: nil, end: nil, current: false, line: 0)
        fill(&probe, from: [line])
        guard probe.title == nil, probe.company != nil else { return nil }
        // Read again as the line over a title, which makes a bare name after its separator the town.
        var heading = Position(start: nil, end: nil, current: false, line: 0)
        heading.title = ""
        fill(&heading, from: [line])
        guard let company = heading.company, ResumeText.words(company).count <= 6 else { return nil }
        return (company, heading.location)
    }

    /// "Logistics Coordinator" / "Contoso, Zapopan, Jalisco" / what the job was / "March 2021 – present",
    /// then a blank line: dates that close a block of their own belong to the names that open it, past
    /// the description between, not to the next block's names under them.
    static func namesOpeningBlock(
        endingAt index: Int, lines: [String], candidates: Set<Int>, dateLines: Set<Int>, taken: Set<Int>, map: SectionMap
    ) -> [Int]? {
        guard index + 1 == lines.count || lines[index + 1].isEmpty else { return nil }
        var start = index
        while start - 1 >= 0, !lines[start - 1].isEmpty, candidates.contains(start - 1), !map.isHeading(start - 1),
            !dateLines.contains(start - 1)
        {
            start -= 1
        }
        let block = Array(start..<index)
        guard block.count >= 2, block.contains(where: { isProse(lines[$0]) || ResumeText.isBullet(lines[$0]) }) else { return nil }
        let names = block.prefix { !isProse(lines[$0]) && !ResumeText.isBullet(lines[$0]) && isNamePart(lines[$0]) && !taken.contains($0) }
        return (1...2).contains(names.count) ? Array(names) : nil
    }

    /// "Hotel Manager, Contoso Pearl Resort (2019 – 2022)": a dated line naming a title and another name.
    static func namesSomethingBesideItsTitle(_ line: String) -> Bool {
        guard let span = DateRanges.spans(in: line).first else { return false }
        var probe = Position(start: nil, end: nil, current: false, line: 0)
        fill(&probe, from: [(line as NSString).replacingCharacters(in: span.range, with: " ").trimming(separatorsAndBrackets)])
        return probe.title != nil && probe.company != nil
    }

    /// "Director of Rooms, Contoso Marina Hotel (2016 – 2019)" / "Northwind Bank Ltd., Singapore" /
    /// "Vice President, Lending (2013 – 2016)": an employer's line right above the next dated title is
    /// that one's heading, not the line under the position before it.
    static func headsNextDatedTitle(_ line: Int, lines: [String], dateLines: Set<Int>) -> Bool {
        guard let next = lines.indices.dropFirst(line + 1).first(where: { !lines[$0].isEmpty }), dateLines.contains(next) else {
            return false
        }
        return employerHeading(lines[line]) != nil
    }

    /// "Principal Engineer" / "ORACLE -" / "September 2005 to Present" below "Principal Engineer
    /// Technical Staff" / "Oracle India Private Limited" of the same months: a position written out
    /// again (a summary table, then the details) is one job. A dated position with another's start
    /// and end, its employer or none, and its title's words or some of them is dropped; the first of
    /// two alike stays and takes the place the other had.
    static func withoutRestatedPositions(_ positions: [Position]) -> [Position] {
        var kept: [Position] = []
        for position in positions {
            if let index = kept.firstIndex(where: { sameJob(restating: position, $0) }) {
                kept[index].location = kept[index].location ?? position.location
            } else if let index = kept.firstIndex(where: { sameJob(restating: $0, position) }) {
                // The later mention has the fuller title: it stands for both, where the first was.
                var fuller = position
                fuller.location = position.location ?? kept[index].location
                kept[index] = fuller
            } else {
                kept.append(position)
            }
        }
        return kept
    }

    /// `restating` names the job of `other` again: the same months, the same employer or none, and
    /// title words all in `other`'s title.
    static func sameJob(restating position: Position, _ other: Position) -> Bool {
        position.start != nil && position.start == other.start && position.end == other.end && position.current == other.current
            && namesNoOtherEmployer(position, than: other) && hasTitleWords(of: position, in: other)
    }

    /// `position` names no company, or `other`'s in another spelling ("Infosys limited", "INFOSYS LTD").
    static func namesNoOtherEmployer(_ position: Position, than other: Position) -> Bool {
        guard let company = position.company else { return true }
        guard let otherCompany = other.company else { return false }
        let core = Set(ResumeText.alphanumericTokens(company)).subtracting(companyNoise)
        let otherCore = Set(ResumeText.alphanumericTokens(otherCompany)).subtracting(companyNoise)
        return company == otherCompany || !core.isEmpty && core == otherCore
    }

    /// "Member of the Cultural Committee", "Searching for good salary": a position's name that says no
    /// job was held, but a membership or the job wished for (in the title's place or the company's).
    static func namesNoJobHeld(_ position: Position) -> Bool {
        isMembership(position.title) || [position.title, position.company].contains { $0.map(jobWish.contains) == true }
    }

    static let jobWish = Pattern("^(?:searching|looking|seeking|hunting)\\b", caseInsensitive: true)

    /// The employer a company slot names, without what is no part of the name; nil when it names no
    /// employer at all.
    static func employerName(_ company: String, clients: Set<String>) -> String? {
        if selfEmployment.contains(company) || namesAProductModule(company) || listsASoftware(company) { return nil }
        return withoutClient(withoutSiteAfterIn(withoutLowerCaseTail(company)), clients: clients)
    }

    /// "oracle" / "• Analyst in Oracle India Pvt Ltd. (through …)": a company typed in lower case in
    /// haste, whose full name, capitalised and with its legal form, the section writes elsewhere.
    static func fullSpelling(of company: String, in lines: [String]) -> String? {
        let name = ResumeText.words(company).map { $0.lowercased() }
        guard !name.isEmpty else { return nil }
        for line in lines where line.range(of: company, options: .caseInsensitive) != nil {
            let words = ResumeText.words(line).map(String.init)
            guard words.count > name.count else { continue }
            for start in 0...(words.count - name.count) where words[start].first?.isUppercase == true
                && zip(words[start...], name).allSatisfy({ $0.lowercased() == $1 })
            {
                var end = start + name.count
                while end < words.count, end - start < 6, words[end].first?.isUppercase == true {
                    end += 1
                    if words[end - 1].last.map({ ".,;:".contains($0) }) == true { break }
                }
                let spelling = words[start..<end].joined(separator: " ").trimming(punctuation)
                if end - start > name.count, Organizations.looksLikeOrganization(spelling) { return spelling }
            }
        }
        return nil
    }

    /// "FTP and TELNET", "Oracle & Java": tools listed where the employer goes; a name joined with "and"
    /// ("Larsen and Toubro") names no program.
    static func listsASoftware(_ company: String) -> Bool {
        guard ResumeText.contains(company, " and ") || ResumeText.contains(company, " & ") else { return false }
        return company.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " & ") }
            .contains { namesASoftware($0.trimming(.whitespaces)) }
    }

    /// "Self employed", "Freelancer": how the candidate worked, no one's name.
    static let selfEmployment = Pattern("^(?:self[- ]?employed|self[- ]?employment|freelanc(?:e|er|ing))$", caseInsensitive: true)

    /// "Self-employed in Family Business": the title is the status; where it was exercised is no part of it.
    static func withoutStatusPlace(_ title: String) -> String {
        guard let match = statusInPlace.firstMatch(in: title), let status = match.groups[1] else { return title }
        return status
    }

    /// "Special Police Officer during the elections": when the job was held is no part of its title.
    static func withoutOccasion(_ title: String) -> String {
        guard ResumeText.contains(title, " during "), let match = titleDuring.firstMatch(in: title), let bare = match.groups[1] else {
            return title
        }
        return bare
    }

    static let titleDuring = Pattern("^(\\S.*?)\\s+during\\s+\\S", caseInsensitive: true)

    static let statusInPlace = Pattern("^(self[- ]?employed|freelancer|freelance)\\s+(?:in|at|with)\\s+\\S", caseInsensitive: true)

    /// "SAP ABAP", "SAP FI": a product and its module, which SAP consultants type where the employer
    /// goes; "SAP Labs" and "SAP SE" are the company. A vendor the taxonomy knows as a skill, then
    /// nothing but module acronyms or skills.
    static func namesAProductModule(_ company: String) -> Bool {
        let words = ResumeText.words(company).map(String.init)
        guard (2...3).contains(words.count), SkillTaxonomy.shared.skill(named: words[0]) != nil else { return false }
        return words.dropFirst().allSatisfy { word in
            let isAcronym = (2...4).contains(word.count) && word.allSatisfy { $0.isUppercase || $0.isNumber }
                && !Organizations.namesLegalForm(word)
            return isAcronym || SkillTaxonomy.shared.skill(named: word) != nil
        }
    }

    /// "Contoso and copy paste work": a name capitalises its words; lower-case words after "and" are
    /// the rest of a sentence typed into the company slot.
    static func withoutLowerCaseTail(_ company: String) -> String {
        guard ResumeText.contains(company, " and "), let match = lowerCaseTail.firstMatch(in: company), let name = match.groups[1] else {
            return company
        }
        return name
    }

    static let lowerCaseTail = Pattern("^(\\S.*?)\\s+and\\s+[a-z]")

    /// "Northwind Fabrikam" where the resume says "Client: Fabrikam": outsourcing staff type the client
    /// after their employer; the employer is the name before it.
    static func withoutClient(_ company: String, clients: Set<String>) -> String {
        guard !clients.isEmpty else { return company }
        let words = ResumeText.words(company)
        guard words.count >= 2, let last = words.last, clients.contains(last.lowercased()) else { return company }
        let employer = words.dropLast().joined(separator: " ")
        return looksLikeCompany(employer) ? employer : company
    }

    /// The first words of the clients a resume names ("Client: Fabrikam Networks", "Client Fabrikam"),
    /// lower-cased.
    static func clientNames(in lines: [String]) -> Set<String> {
        var clients: Set<String> = []
        for line in lines where line.count > 7 && (line.hasPrefix("Client") || line.hasPrefix("CLIENT")) {
            if let match = clientLine.firstMatch(in: line), let name = match.groups[1] { clients.insert(name.lowercased()) }
        }
        return clients
    }

    static let clientLine = Pattern("^(?i:client)(?:\\s+(?i:name))?\\s*[:\\-–]?\\s*([A-Z][A-Za-z0-9&]+)")

    /// "Sr consultant" / "Microsoft India - Hyderabad, Telangana -" / "June 2008 to March 2016" under a
    /// "Key Skills" heading: a heading typed between positions (Indeed exports keep it as a line of its
    /// own) does not make the positions after it skills. The lines, among `sectionLines`, of the blocks
    /// of one or two short name lines ending in a line of dates alone.
    public static func positionBlocks(in sectionLines: [Int], lines: [String]) -> [Int] {
        let inSection = Set(sectionLines)
        var blocks: [Int] = []
        for index in sectionLines where isDatesOnly(lines[index]) {
            var start = index
            var names = 0
            var cursor = index - 1
            while cursor >= 0, inSection.contains(cursor), names < 2 {
                let text = lines[cursor]
                if !text.isEmpty {
                    guard isNamePart(text), !isProse(text) else { break }
                    names += 1
                    start = cursor
                }
                cursor -= 1
            }
            if names > 0 { blocks += start...index }
        }
        return blocks
    }

    /// "June 2013 to October 2015" / "Bangalore" / "(Jun 2013 - Oct 2015)": a line of nothing but the
    /// dates of the date line just above it says them again for the same position; the line between
    /// is no second position's name.
    static func restatesDates(_ index: Int, _ span: DateSpan, previous: Int, _ previousSpan: DateSpan, lines: [String]) -> Bool {
        index - previous <= 4 && span.start == previousSpan.start && span.end == previousSpan.end
            && isDatesOnly(lines[index].trimming(brackets))
    }

    /// "June 2008 to March 2016": a date range and nothing else.
    static func isDatesOnly(_ line: String) -> Bool {
        guard line.contains(where: \.isNumber), let span = DateRanges.spans(in: line).first else { return false }
        return !(line as NSString).replacingCharacters(in: span.range, with: "").contains(where: \.isLetter)
    }

    /// "Software Engineer Intern  Summer 2022": a heading line that ends in one month or season, for
    /// a short stint; the text before the date must name something (two words or more, not a sentence).
    static func headingWithOneMonth(_ line: String) -> DateSpan? {
        guard let span = DateRanges.trailingMonth(in: line) else { return nil }
        let before = (line as NSString).substring(to: span.range.location).trimming(separatorsAndOpeningBracket)
        guard ResumeText.words(before).count >= 2, !isProse(before), !endsMidSentence(before) else { return nil }
        return span
    }

    /// "Stripe San Francisco, CA" with no company: the PDF lost the gap between a company and its
    /// city, and the place took both. A city the resume names elsewhere (the candidate's own, or a
    /// one- or two-word city of another position) tells where the company's name ends.
    static func companiesRunIntoCities(_ positions: [Position], candidateCity: String?) -> [Position] {
        let cities = Set(([candidateCity] + positions.map { $0.location?.split(separator: ",").first.map(String.init) })
            .compactMap { $0?.trimming(.whitespaces) }.filter { (1...2).contains(ResumeText.words($0).count) })
        guard !cities.isEmpty else { return positions }
        var result = positions
        for index in result.indices where result[index].company == nil {
            guard let location = result[index].location, let comma = location.firstIndex(of: ",") else { continue }
            let place = String(location[..<comma])
            for city in cities where place.count > city.count && place.lowercased().hasSuffix(" " + city.lowercased()) {
                let company = String(place.dropLast(city.count)).trimming(.whitespaces)
                guard looksLikeCompany(company) else { continue }
                result[index].company = company
                result[index].location = city + location[comma...]
                break
            }
        }
        return result
    }

    /// Words a company's name carries in some mentions and not in others.
    static let companyNoise: Set<String> = [
        "ltd", "limited", "pvt", "private", "inc", "llc", "corp", "corporation", "co", "company", "the", "india", "group",
        "plc", "gmbh",
    ]

    /// "Oracle" in one position and "Oracle India Pvt Ltd" or "ORACLE" in another: one employer, so
    /// every mention takes the spelling of the first (most recent) one that has it all.
    static func sameCompanyOneSpelling(_ positions: [Position]) -> [Position] {
        var spellings: [(core: Set<String>, name: String)] = []
        var result = positions
        for index in result.indices {
            guard let company = result[index].company else { continue }
            let tokens = Set(ResumeText.alphanumericTokens(company))
            let core = tokens.subtracting(companyNoise)
            guard !core.isEmpty else { continue }
            // "Contoso Group" is a whole name of its own: it does not become "Contoso Fabrikam" (Contoso
            // for its client Fabrikam) named before it; a bare "Contoso" does.
            let isWholeName = tokens.count > core.count
            if let known = spellings.first(where: { $0.core.isSubset(of: core) || core.isSubset(of: $0.core) && !(isWholeName && core != $0.core) }) {
                result[index].company = known.name
            } else {
                spellings.append((core, company))
            }
        }
        return result
    }

    /// "Technical Lead (Contoso)" / "Client Fabrikam Systems -": the company line names the client the
    /// work was for; the employer is the name in brackets after the title.
    static func employerInBracketsOverClient(_ position: inout Position) {
        guard let company = position.company, company.lowercased().hasPrefix("client "), let title = position.title,
            let match = titleWithEmployer.firstMatch(in: title), let bare = match.groups[1], let employer = match.groups[2],
            titleLikeness(employer) < 0.45
        else { return }
        position.title = bare
        position.company = employer
    }

    static let titleWithEmployer = Pattern("^(.+?)\\s*\\(([A-Z][\\w&. ]{1,40})\\)$")

    /// "Member of the Cultural Committee", "Member of Rotaract Club": a membership held at college
    /// or on the side, not a job ("Member of Technical Staff" is one). "Member" alone under a club's
    /// name says the same: a job names what its holder does.
    static func isMembership(_ title: String?) -> Bool {
        guard let title else { return false }
        return membership.contains(title) || title.caseInsensitiveCompare("member") == .orderedSame
    }

    static let membership = Pattern(
        "^member\\s+(?:of|in)\\s+.*\\b(?:committee|club|society|council|association|cell|chapter|union|forum)\\b", caseInsensitive: true)

    /// "Role: SAP SD lead" under each project of a dated "SAP SD lead" position: an undated title
    /// that repeats a dated position's (its words or some of them, as "Lead Engineer" does "Lead
    /// Engineer - Automation", and no other employer) restates it, it is no position of its own.
    static func restatesDatedPosition(_ undated: Position, in dated: [Position]) -> Bool {
        dated.contains { hasTitleWords(of: undated, in: $0) && namesNoOtherEmployer(undated, than: $0) }
    }

    /// Positions written without dates: a short title-like line, and the short line after it as the company.
    static func undatedPositions(lines: [String], candidateLines: [Int], used: Set<Int>, map: SectionMap) -> [Position] {
        var positions: [Position] = []
        var consumed = used
        let sectionOpenings = experienceSectionOpenings(lines: lines, map: map)
        for (offset, index) in candidateLines.enumerated() where !consumed.contains(index) {
            var text = lines[index]
            if let match = labelledField.firstMatch(in: text), let label = match.groups[1]?.lowercased(),
                !companyLabels.contains(label), let value = match.groups[2]
            {
                text = value  // "Position: Network Engineer"
            }
            // A title line stands alone: capitalised, short, not the tail of a wrapped sentence. Or, as
            // the first of an experience section's two opening name lines, anything ("fresher job",
            // "Completed 6 months internship at Contoso" / "Contoso"): Indeed's layout of a job without dates.
            let opensSection = sectionOpenings.contains(index) && !endsInASeparator(text)
            guard text.first?.isUppercase == true || opensSection, !text.hasSuffix("."), !text.hasSuffix(":"),
                !text.utf8.contains(UInt8(ascii: "@")), !isProse(text), !map.isHeading(index), isNamePart(text)
            else { continue }
            let isTitleLine = text.first?.isUppercase == true && ResumeText.words(text).count <= 6 && JobTitles.looksLikeTitle(text)
            guard isTitleLine || opensSection else { continue }
            var position = Position(start: nil, end: nil, current: false, line: index)
            position.title = leadingTitle(of: text)
            var companyLine: Int?
            for next in candidateLines[(offset + 1)...].prefix(3) where !lines[next].isEmpty {
                let candidate = lines[next]
                if !consumed.contains(next), !isProse(candidate), !map.isHeading(next), !JobTitles.looksLikeTitle(candidate),
                    isNamePart(candidate)
                {
                    var parts = ResumeText.splitSegments(fieldSeparators.replacing(in: candidate, with: " | "))
                    if parts.count > 1, let place = Places.location(in: parts[1], allowBareCity: true) {
                        position.location = place
                        parts.removeLast(parts.count - 1)
                    }
                    position.company = parts.first
                    companyLine = next
                }
                break
            }
            if !isTitleLine {
                guard let company = position.company, looksLikeCompany(company) else { continue }
                // A sentence about the job names no title.
                if ResumeText.words(text).count > 5 { position.title = nil }
            }
            consumed.insert(index)
            if let companyLine { consumed.insert(companyLine) }
            positions.append(position)
        }
        return positions
    }

    /// "Microsoft Excel, Microsoft Word, File Management,": a list wrapped onto the next line, which
    /// goes on with its items and names no employer.
    static func endsInASeparator(_ line: String) -> Bool {
        line.last.map { ",;/&".contains($0) } ?? false
    }

    /// The first non-empty line under each experience section's heading.
    static func experienceSectionOpenings(lines: [String], map: SectionMap) -> Set<Int> {
        Set(map.sections.filter { $0.kind == .experience }.compactMap { section in
            section.bodyLines?.first { lines.indices.contains($0) && !lines[$0].isEmpty }
        })
    }

    /// "Senior Process Executive - Contoso Client": the title before a separator, when it is one on its
    /// own; what follows says for whom, not what the job is.
    static func leadingTitle(of line: String) -> String {
        let segments = ResumeText.splitSegments(fieldSeparators.replacing(in: line, with: " | "))
        guard segments.count > 1, JobTitles.looksLikeTitle(segments[0]) else { return line }
        return segments[0]
    }

    static let trailingFunctionWords: Set<String> = ["from", "to", "since", "in", "at", "of", "for", "with", "and", "till", "until", "during"]

    static let emptyBrackets = Pattern("\\(\\s*\\)|\\[\\s*\\]")

    /// What is left around a heading's text once its dates are cut out.
    static let separatorsAndBrackets = TrimSet(charactersIn: " ,|•·-–—():")
    static let separatorsAndOpeningBracket = TrimSet(charactersIn: " ,|•-–—(")
    static let brackets = TrimSet(charactersIn: "()[] ")
    static let punctuation = TrimSet(charactersIn: ".,;:")

    /// "Hyderabad from Nov 2011 to Feb 2016": the wrapped middle of a sentence, not a heading, when
    /// the text before a line's dates ends in a lower-case function word. (Looking at the text before
    /// the dates, not at all that is left of the line: the dates' parser may leave a stray year behind.)
    static func endsMidSentence(_ textBeforeDates: String) -> Bool {
        guard let last = ResumeText.words(textBeforeDates).last else { return false }
        return trailingFunctionWords.contains(String(last))
    }

    /// "Performed four roles, … team lead and onsite" / "coordinator (March, 2011 – June, 2013), …": a
    /// line opening in lower case right under one that stops at a lower-case word, with no full stop,
    /// colon or comma, is the same sentence wrapped; its dates are no heading's. A heading stands
    /// under a blank line, a heading or a name.
    static func continuesWrappedSentence(_ line: String, after previous: String) -> Bool {
        guard line.first?.isLowercase == true, let last = ResumeText.words(previous).last, previous.last?.isLetter == true else {
            return false
        }
        return last.first?.isLowercase == true && ResumeText.words(previous).count >= 4
    }

    /// A sentence rather than a heading line: long, starting like a bullet sentence or in the first
    /// person ("I am a beta tester").
    static func isProse(_ line: String) -> Bool {
        let words = ResumeText.words(line)
        if let first = words.first, firstPersonWords.contains(String(first)), words.count > 1 { return true }
        return words.count > 12 || ResumeText.isBullet(line) || line.hasSuffix(".") && words.count > 6
    }

    static let firstPersonWords: Set<String> = ["I", "I'm", "I’m", "My", "We", "Our"]

    /// Up to two short lines before the date line; if none, up to two after it.
    static func nearbyLines(
        around index: Int, lines: [String], candidates: Set<Int>, dateLines: Set<Int>, taken: Set<Int>, map: SectionMap
    ) -> [Int] {
        func collect(_ range: StrideThrough<Int>) -> [Int] {
            var found: [Int] = []
            for other in range {
                guard other >= 0, other < lines.count, candidates.contains(other), !map.isHeading(other) else { break }
                let text = lines[other]
                if text.isEmpty { continue }
                // "05/2019 – today" / "Engineer" / "Contoso GmbH" / "01/2016 – 04/2019": the lines above the
                // second dates are the first position's, which took them.
                if dateLines.contains(other) || taken.contains(other) || isProse(text) { break }
                found.append(other)
                if found.count == 2 { break }
            }
            return found
        }
        let before = collect(stride(from: index - 1, through: index - 6, by: -1)).reversed()
        if before.count == 2 { return Array(before) }
        let after = collect(stride(from: index + 1, through: index + 6, by: 1))
        return Array(before) + after.prefix(2 - before.count)
    }

    /// The first non-empty line after (`offset` 1) or before (-1) a date line whose `heading` is the
    /// rest of it, when it is a short name line of the same section (not a heading, another date line,
    /// a bullet or a sentence).
    static func lineNextToDates(
        _ index: Int, offset: Int, heading: String, lines: [String], candidates: Set<Int>, dateLines: Set<Int>, map: SectionMap
    ) -> Int? {
        guard let other = stride(from: index + offset, through: index + 2 * offset, by: offset)
            .first(where: { lines.indices.contains($0) && !lines[$0].isEmpty }),
            candidates.contains(other), !dateLines.contains(other), !map.isHeading(other), !isProse(lines[other]),
            isNamePart(lines[other]),
            // "Dean's List  Fall 2013 – Spring 2014" / "ON CAMPUS INVOLVEMENT": capitals next to a line
            // that has none are a section's heading, whatever the section map made of them.
            !ResumeText.isAllCaps(lines[other]) || ResumeText.isAllCaps(heading)
        else { return nil }
        return other
    }

    /// " - ", " | ", " at ", and "@ " as "at" ("Process Associate@ Infosys"; an e-mail address has no space after its "@"),
    /// and a dash typed against the word before it ("HR Executive- Acme Corp"; "Co-founder" has no space after it).
    static let fieldSeparators = fieldSeparatorPattern(splittingAtWordAt: true)

    /// `fieldSeparators`, or the same without " at " where it is part of a name ("The University of
    /// Texas at Austin").
    static func fieldSeparatorPattern(splittingAtWordAt: Bool) -> Pattern {
        Pattern(
            "\\s+(?:-|–|—|\\||•|·|@\(splittingAtWordAt ? "|at" : ""))\\s+|\\s*[|•·]\\s*|\\s*@\\s+|\\s+-$|(?<=[A-Za-z.)])[-–]\\s+(?=[A-Z])",
            literals: ["-", "–", "—", "|", "•", "·", "@"] + (splittingAtWordAt ? ["at"] : []))
    }

    /// Assigns title, company and location from the context lines' parts.
    static let companyLabels: Set<String> = ["company", "employer", "organisation", "organization", "client"]
    static let labelledField = Pattern("^\\s*(company|employer|organi[sz]ation|client|position|designation|current designation|role|job role|current role|title|job title)(?:\\s*\\d{1,2})?\\s*:\\s*(.+)$", caseInsensitive: true, literals: [":"])

    static let labelledList = Pattern("^[A-Za-z][A-Za-z /&'-]{0,30}:\\s", literals: [":"])

    static func fill(_ position: inout Position, from context: [String]) {
        let context = context.map(withoutLeadingDuration)
        var parts: [String] = []
        var lineOfParts: [Int] = []
        var namedBeforeAs: [String] = []
        var employerOfLine: [Int: String] = [:]
        for (lineIndex, line) in context.enumerated() {
            // "Company: Acme Corp" / "Company 1: Acme Corp, Pune" / "Position: Analyst" say what they are.
            if let match = labelledField.firstMatch(in: line), let label = match.groups[1]?.lowercased(), let value = match.groups[2] {
                if companyLabels.contains(label) {
                    var valueParts = mergeSuffixes(commaSeparated(value))
                    if valueParts.count >= 2, let place = Places.location(in: valueParts.last!, allowBareCity: true) {
                        position.location = position.location ?? place
                        valueParts.removeLast()
                    }
                    position.company = position.company ?? valueParts.joined(separator: ", ")
                } else {
                    position.title = position.title ?? value
                }
                continue
            }
            // "Product Technologies: Cloud, DevOps, Visual Studio": a label and its list, no name; ": WinSCP,
            // PuTTY" is a list whose label the table's other column kept.
            if line.utf8.contains(UInt8(ascii: ":")), labelledList.contains(line) || line.hasPrefix(":") { continue }
            let fields = ResumeText.splitSegments(fieldSeparators.replacing(in: line, with: " | "))
            var lineParts: [String] = []
            // "Data Scientist" / "Contoso Analytics, Leeds" or "Contoso | Leeds": a company line under a
            // title (on another line) names the employer, then its town.
            let titleElsewhere = position.title != nil
                || context.indices.contains { $0 != lineIndex && titleLikeness(context[$0]) >= 0.45 }
            // "INFOSYS as Process Associate": the title stays in its place; the company before "as"
            // comes after the line's other parts, which name the company more surely when they do
            // ("Infosys group as a Test Analyst - Infosys Ltd").
            for field in fields.flatMap({ field -> [String] in
                guard let split = companyAsTitle(field) else { return companyRunIntoTitle(field) ?? [field] }
                namedBeforeAs.append(split[0])
                return [split[1]]
            }) {
                var commaParts = joiningRankAndItsFunction(mergeSuffixes(commaSeparated(field)))
                let (rest, location) = Places.splitTrailingLocation(commaParts)
                if let location, position.location == nil {
                    position.location = location
                    commaParts = rest
                } else if position.location == nil,
                    let city = cityAfterCompany(commaParts, afterAt: field != fields.first && ResumeText.contains(line, " at " + field),
                        underTitle: titleElsewhere && fields.count == 1)
                {
                    position.location = city
                    commaParts.removeLast()
                } else if commaParts.count >= 1, position.location == nil, fields.count > 1, field != fields.first,
                    let place = Places.placeInPlaceSlot(field, allowBareCity: field.utf8.contains(UInt8(ascii: ",")) || titleElsewhere && afterPipe(field, in: line))
                {
                    // "Infosys Ltd - Delhi, Delhi": a place after a dash. After "at" a company comes first:
                    // "Test Analyst at Oracle, Hyderabad" names the company and a city. Without "at" or a
                    // region, capitalised names after a separator ("Apple , Google, Microsoft") are no place.
                    let placeParts = place.split(separator: ",").map { $0.trimming(.whitespaces) }
                    if placeParts.count < 2 || placeParts.dropFirst().contains(where: Places.looksLikeRegion)
                        || titleElsewhere && afterPipe(field, in: line) && titleLikeness(fields[0]) < 0.45
                    {
                        position.location = place
                        continue
                    }
                    if ResumeText.contains(line, " at " + field) {
                        position.location = placeParts.last
                        lineParts += placeParts.dropLast()
                        continue
                    }
                }
                lineParts += commaParts.filter { !$0.isEmpty }
            }
            if let employer = employerAmongClients(lineParts) {
                employerOfLine[lineIndex] = employer
                lineParts.removeAll { $0 != employer && isOtherOrganization($0) }
            }
            parts += lineParts
            lineOfParts += Array(repeating: lineIndex, count: lineParts.count)
        }
        parts += namedBeforeAs
        lineOfParts += Array(repeating: -1, count: namedBeforeAs.count)
        let cleanedParts = zip(parts, lineOfParts).map { (withoutGrades(withoutLeadingLabel(withoutStrayOpeningBracket($0))), $1) }
            .filter { isNamePart($0.0) }
        parts = cleanedParts.map(\.0)
        lineOfParts = cleanedParts.map(\.1)
        // "Title" / "Company - City, Region -" (Indeed's layout): the line that ends in a dash names
        // the company; the other line is the title even when its words are not title words, and all
        // of it when it has commas ("Unix, CA7 scheduler") unless a part of it is a title on its own
        // ("Test Engineer, Infosys": a title line that names its company).
        // The company of Indeed's dashed line, for a title line whose other part is a skill, not a
        // company: "Unix, CA7 scheduler" / "Infosys Limited -".
        var dashedCompany: String?
        if position.title == nil, position.company == nil, context.count == 2,
            let dashed = context.firstIndex(where: { $0.hasSuffix(" -") }),
            let company = employerOfLine[dashed]
                ?? ResumeText.splitSegments(fieldSeparators.replacing(in: context[dashed], with: " | ")).first.map(withoutLeadingLabel),
            parts.contains(company), looksLikeCompany(company)
        {
            let other = context[1 - dashed].trimming(.whitespaces)
            // "Test Management Tool" / "QualityCenter -": the label of a tools table and the tool it names,
            // no title and no employer.
            if namesAKindOfTool(other) || headsProjects(other) || namesAProduct(other, ofVendor: company) { return }
            let otherParts = other.split(separator: ",").map { $0.trimming(.whitespaces) }
            if otherParts.allSatisfy({ parts.contains($0) && titleLikeness($0) < 0.45 }), titleLikeness(company) < 0.45,
                !Places.isRegion(other), !JobTitles.namesATopic(other), !namesASoftware(other)
            {
                position.company = company
                position.title = other
                return
            }
            // "Lead Engineer - Automation & Testing" / "Cisco Systems -": a title with its field after a
            // dash is one title; the dash does not make its field a second name.
            if titleLikeness(company) < 0.45, isTitleWithItsField(other) {
                position.company = company
                position.title = other
                return
            }
            // "Sr. Program Manager / Product Owner, Architect, Consultant" / "Microsoft India -": roles held
            // together, every comma part a title, are one title line, not the most title-like of them.
            if otherParts.count >= 2, otherParts.allSatisfy({ parts.contains($0) && titleLikeness($0) >= 0.45 }),
                titleLikeness(company) < 0.45
            {
                position.company = company
                position.title = other
                return
            }
            if titleLikeness(company) < 0.45, SkillTaxonomy.shared.skill(named: company) == nil { dashedCompany = company }
        }
        if position.title != nil || position.company != nil {
            // Labelled fields already said it; fill only the missing one.
            if position.title == nil { position.title = parts.first(where: { titleLikeness($0) >= 0.45 }) }
            if position.company == nil { position.company = parts.first(where: { looksLikeCompany($0) && titleLikeness($0) < 0.45 }) }
            return
        }
        guard !parts.isEmpty else { return }
        // The most title-like part is the title; the first other part is the company.
        let scored = parts.enumerated().map { (offset: $0.offset, text: $0.element, score: titleLikeness($0.element)) }
        if let best = scored.max(by: { $0.score < $1.score || ($0.score == $1.score && $0.offset > $1.offset) }),
            best.score >= 0.45
        {
            position.title = best.text
            let companies = scored.filter { $0.offset != best.offset && looksLikeCompany($0.text) }
            let titleLine = lineOfParts[best.offset]
            if let beside = companies.first, lineOfParts[beside.offset] == titleLine, titleLine >= 0,
                let onItsOwnLine = companies.first(where: { lineOfParts[$0.offset] != titleLine && lineOfParts[$0.offset] >= 0 }),
                namesUnitOfEmployer(beside.text, onTitleLine: context[titleLine], employer: onItsOwnLine.text)
            {
                position.company = company(dashedCompany, or: onItsOwnLine.text)
            } else {
                position.company = company(dashedCompany, or: companies.first?.text)
            }
        } else if let company = company(dashedCompany, or: parts.first(where: looksLikeCompany)) {
            position.company = company
        }
    }

    /// "Data Analyst" / "Contoso" / "Galway" / "Feb 2022 – Present": three short lines standing alone
    /// above the dates are title, company and town; the one next to the dates is the town, a bare name
    /// as Europeans write it. Two lines above the dates are title and company only.
    static func titleCompanyAndTown(
        above index: Int, nearby: [Int], lines: [String], candidates: Set<Int>, taken: Set<Int>, map: SectionMap
    ) -> (names: [Int], town: Int)? {
        let first = index - 3
        guard nearby == [index - 2, index - 1], first >= 0, candidates.contains(first), !taken.contains(first), !map.isHeading(first),
            !lines[first].isEmpty, !ResumeText.isBullet(lines[first]), !isProse(lines[first]), isNamePart(lines[first]),
            first == 0 || lines[first - 1].isEmpty || map.isHeading(first - 1) || ResumeText.isBullet(lines[first - 1]) || isProse(lines[first - 1]),
            // The town's name is no title ("Product Owner, Contoso"); what follows its comma is its county.
            let place = Places.location(in: lines[index - 1], allowBareCity: true),
            titleLikeness(place.split(separator: ",").first.map(String.init) ?? place) < 0.45,
            !Organizations.looksLikeOrganization(lines[index - 1]),
            // "ROLE" / "Developer" / "PERIOD" / "October 2013 to November 2014": labels in capitals and
            // their values, no town.
            !(first..<index).contains(where: { ResumeText.isAllCaps(lines[$0]) || detailLabel.contains(lines[$0]) })
        else { return nil }
        return ([first, index - 2], index - 1)
    }

    /// "Contoso | Leeds", "Contoso · Leeds": the field follows a pipe or a bullet, which only set fields
    /// apart. A dash after a company also joins its division or client ("Contoso - Payments").
    static func afterPipe(_ field: String, in line: String) -> Bool {
        ["|", "| ", "· ", "• "].contains { ResumeText.contains(line, $0 + field) }
    }

    /// "Contoso Ltd. Field Technician", "Fabrikam Group Site Supervisor" (columns whose gap was lost): a
    /// legal form, or the country of a company's arm, ends the company's name, and the title-like
    /// words after it are the title.
    static func companyRunIntoTitle(_ field: String) -> [String]? {
        let words = ResumeText.words(field)
        guard words.count >= 3, let end = words.indices.dropFirst().dropLast().first(where: { index in
            let word = String(words[index])
            let bare = word.lowercased().trimming(punctuation)
            // "Contoso Canada Store Associate": a country after a company's name is its arm there.
            return Organizations.legalForms.contains(bare) || bare == "group" || Places.isRegion(word) && word.count > 3
                || ResumeText.isAllCaps(word) && Organizations.legalFormsAbroad.contains(bare)
        }) else { return nil }
        let company = words[...end].joined(separator: " ")
        let title = words[(end + 1)...].joined(separator: " ")
        guard title.first?.isUppercase == true, titleLikeness(title) >= 0.45, titleLikeness(company) < 0.45,
            !words[..<end].contains(where: { rankWords.contains($0.lowercased()) })
        else { return nil }
        return [company, title]
    }

    /// "Contoso LLP | Boston, MA" / "Tax Senior | 2019 – 2021" / "Tax Associate | 2017 – 2019": titles
    /// listed one under the other below one employer were all held there. A dated title with no
    /// company, right under another position's line (its bullets between at most), takes that one's.
    static func inheritEmployerOfTitlesBelowIt(_ positions: inout [Position], lines: [String]) {
        for index in positions.indices.dropFirst() where positions[index].title != nil {
            let above = positions[index - 1]
            // "Engineer at Contoso (2020 – 2022)" / "Analyst at acme.io (2018 – 2020)": a company named on
            // the position's own line is that line's, not a heading's over the titles below.
            guard let company = above.company, above.line < positions[index].line, !ResumeText.contains(lines[above.line], company),
                ((above.line + 1)..<positions[index].line).allSatisfy({ ResumeText.isBullet(lines[$0]) || isProse(lines[$0]) })
            else { continue }
            // "Contoso Hotels — Doha" / "Hotel Manager, Contoso Pearl Resort (2019 – 2022)" / "Director of
            // Rooms, Contoso Marina Hotel (2016 – 2019)": the name beside a title under the heading is its
            // property or unit, as it was for the title above.
            if let own = positions[index].company {
                let line = lines[positions[index].line]
                guard !ResumeText.contains(line, " at " + own), !Organizations.looksLikeOrganization(own) || Organizations.looksLikeOrganization(company),
                    namesSomethingBesideItsTitle(lines[above.line])
                else { continue }
            }
            positions[index].company = company
        }
    }

    /// "Nordwind GmbH, Hamburg", "Acme Group, Lyon", "Engineer at acme.io, Leiden": one place name after
    /// a company's name is the town the job was in, written without its region as Europeans do. Only
    /// after a name that a legal form, "at" or a title before it marks as the employer's; "Apple,
    /// Google" stays two names.
    static func cityAfterCompany(_ parts: [String], afterAt: Bool, underTitle: Bool = false) -> String? {
        guard parts.count >= 2, let city = parts.last, Places.isPlaceName(city), ResumeText.words(city).count <= 2,
            !Organizations.looksLikeOrganization(city), !Organizations.looksLikeSchool(city), titleLikeness(city) < 0.45
        else { return nil }
        // "Dubai, AE", "Gurgaon, Delhi NCR": a town and its region, no company before a town.
        guard !Places.looksLikeRegion(city) else { return nil }
        let company = parts[parts.count - 2]
        let legalForm = ResumeText.words(company).last.map { ResumeText.isAllCaps(String($0)) && Organizations.namesLegalForm(String($0)) } ?? false
        // "Product Manager, Contoso, Lyon": after a title and a company, the third name is the town.
        // On a company line of its own under the title, "Name, Town" (no more names: "Apple, Google,
        // Microsoft" lists employers), the name after the company's is its town.
        let afterTitle = parts.count >= 3 ? titleLikeness(parts[parts.count - 3]) >= 0.45 : underTitle && titleLikeness(company) < 0.45
        return afterAt || legalForm || afterTitle || Organizations.looksLikeOrganization(company) || Places.isKnownCity(city) ? city : nil
    }

    /// "Director, Plant Operations", "Intern, Brake Testing", "Staff Nurse, Cardiac Unit": a rank with the
    /// function it heads, or a title with its unit, written with a comma where "Director of Plant
    /// Operations" has "of"; one title. "Software Engineer, Acme Corp" and "Intern, Contoso" name
    /// the employer after the comma and stay two parts.
    static func joiningRankAndItsFunction(_ parts: [String]) -> [String] {
        guard parts.count >= 2 else { return parts }
        var joined: [String] = []
        for part in parts {
            if let title = joined.last, namesFunction(part, of: title) {
                joined[joined.count - 1] = title + ", " + part
            } else {
                joined.append(part)
            }
        }
        return joined
    }

    static func namesFunction(_ part: String, of title: String) -> Bool {
        let words = ResumeText.words(part)
        guard part.first?.isUppercase == true, (1...5).contains(words.count), !Organizations.looksLikeOrganization(part),
            !Organizations.looksLikeSchool(part), !Places.isRegion(part), isNamePart(part)
        else { return false }
        if let last = words.last, unitWords.contains(last.lowercased()) { return titleLikeness(title) >= 0.45 && titleLikeness(part) < 0.45 }
        // A bare rank's function may use title words ("Director, Quality Assurance"). A one-word name
        // after it is more often the employer ("Intern, Contoso").
        let titleWords = ResumeText.alphanumericTokens(title)
        return words.count >= 2 && titleWords.contains(where: executiveRanks.contains)
            && titleWords.allSatisfy { executiveRanks.contains($0) || rankWords.contains($0) }
    }

    /// "Clinical Nurse Specialist – Emergency Department" / "The Royal Melbourne Hospital", "Senior
    /// Associate, Audit & Assurance" / "KPMG Professional Services, Lagos": a name on a line of its own
    /// is the employer; a name dashed onto the title, a department, or a plain name after the title's
    /// comma where the other line has a company's ending, is the unit, client or site of the job.
    /// "Test Analyst at Oracle" / "Infosys Ltd -" and "Engineer - Infosys Limited" / "LabVIEW, Perforce
    /// -" keep the employer the title line named.
    static func namesUnitOfEmployer(_ beside: String, onTitleLine line: String, employer: String) -> Bool {
        let (besideIsCompany, employerIsCompany) = (Organizations.looksLikeOrganization(beside), Organizations.looksLikeOrganization(employer))
        guard !ResumeText.contains(line, " at " + beside), SkillTaxonomy.shared.skill(named: employer) == nil,
            employerIsCompany || !besideIsCompany
        else { return false }
        return namesUnit(beside) || [" - ", " – ", " — "].contains { ResumeText.contains(line, $0 + beside) }
            || employerIsCompany && !besideIsCompany
    }

    /// "Emergency Department", "Department of Medicine", "Division of Cardiology": a unit of an employer.
    static func namesUnit(_ name: String) -> Bool {
        let words = ResumeText.alphanumericTokens(name)
        guard let first = words.first, let last = words.last else { return false }
        return unitWords.contains(last) || unitWords.contains(first) && words.dropFirst().first == "of"
    }

    /// Ranks that name no work of their own: a "Director" or an "Intern" is one of some function.
    static let executiveRanks: Set<String> = ["president", "vice", "vp", "svp", "evp", "avp", "director", "head", "chair", "intern", "trainee"]
    static let unitWords: Set<String> = ["unit", "department", "dept", "division", "ward"]

    /// The company of the title line's parts, unless it is a skill the taxonomy knows ("Unix, CA7
    /// scheduler" / "Acme Ltd -") or a topic ("Mobile Banking Projects" / "Acme Ltd -"), when Indeed's
    /// dashed company line names the employer instead.
    static func company(_ dashedCompany: String?, or fromParts: String?) -> String? {
        guard let dashedCompany else { return fromParts }
        guard let fromParts else { return dashedCompany }
        return SkillTaxonomy.shared.skill(named: fromParts) != nil || JobTitles.namesATopic(fromParts) || namesAVendorsTechnology(fromParts)
            ? dashedCompany : fromParts
    }

    /// A short capitalised line with no separators, no organization, school or place in it, made of
    /// words job titles use ("Volunteer"), though not enough of them to read as a title on its own.
    static func isBareTitleLine(_ line: String) -> Bool {
        guard let first = line.first, first.isUppercase, (1...4).contains(ResumeText.words(line).count), isNamePart(line),
            !line.contains(where: { ",|•·@–—".contains($0) }), !ResumeText.contains(line, " - ")
        else { return false }
        return !Organizations.looksLikeOrganization(line) && !Organizations.looksLikeSchool(line)
            && Places.location(in: line) == nil && titleLikeness(line) >= 0.25
    }

    /// "MS Office", "Java" alone on the title line: a program or a language, which no one is employed
    /// as; practices the taxonomy also knows ("Digital Marketing", "Customer Service") can name a job.
    static func namesASoftware(_ line: String) -> Bool {
        guard let skill = SkillTaxonomy.shared.skill(named: line), !skill.isAmbiguous else { return false }
        return skill.category.localizedCaseInsensitiveContains("software") || softwareCategories.contains(skill.category)
    }

    static let softwareCategories: Set<String> = ["Programming languages", "Databases", "Operating systems", "Web frameworks", "Cloud platforms"]

    /// "Test Management Tool", "Build Tools": what a tools table's row is about.
    static func namesAKindOfTool(_ line: String) -> Bool {
        guard let last = ResumeText.words(line).last?.lowercased() else { return false }
        return last == "tool" || last == "tools"
    }

    /// "Software Testing Projects" / "Contoso Bank -": projects done for a client, listed in the job's
    /// form; the client is no employer. ("Analyst in Contoso project" names a job.)
    static func headsProjects(_ line: String) -> Bool {
        ResumeText.words(line).last?.lowercased() == "projects"
    }

    /// "Lead Engineer - Automation & Testing", "Analyst - Payments": a title, a dash, and what the job
    /// is about, with no comma, no organization and no place after the dash.
    static func isTitleWithItsField(_ line: String) -> Bool {
        guard !line.utf8.contains(UInt8(ascii: ",")), !line.hasSuffix(" -") else { return false }
        let segments = ResumeText.splitSegments(fieldSeparators.replacing(in: line, with: " | "))
        guard segments.count == 2, titleLikeness(segments[0]) >= 0.45, isNamePart(segments[1]),
            ResumeText.contains(line, " - ") || ResumeText.contains(line, " – ")
        else { return false }
        let field = segments[1]
        return !Organizations.looksLikeOrganization(field) && !Organizations.looksLikeSchool(field)
            && Places.location(in: field, allowBareCity: true) == nil && ResumeText.words(field).count <= 4
    }

    /// "INFOSYS as Process Associate", "Acme Corp as a Test Analyst": a company and the title held
    /// there, when the words after "as" are a title and those before it are not.
    static func companyAsTitle(_ field: String) -> [String]? {
        guard ResumeText.contains(field, " as "), let match = asTitle.firstMatch(in: field),
            let company = match.groups[1], let title = match.groups[2],
            company.first?.isUppercase == true || company.first?.isNumber == true,
            titleLikeness(title) >= 0.45, titleLikeness(company) < 0.45, ResumeText.words(company).count <= 5
        else { return nil }
        return [company, title]
    }

    static let asTitle = Pattern("^(.+?)\\s+as\\s+(?:an?\\s+)?(.+)$")

    /// A part that can be a title or a company at all: not a date, a link, a label or a sentence.
    static func isNamePart(_ text: String) -> Bool {
        guard text.contains(where: \.isLetter), !DateRanges.containsDate(text), !DateRanges.presentAtStart.contains(text) else {
            return false
        }
        // "Team Size: 15", "Technologies: Java": a label and its value, not a name.
        if text.utf8.contains(UInt8(ascii: ":")) || text.utf8.contains(UInt8(ascii: "@")) || text.hasPrefix("www.") { return false }
        // "and managers.", "the network admin team.": the wrapped end of a sentence.
        if text.first?.isLowercase == true, text.hasSuffix(".") { return false }
        // "Switching Router)": the end of a bracket opened on the line before.
        if text.utf8.contains(UInt8(ascii: "(")) || text.utf8.contains(UInt8(ascii: ")")),
            text.filter({ $0 == "(" }).count != text.filter({ $0 == ")" }).count
        {
            return false
        }
        let words = ResumeText.words(text)
        return words.count <= 10 && !isInstruction(words)
    }

    /// "Backup the data", "Prepare the AR aging report": a duty written as an order, a capitalised
    /// verb, then "the" or "a" and lower-case words. A name with "the" in it capitalises the words
    /// that follow ("Save the Children").
    static func isInstruction(_ words: [Substring]) -> Bool {
        guard words.count >= 3, words[0].first?.isUppercase == true, determiners.contains(String(words[1])) else { return false }
        return words.dropFirst(2).contains { $0.first?.isLowercase == true }
    }

    static let determiners: Set<String> = ["the", "a", "an", "all", "our", "their", "its", "each", "every", "any"]

    /// Companies are proper names: capitalised (or digits), a few words, not a sentence, a job title
    /// or a run-together heading.
    static func looksLikeCompany(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber || webAddressName.contains(text) else { return false }
        // "February" (a date cut off its year), "Bangalore, Karnataka"'s region, "Company Name" (a
        // template's placeholder): words in a company's place that name none.
        if monthOnly.contains(text) || Places.isRegion(text) || Places.isMarketRegion(text) || Places.isLargeCity(text)
            || text.lowercased() == "company name"
        {
            return false
        }
        if Organizations.looksLikeOrganization(text) { return true }
        // "Duration", "Job Profile with Acme": a label of the position's details; "CCNP", "Oracle
        // Certified Professional": a certification; "Handled three accounts": a sentence's opening verb.
        // "Online Foundation Program": a course taken, not an employer.
        if detailLabel.contains(text) || certification.contains(text) || course.contains(text) { return false }
        let words = ResumeText.words(text)
        if words.count >= 2, verbsOpeningASentence.contains(words[0].lowercased()) { return false }
        if words.count > 7 || text.hasSuffix(".") { return false }
        if words.count == 1, text.count > 15 || isRunTogetherTitle(text), ResumeText.isAllCaps(text) { return false }
        return !JobTitles.looksLikeTitle(text)
    }

    /// "SALESOFFICER", "MARKETINGCO": title words in capitals whose spaces the PDF lost, in the company's
    /// place, no name. One capitalised word that splits into two or three title words reading as a
    /// title; "MICROSOFT" splits into no title, and a name ending in "tech" is a company's as often.
    /// "shopwise.io", "fabrikam.com": a company that goes by its web address, in lower case as its
    /// logo writes it. Not a file or a library ("config.js", "asp.net").
    static let webAddressName = Pattern("^[a-z][a-z0-9-]{1,30}\\.(?:com|io|co|ai|app|de|nl|fr|es|it|eu|uk|in)$")

    static func isRunTogetherTitle(_ word: String) -> Bool {
        guard (6...15).contains(word.count), word.allSatisfy(\.isLetter), ResumeText.isAllCaps(word) else { return false }
        let letters = Array(word.lowercased())
        func isTitleWord(_ part: ArraySlice<Character>) -> Bool {
            part.count >= 2 && (JobTitles.words[String(part)]?.anywhere ?? 0) >= 3
        }
        func splits(_ rest: ArraySlice<Character>, depth: Int) -> [[String]] {
            var found: [[String]] = []
            if depth > 1, isTitleWord(rest) { found.append([String(rest)]) }
            guard depth < 3 else { return found }
            for cut in rest.indices.dropFirst(2) where isTitleWord(rest[rest.startIndex..<cut]) {
                found += splits(rest[cut...], depth: depth + 1).map { [String(rest[rest.startIndex..<cut])] + $0 }
            }
            return found
        }
        return splits(letters[...], depth: 1).contains { parts in
            parts.last != "tech" && JobTitles.looksLikeTitle(parts.joined(separator: " "))
        }
    }

    /// A label of a position's details, alone or with what it is about ("Job Profile with Acme").
    static let detailLabel = Pattern(
        "^(?:period|duration|tenure|job profile|profile|job description|description|responsibilit(?:y|ies)|roles?(?:\\s+(?:and|&)\\s+responsibilit(?:y|ies))?|team size|work period)(?:\\s*[:.-]?|\\s+(?:with|at|in|of|for)\\b.*)$",
        caseInsensitive: true, literals: ["period", "duration", "tenure", "profile", "description", "responsibilit", "role", "team size"])

    static let course = Pattern("\\b(?:program|programme|course|bootcamp|workshop)$", caseInsensitive: true)

    /// IT and project certifications by their usual acronyms, and names that say they certify.
    static let certification = Pattern(
        "^(?:MCSA|MCSE|MCSD|MCP|MCTS|MCITP|MCDBA|CCNA|CCNP|CCIE|CCDA|CCDP|CCENT|PMP|CAPM|ITIL|OCA|OCP|OCJP|SCJP|RHCE|RHCSA|CISSP|CISA|CISM|CEH|ISTQB|PRINCE2|CSM)\\b|\\b(?i:certifi(?:ed|cation|cate))\\b",
        caseInsensitive: false)

    /// Verbs that open a sentence about work done ("Performed", "Worked"), which a company's name does not.
    static let verbsOpeningASentence: Set<String> = SignalsAnalyzer.actionVerbs.union([
        "performed", "worked", "working", "handled", "handling", "involved", "responsible", "participated", "assisted",
        "supported", "served", "joined", "completed", "prepared", "provided", "managing", "leading", "developing",
    ])

    static let monthOnly = Pattern("^(?:\(DateRanges.monthNames))\\.?$", caseInsensitive: true)

    static let levelSuffix = Pattern("\\s+(?:I{1,3}|IV|V|[1-5])$")

    static func titleLikeness(_ text: String) -> Double {
        if Organizations.looksLikeOrganization(text) || Organizations.looksLikeSchool(text) { return 0 }
        // "Software Development Engineer III": the level does not make it less of a title.
        return JobTitles.titleScore(levelSuffix.replacing(in: text, with: ""))
    }

    /// A bracket opened and never closed: typed before the name ("(Microsoft Partner Readiness
    /// Operations Project Manager (APAC)") it goes; opened after it ("Production Support Analyst
    /// (Microsoft", the rest wrapped onto the next line) the name ends before it.
    static func withoutStrayOpeningBracket(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "(")), text.filter({ $0 == "(" }).count > text.filter({ $0 == ")" }).count else {
            return text
        }
        if text.hasPrefix("(") { return String(text.dropFirst()).trimming(.whitespaces) }
        guard let open = text.lastIndex(of: "("), !text[open...].contains(")") else { return text }
        return text[..<open].trimming(.whitespaces)
    }

    /// "Job Profile in Contoso Pvt Ltd", "Head Office of Contoso Ltd": a label of the job or a part of
    /// the company before its name; the name is what follows.
    static func withoutLeadingLabel(_ text: String) -> String {
        guard let match = leadingLabel.firstMatch(in: text), let name = match.groups[1] else { return text }
        return name
    }

    static let leadingLabel = Pattern(
        "^(?i:job profile|work profile|profile|head ?quarters|head office|corporate office|regional office|branch office)\\s+(?i:in|with|at|of|for)\\s+([A-Z0-9].*)$",
        caseInsensitive: false)

    /// "8 years Security Guard", "5+ yrs as Team Lead": how long the job was held, typed before it.
    static func withoutLeadingDuration(_ line: String) -> String {
        guard line.first?.isNumber == true else { return line }
        return leadingDuration.replacing(in: line, with: "")
    }

    static let leadingDuration = Pattern("^\\d+(?:\\.\\d+)?\\+?\\s*(?:years?|yrs?)\\s+(?:(?:of\\s+)?experience\\s+)?(?:as\\s+(?:an?\\s+)?)?(?=\\S)", caseInsensitive: true)

    /// "Band B2 / Designation U4 / DevOps Consultant": the pay band or grade typed before the title is
    /// no part of it; a title that starts like one stays ("Level 2 Support Engineer / Team Lead").
    static func withoutGrades(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "/")) else { return text }
        let pieces = text.split(separator: "/").map { $0.trimming(.whitespaces) }
        let kept = pieces.filter { !(gradeLabel.contains($0) && ResumeText.words($0).count <= 3 && titleLikeness($0) < 0.45) }
        return kept.isEmpty || kept.count == pieces.count ? text : kept.joined(separator: " / ")
    }

    static let gradeLabel = Pattern("^(?:band|sub[- ]?band|grade|level|designation)\\b", caseInsensitive: true)

    /// The comma-separated parts of `text`, keeping commas inside brackets: "Senior Travel Operations
    /// (Domestic, International & Leisure)" is one part.
    static func commaSeparated(_ text: String) -> [String] {
        guard text.utf8.contains(UInt8(ascii: "(")) || text.utf8.contains(UInt8(ascii: "[")) else {
            return text.split(separator: ",").map { $0.trimming(.whitespaces) }
        }
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(", "[": depth += 1
            case ")", "]": depth = max(depth - 1, 0)
            case "," where depth == 0:
                if !current.isEmpty { parts.append(current.trimming(.whitespaces)) }
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        if !current.isEmpty { parts.append(current.trimming(.whitespaces)) }
        return parts
    }

    /// "ABC Company, Inc." split at the comma: glue the suffix back.
    static func mergeSuffixes(_ parts: [String]) -> [String] {
        var merged: [String] = []
        for part in parts {
            if let last = merged.last, Organizations.companySuffixes.contains(part.lowercased()) {
                merged[merged.count - 1] = last + ", " + part
            } else {
                merged.append(part)
            }
        }
        return merged
    }
}
