import Foundation

/// Which lines make a position: the date lines that anchor positions, the name lines around them, and
/// the layouts (dates first or last, blocks, columns) that decide which lines go together.
extension ExperienceAnalyzer {
    static func positions(lines: [String], candidateLines: [Int], map: SectionMap) -> [Position] {
        let candidates = Set(candidateLines)
        var positions: [Position] = []
        var dateLines: [Int] = []
        var spansByLine: [Int: DateSpan] = [:]
        for index in candidateLines {
            let next = index + 1 < lines.count ? lines[index + 1] : nil
            if let span = DateRanges.spans(in: lines[index], nextLine: next).first ?? headingWithOneMonth(lines[index])
                ?? headingAfterOneDate(lines[index])
            {
                dateLines.append(index)
                spansByLine[index] = span
            }
        }
        let dateLineSet = Set(dateLines)
        var used = dateLineSet
        let tableHeaders = candidateLines.compactMap { index in tableColumns(lines[index]).map { (line: index, columns: $0) } }
        for (order, index) in dateLines.enumerated() {
            let span = spansByLine[index]!
            if order > 0, restatesDates(index, span, previous: dateLines[order - 1], spansByLine[dateLines[order - 1]]!, lines: lines) {
                continue
            }
            if let header = tableHeaders.last(where: { $0.line < index }), let row = tableRow(lines[index], at: index, columns: header.columns, span: span) {
                positions.append(row)
                continue
            }
            var position = Position(start: span.start, end: span.end, current: span.isCurrent, line: index)
            let line = lines[index] as NSString
            // "Native HANA developer (July 2013 – January 2016)": the brackets go with the dates they held.
            let rest = withBracketedTownClosed(withoutAsideAfterDates(emptyBrackets.replacing(in: line.replacingCharacters(in: span.range, with: " "), with: " "))
                .trimming(separatorsAndBrackets))
            // A date inside a bullet or a sentence ("worked there from 2015 to 2017") is not a position heading.
            let beforeDates = line.substring(to: span.range.location)
            if ResumeText.isBullet(lines[index]) && !bulletNamesAPosition(rest) || isProse(rest) || endsMidSentence(beforeDates)
                || continuesWrappedSentence(lines[index], after: index > 0 ? lines[index - 1] : "")
            {
                continue
            }
            // "01/03/2019 – CURRENT Vienna, Austria" (Europass): a place after the dates that open the line
            // names no title or company; the names are on the lines under it, as under dates alone.
            let datesThenPlace = !beforeDates.contains(where: \.isLetter) && Places.namesOnlyKnownPlaces(rest)
            if ResumeText.words(rest).count >= 2, !isProse(rest), !datesThenPlace {
                fill(&position, from: [rest])
                if position.title != nil, !ResumeText.contains(rest, " at "),
                    let above = lineNextToDates(index, offset: -1, heading: rest, lines: lines, candidates: candidates,
                        dateLines: dateLineSet, map: map, employerInCapitals: true), !used.contains(above),
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
                // "HSBC   Jun 2021 – Present" / "Position: Cyber Security Analyst" / "Location: Kowloon Bay, Hong Kong":
                // labelled fields under a heading line with its dates.
                for other in (index + 1)..<min(lines.count, index + 5) {
                    guard candidates.contains(other), !lines[other].isEmpty, !dateLineSet.contains(other),
                        !map.isHeading(other), !ResumeText.isBullet(lines[other])
                    else { break }
                    if used.contains(other) { continue }
                    // "Defense Logistics Agency   10/2019 - Present" / "Fort Belvoir, VA" / "Hours per week: 40" /
                    // "Logistics Management Specialist" (USAJOBS): the title under the details.
                    if position.title == nil, !lines[other].utf8.contains(UInt8(ascii: ":")), isNamePart(lines[other]),
                        JobTitles.looksLikeTitle(lines[other]), Places.location(in: lines[other]) == nil
                    {
                        position.title = lines[other]
                        used.insert(other)
                        continue
                    }
                    guard namesThePositionsField(lines[other]) else { continue }
                    fill(&position, from: [lines[other]])
                    used.insert(other)
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
                } else if let next = (index + 1..<min(index + 3, lines.count)).first(where: { !lines[$0].isEmpty }), candidates.contains(next),
                    !used.contains(next), labelledPlace(lines[next]) != nil
                {
                    // "January 1, 2019 - Continuing" / "Company Location : Dhaka" (Bdjobs): a labelled place under the dates.
                    town = next
                }
                used.formUnion(nearby)
                // "2016 – 2019    Analyst" / "Contoso Bank, Da Nang": one title word beside the dates is the title.
                let titleBesideDates = !rest.isEmpty && ResumeText.words(rest).count == 1 && JobTitles.looksLikeTitle(rest)
                fill(&position, from: (titleBesideDates ? [rest] : []) + nearby.map { lines[$0] })
                if let town, position.location == nil {
                    position.location = labelledPlace(lines[town]) ?? Places.location(in: lines[town], allowBareCity: true)
                    used.insert(town)
                }
                // "Jan 2022 – present, Wrocław": the place beside the dates.
                if position.location == nil, !rest.isEmpty, let place = Places.placeInPlaceSlot(rest) { position.location = place }
            }
            employerInBracketsOverClient(&position)
            if position.title != nil || position.company != nil, !namesNoJobHeld(position) { positions.append(position) }
        }
        inheritEmployerOfTitlesBelowIt(&positions, lines: lines)
        inheritEmployerOverItsTenure(&positions, lines: lines, candidateLines: candidateLines)
        positions += undatedPositions(lines: lines, candidateLines: candidateLines, used: used, map: map)
            .filter { !restatesDatedPosition($0, in: positions) && !namesNoJobHeld($0) }
        let sectionText = candidateLines.map { lines[$0] }
        let clients = clientNames(in: sectionText)
        for index in positions.indices {
            positions[index].title = positions[index].title.map { withoutNoteInBrackets(withoutOccasion(withoutStatusPlace($0))) }
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

    /// "Senior Accountant, KPMG (Nairobi), 2019 – present": trimming what the dates left took the
    /// bracket that closes the town; it goes back.
    static func withBracketedTownClosed(_ rest: String) -> String {
        guard let open = rest.lastIndex(of: "("), !rest[open...].contains(")"),
            case let town = String(rest[rest.index(after: open)...]), !ResumeText.isAllCaps(town), Places.isKnownCity(town)
        else { return rest }
        return rest + ")"
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
        // "2019 – 2021    Senior Analyst" / "Fabrikam Ltd, Hanoi" / "2016 – 2019    Analyst": with the
        // dates first, the name under a dated title is its own.
        guard let next = lines.indices.dropFirst(line + 1).first(where: { !lines[$0].isEmpty }), dateLines.contains(next),
            let span = DateRanges.spans(in: lines[next]).first,
            (lines[next] as NSString).substring(to: span.range.location).contains(where: \.isLetter)
        else { return false }
        return employerHeading(lines[line]) != nil
    }

    /// "Jan 2020 – Present (FIFO 8/6)", "2019 – 2021 (remote)": a bracketed aside after the dates says how
    /// the job was worked, and names nothing.
    static func withoutAsideAfterDates(_ rest: String) -> String {
        let trimmed = rest.trimming(.whitespaces)
        guard trimmed.hasPrefix("("), trimmed.hasSuffix(")"), trimmed.dropFirst().firstIndex(of: "(") == nil else { return rest }
        let words = ResumeText.alphanumericTokens(trimmed)
        return trimmed.contains(where: \.isNumber) || words.allSatisfy(workArrangements.contains) ? "" : rest
    }

    static let workArrangements: Set<String> = [
        "remote", "hybrid", "onsite", "on", "site", "part", "full", "time", "contract", "freelance", "internship", "fifo", "dido",
        "seasonal", "temporary", "temp", "permanent", "casual", "maternity", "cover", "locum", "volunteer", "voluntary",
    ]

    /// "• Senior Analyst, Fabrikam Ltd (2019–2021)": a bullet that names a title and its employer, no
    /// sentence, is a position listed as a bullet.
    static func bulletNamesAPosition(_ rest: String) -> Bool {
        guard ResumeText.words(rest).count <= 10 else { return false }
        var probe = Position(start: nil, end: nil, current: false, line: 0)
        fill(&probe, from: [rest])
        guard let title = probe.title, probe.company != nil else { return false }
        return JobTitles.looksLikeTitle(title)
    }

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
    /// "Summer 2015   Intern, Arak Petrochemical Company, Arak", "2009  Trainee Engineer, Contoso, Pune": one
    /// date opening a line, before a title and its employer, dates a position held that once.
    static func headingAfterOneDate(_ line: String) -> DateSpan? {
        // (Cheap refusals first: a digit, a season or a month opens the line, which has a comma and digits.)
        guard let first = line.utf8.first, line.utf8.contains(UInt8(ascii: ",")),
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) && opensWithSeasonOrMonth(line),
            DateRanges.hasDigits(line),
            let match = DateRanges.singlePattern.firstMatch(in: line), match.range.location == 0,
            let start = DateRanges.date(from: match.groups[1...DateRanges.groupsPerDate], isEnd: false),
            let end = DateRanges.date(from: match.groups[1...DateRanges.groupsPerDate], isEnd: true)
        else { return nil }
        let rest = (line as NSString).substring(from: match.range.location + match.range.length).trimming(separatorsAndBrackets)
        guard let title = rest.split(separator: ",").first.map({ $0.trimming(.whitespaces) }), JobTitles.looksLikeTitle(title),
            rest.split(separator: ",").count >= 2, !isProse(rest), !DateRanges.containsDate(rest)
        else { return nil }
        return DateSpan(start: start, end: end, range: match.range)
    }

    static func opensWithSeasonOrMonth(_ line: String) -> Bool {
        let word = line.prefix { $0.isLetter }.lowercased()
        return word.count >= 3 && (DateRanges.seasonMonths[word] != nil || DateRanges.monthNumber(word) != nil)
    }

    /// "Employer: Barilla S.p.A.", "Position: Analyst", "Location: Kowloon Bay": a labelled field of the
    /// position; a client ("Client: Contoso") is no field of its own.
    static func namesThePositionsField(_ line: String) -> Bool {
        guard line.utf8.contains(UInt8(ascii: ":")), let match = labelledField.firstMatch(in: line) else { return false }
        return match.groups[1]?.lowercased() != "client"
    }

    static func headingWithOneMonth(_ line: String) -> DateSpan? {
        guard let span = DateRanges.trailingMonth(in: line) else { return nil }
        let before = (line as NSString).substring(to: span.range.location).trimming(separatorsAndOpeningBracket)
        guard ResumeText.words(before).count >= 2, !isProse(before), !endsMidSentence(before) else { return nil }
        return span
    }

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
        // ("Our Lady of Peace Hospital", "Our Lady's Convent": a Catholic institution's name.)
        if let first = words.first, firstPersonWords.contains(String(first)), words.count > 1, !words[1].hasPrefix("Lady") { return true }
        return words.count > 12 && !isRowOfShortFields(line) || ResumeText.isBullet(line) || line.hasSuffix(".") && words.count > 6
    }

