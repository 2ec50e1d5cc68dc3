import Foundation

/// The headline under the name ("Test Analyst at Oracle") as the current position, when the experience
/// section words it otherwise or not at all.
extension ExperienceAnalyzer {
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
        let otherWords = singularWords(of: otherTitle)
        if singularWords(of: title).isSubset(of: otherWords) { return true }
        // "Assistant Professor of Hydrology", "Process Engineer, Photolithography": the headline's role
        // before its field is the position's title.
        guard let cut = headlineFieldStart.firstMatch(in: title), cut.range.location > 0 else { return false }
        let role = (title as NSString).substring(to: cut.range.location)
        return ResumeText.words(role).count >= 2 && singularWords(of: role).isSubset(of: otherWords)
    }

    static let headlineFieldStart = Pattern("\\s+(?:of|in|for)\\s+|\\s*,\\s*|\\s+[-–—]\\s+|\\s*\\(", literals: [" of ", " in ", " for ", ",", "-", "–", "—", "("])

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
}
