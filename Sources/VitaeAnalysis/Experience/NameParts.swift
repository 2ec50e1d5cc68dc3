import Foundation

/// What a part of a line is: a name at all, a company, a title (O*NET title words), and the labels,
/// grades and durations cut off names.
extension ExperienceAnalyzer {
    /// A part that can be a title or a company at all: not a date, a link, a label or a sentence.
    static func isNamePart(_ text: String) -> Bool {
        guard text.contains(where: \.isLetter), !DateRanges.containsDate(text), !DateRanges.presentAtStart.contains(text) else {
            return false
        }
        // "5 years 2 months", "less than a year": LinkedIn's time at an employer.
        if text.first?.isNumber == true || text.first == "l" || text.first == "(", durationOnly.contains(text) { return false }
        // "Team Size: 15", "Technologies: Java": a label and its value, not a name.
        // An e-mail address is no name either; "Software Developer @ Clio" uses "@" for "at".
        if text.utf8.contains(UInt8(ascii: ":")) || text.hasPrefix("www.") { return false }
        if text.utf8.contains(UInt8(ascii: "@")), ContactAnalyzer.emailPattern.firstMatch(in: text) != nil { return false }
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
        if monthOnly.contains(text) || Places.isRegion(text) || Places.isMarketRegion(text)
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
    /// "Hours per week: 40", "Series: 0346  Pay Grade: GS-12", "Supervisor: …" (USAJOBS): a federal
    /// resume's details of a position, between its employer and its title.
    static let federalDetail = Pattern(
        "^(?:hours per week|salary|series|pay grade|grade|pay plan|supervisor|okay to contact|may we contact|duties, accomplishments)[^:]{0,30}:",
        caseInsensitive: true, literals: [":"])

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
    /// "5 years 2 months", "11 months", "less than a year": a time spent, LinkedIn's line under an employer.
    static let durationOnly = Pattern(
        "^\\(?(?:\\d+\\s+(?:years?|yrs?|months?|mos?)(?:\\s+\\d+\\s+(?:months?|mos?))?|less than a year)\\)?$",
        caseInsensitive: true)

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
            // "Acme, Inc.", "Siemens, s.r.o.", "Contoso, S.A.": a legal form after a comma is the name's.
            if let last = merged.last, Organizations.companySuffixes.contains(part.lowercased()) || Organizations.dottedLegalForm(part.lowercased()) {
                merged[merged.count - 1] = last + ", " + part
            } else {
                merged.append(part)
            }
        }
        return merged
    }
}