    /// "Guest Relations Agent | Mövenpick Hotel du Lac Tunis | Les Berges du Lac, Tunis": fields set apart
    /// by pipes, each a name, however many words they make together.
    static func isRowOfShortFields(_ line: String) -> Bool {
        guard line.utf8.contains(UInt8(ascii: "|")) else { return false }
        let fields = line.split(separator: "|")
        return fields.count >= 3 && fields.allSatisfy { ResumeText.words(String($0)).count <= 7 }
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
                if text.isEmpty || text.utf8.contains(UInt8(ascii: ":")) && federalDetail.firstMatch(in: text)?.range.location == 0 { continue }
                // "05/2019 – today" / "Engineer" / "Contoso GmbH" / "01/2016 – 04/2019": the lines above the
                // second dates are the first position's, which took them.
                // "➢ Fraud & Payments Analyst — Betsson Group" / "March 2023 – Present": a bullet right above
                // the dates that names a title and its employer heads the position, as it would unmarked.
                let headingBullet = abs(other - index) == 1 && ResumeText.isBullet(text) && !dateLines.contains(other)
                    && !taken.contains(other) && bulletNamesAPosition(ResumeText.strippingBullet(text))
                if !headingBullet, dateLines.contains(other) || taken.contains(other) || isProse(text) { break }
                found.append(other)
                if found.count == 2 { break }
            }
            return found
        }
        let before = collect(stride(from: index - 1, through: index - 6, by: -1)).reversed()
        if before.count == 2 { return Array(before) }
        var after = collect(stride(from: index + 1, through: index + 6, by: 1))
        // "Policy Advisor — City of Utrecht" / "January 2019 – present" / "Project Manager — Arcadis" /
        // "March 2015 – …": names right above the next dates are that position's, not this one's.
        // A blank line between sets this position's lines apart from those.
        if !before.isEmpty, var last = after.last,
            let next = lines.indices.dropFirst(last + 1).first(where: { !lines[$0].isEmpty }), dateLines.contains(next)
        {
            after.removeLast()
            while let previous = after.last, previous + 1 == last {
                after.removeLast()
                last = previous
            }
        }
        var nearby = Array(before) + after.prefix(2 - before.count)
        // "Dates … / Position: … / • Main activities … / Employer: …" (Europass): a labelled field further
        // down the block, past the activities, is still this position's.
        for other in (index + 1)..<min(lines.count, index + 9) {
            guard candidates.contains(other), !dateLines.contains(other), !taken.contains(other), !map.isHeading(other) else { break }
            if !nearby.contains(other), namesThePositionsField(lines[other]) { nearby.append(other) }
        }
        return nearby
    }

    /// The first non-empty line after (`offset` 1) or before (-1) a date line whose `heading` is the
    /// rest of it, when it is a short name line of the same section (not a heading, another date line,
    /// a bullet or a sentence).
    /// `employerInCapitals`: "AGILITY LOGISTICS" / "Senior Customs Broker — Aqaba — May 2019 to date": the
    /// line above a dated title may be its employer in capitals, when it is no heading's words.
    static func lineNextToDates(
        _ index: Int, offset: Int, heading: String, lines: [String], candidates: Set<Int>, dateLines: Set<Int>, map: SectionMap,
        employerInCapitals: Bool = false
    ) -> Int? {
        guard let other = stride(from: index + offset, through: index + 2 * offset, by: offset)
            .first(where: { lines.indices.contains($0) && !lines[$0].isEmpty }),
            candidates.contains(other), !dateLines.contains(other), !map.isHeading(other), !isProse(lines[other]),
            isNamePart(lines[other]),
            // "Dean's List  Fall 2013 – Spring 2014" / "ON CAMPUS INVOLVEMENT": capitals next to a line
            // that has none are a section's heading, whatever the section map made of them.
            !ResumeText.isAllCaps(lines[other]) || ResumeText.isAllCaps(heading)
                || employerInCapitals && SectionsAnalyzer.headingKind(lines[other], styled: true) == nil
                && !JobTitles.namesATopic(lines[other]) && JobTitles.titleScore(lines[other]) < 0.45
        else { return nil }
        return other
    }
}
