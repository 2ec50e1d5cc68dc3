import Foundation
import VitaeEngine
import VitaeExtraction

/// Finds the skills a resume names, against the shipped taxonomy (O*NET, ESCO and curated aliases),
/// plus the items of skills sections the taxonomy does not know.
public struct SkillsAnalyzer: Analyzer {
    public static let name = "skills"
    public static let summary = "finds skills from the taxonomy, with aliases and context rules for R, C, Go (options: includeUnlistedItems, scope)"

    public struct FoundSkill: Codable, Sendable, Hashable {
        public var name: String
        public var category: String
        /// How many times the resume names it.
        public var mentions: Int
        /// Its first mention as the resume writes it, when that is not `name` ("MS Office" for
        /// Microsoft Office, "GCP" for Google Cloud Platform).
        public var written: String?

        public init(name: String, category: String, mentions: Int, written: String? = nil) {
            self.name = name
            self.category = category
            self.mentions = mentions
            self.written = written.flatMap { $0.lowercased() == name.lowercased() ? nil : $0 }
        }
    }

    public struct Output: Codable, Sendable {
        public var skills: [FoundSkill]
    }

    public struct Options: Decodable, Sendable {
        /// Where taxonomy skills are looked for.
        public enum Scope: String, Decodable, Sendable {
            /// Anywhere in the resume: "built with Kafka" in a bullet counts.
            case document
            /// Only in skills sections (and the whole text when there is none): what the candidate lists.
            case skillsSections
        }

        /// Also report skills-section items the taxonomy does not know (category "Other").
        public var includeUnlistedItems: Bool = true
        /// `skillsSections` by default: the skills a candidate lists are the ones labelled sets mark, and
        /// measured better on all three (dev 0.664 -> 0.692, unseen 0.945 -> 0.955, sealed 0.881 ->
        /// 0.894 F1). Job matching reads every mention in the text either way.
        public var scope: Scope = .skillsSections
        /// In `document` scope, when the resume has a skills section: how many times a skill that
        /// section does not list must be named elsewhere to count. A passing mention ("worked with
        /// the SAP team", "posted on Facebook") is weak evidence; a skill used across positions is not.
        public var minimumMentionsOutsideSkillsSections: Int = 2

        public init(includeUnlistedItems: Bool = true, scope: Scope = .skillsSections, minimumMentionsOutsideSkillsSections: Int = 2) {
            self.includeUnlistedItems = includeUnlistedItems
            self.scope = scope
            self.minimumMentionsOutsideSkillsSections = minimumMentionsOutsideSkillsSections
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            includeUnlistedItems = try container.decodeIfPresent(Bool.self, forKey: .includeUnlistedItems) ?? true
            scope = try container.decodeIfPresent(Scope.self, forKey: .scope) ?? .skillsSections
            minimumMentionsOutsideSkillsSections =
                try container.decodeIfPresent(Int.self, forKey: .minimumMentionsOutsideSkillsSections) ?? 2
        }

        enum CodingKeys: String, CodingKey { case includeUnlistedItems, scope, minimumMentionsOutsideSkillsSections }
    }

    let options: Options

    public init(options: Options) { self.options = options }

    public func analyze(_ input: AnalyzerInput) async throws -> Output {
        let map = SectionMap(input)
        let cleanLines = ResumeText.cleanLines(input)
        // Indeed's "Additional Information" holds "Skills: Java, WPF, …" lines under no skills heading.
        let languageRows = Self.languageRowsNamingSkills(map: map, lines: cleanLines)
        let sectionLines = languageRows.isEmpty ? map.lines(of: .skills) : (map.lines(of: .skills) + languageRows).sorted()
        let inSections = Set(sectionLines)
        // Tool lists only add to a skills section: on their own they would make every other mention
        // of a skill need a second one.
        let labelledLists = SkillLists.withContinuations(cleanLines.indices.filter {
            !inSections.contains($0)
                && (SkillLists.isLabelledSkillsList(cleanLines[$0]) || !sectionLines.isEmpty && SkillLists.isLabelledToolList(cleanLines[$0]))
        }, lines: cleanLines).filter { !inSections.contains($0) }
        // Positions after a "Key Skills" heading typed between them are no skills list.
        let skillsSectionLines = labelledLists.isEmpty ? sectionLines : (sectionLines + labelledLists).sorted()
        let positionLines = Set(ExperienceAnalyzer.positionBlocks(in: skillsSectionLines, lines: cleanLines))
        let skillLineList = positionLines.isEmpty ? skillsSectionLines : skillsSectionLines.filter { !positionLines.contains($0) }
        let lines = SkillLists.joiningWrappedItems(cleanLines, skillLines: skillLineList)
        let skillLines = Set(skillLineList)
        // In `skillsSections` scope a skill must be listed, and its mentions are still counted everywhere.
        let minimumMentionsOutside = skillLines.isEmpty ? 1
            : options.scope == .skillsSections ? Int.max : options.minimumMentionsOutsideSkillsSections
        var found = Self.taxonomySkills(
            lines: lines, isListLine: { skillLines.contains($0) },
            minimumMentionsOutside: minimumMentionsOutside, listedIn: skillLines,
            unlessListed: Self.employers(input.results[ExperienceAnalyzer.self]?.experience ?? []))
        if options.includeUnlistedItems {
            let known = Set(found.map { $0.name.lowercased() })
            var listedTaxonomySkills: [String: FoundSkill] = [:]
            var extra: [String: FoundSkill] = [:]
            var laterItems: Set<String> = []
            // "gRPC<TAB>AWS<TAB>ECS<TAB>Lambda" is a list as "gRPC, AWS, ECS, Lambda" is.
            let listLines = lines.indices.map { SkillLists.listAtTabs(input.document.lines[$0].text, cleaned: lines[$0]) }
            let listedRows = languageRows.filter { SkillLists.isListLine(listLines[$0]) }
            for index in Self.listedLines(map: map, lines: listLines) + labelledLists + listedRows where !positionLines.contains(index) {
                // "Microsoft IT - India, BI CoE (Feb 2005 - June 2008)": a position's heading under a
                // "Key Skills" heading typed inside the position before it lists no skills.
                if SkillLists.hasYear(lines[index]), !DateRanges.spans(in: lines[index]).isEmpty { continue }
                if SkillLists.headsBulletedList(index, lines: lines) { continue }
                let line = SkillLists.withoutDashLabel(listLines[index])
                let isSentence = SkillLists.startsLikeASentence(line)
                for (position, item) in SkillLists.items(in: line).enumerated() where SkillLists.isPlausibleSkill(item) {
                    if let skill = SkillLists.knownSkill(item) {
                        // "sql, dns" as items of a skills list are SQL and DNS, though the scan wants
                        // short names in capitals; ambiguous names ("go") keep their exact-case rule.
                        if !skill.isAmbiguous, !known.contains(skill.name.lowercased()) {
                            listedTaxonomySkills[skill.name, default: FoundSkill(name: skill.name, category: skill.category, mentions: 0, written: item)]
                                .mentions += 1
                        }
                        continue
                    }
                    let key = item.lowercased()
                    guard !known.contains(key), !isSentence, !SkillLists.isRunOfKnownSkills(item) else { continue }
                    extra[key, default: FoundSkill(name: item, category: "Other", mentions: 0)].mentions += 1
                    // The first item of a row may carry the row's label ("Scripting PowerShell").
                    if position > 0 { laterItems.insert(key) }
                }
            }
            // "Firewall" and "Firewalls", "Iterative" and "Iterative model": an item and its plural, or the
            // item with a word for a method after it, are one skill.
            for (key, skill) in extra {
                guard let base = SkillLists.baseName(of: skill.name), extra[base] != nil || known.contains(base) else { continue }
                extra[base]?.mentions += skill.mentions
                extra[key] = nil
            }
            // "Facebook Ads", "Skype For Business", "Creative Problem Solving": a known name that is only ever
            // part of a longer listed name is a part of that name, as "SQL" is of "SQL Server", no skill of its own.
            var parts: [String: Int] = [:]
            for (key, item) in extra {
                if let part = SkillLists.partSkill(of: item.name, lastWordsToo: laterItems.contains(key)) { parts[part.name, default: 0] += item.mentions }
            }
            if !parts.isEmpty { found.removeAll { skill in parts[skill.name].map { $0 >= skill.mentions } ?? false } }
            found += listedTaxonomySkills.values.sorted { $0.name < $1.name } + extra.values.sorted { $0.name < $1.name }
        }
        return Output(skills: found)
    }

    /// "Software Developer, Facebook", "Oracle India Pvt Ltd": the employers' names, lower-cased and
    /// without their legal form. A product that is also the employer, or part of its name ("the
    /// Facebook web application", "Microsoft GPS"), is a skill only when the resume lists it; working
    /// at Oracle is no Oracle skill.
    static func employers(_ positions: [ExperienceAnalyzer.Position]) -> Set<String> {
        Set(positions.compactMap(\.company).map { company in
            ResumeText.words(company).filter { !Organizations.companySuffixes.contains($0.lowercased()) }
                .joined(separator: " ").lowercased()
        })
    }

    /// "GPS" of "Microsoft GPS", "Oracle" of "Oracle India": `name` is the whole of one of `employers`
    /// (lower-cased words) or a run of its words.
    static func names(_ name: String, partOf employers: Set<String>) -> Bool {
        guard !employers.isEmpty else { return false }
        let words = " " + name.lowercased() + " "
        return employers.contains { (" " + $0 + " ").contains(words) }
    }

    /// "Front End Tool" / "Languages" / "Database FOXPRO 6.22" / "Concepts OOP'S, Networking, DBMS": a
    /// Languages heading whose rows (up to the first blank line) name taxonomy skills heads programming
    /// languages and tools, rows of the skills table around it; spoken languages are none of the
    /// taxonomy's. Those rows' indices.
    static func languageRowsNamingSkills(map: SectionMap, lines: [String]) -> [Int] {
        var rows: [Int] = []
        for section in map.sections where section.kind == .languages {
            guard let body = section.bodyLines else { continue }
            let table = body.drop(while: { lines[$0].isEmpty }).prefix(while: { !lines[$0].isEmpty })
            let namesSkill = table.contains { index in
                SkillTaxonomy.shared.hits(in: SkillTokenizer.tokens(in: lines[index], line: 0), isListLine: { _ in true })
                    .contains { !SkillTaxonomy.shared.skills[$0.skill].isAmbiguous }
            }
            if namesSkill { rows += table }
        }
        return rows
    }

    /// The list lines of each skills section, up to the first line of prose: a skills heading with no
    /// heading after it must not turn the rest of the resume into "skills".
    static func listedLines(map: SectionMap, lines: [String]) -> [Int] {
        var listed: [Int] = []
        for section in map.sections where section.kind == .skills {
            guard let body = section.bodyLines else { continue }
            var continuesList = false
            for index in body where !lines[index].isEmpty {
                // "➢ Switching: CST, PVST, Inter-VLAN Routing," / "SPAN/RSPAN, Ether channel or Port Bundling
                // using static and dynamic protocol (PAgP and LACP)": a list line ending in a comma goes on
                // on the next line, however long that line is; and a long line ending in a comma before a
                // list line ("➢ Routing: protocols such as Static routing," / "RIP, EIGRP, OSPF.") starts one.
                let next = index + 1 < lines.count ? lines[index + 1] : ""
                if SkillLists.isListLine(lines[index]) || continuesList || SkillLists.isLabelledEntry(lines[index])
                    || lines[index].hasSuffix(",") && !next.isEmpty && SkillLists.isListLine(next)
                {
                    listed.append(index)
                    continuesList = lines[index].hasSuffix(",")
                } else if ResumeText.words(lines[index]).count > 8 {
                    // "Traffic Generation Tools Traffic tools IXIA Iexplore and Smart Bit": a long row of
                    // a skills table (a label run into its names) is no prose; the rows after it list more.
                    if SkillLists.readsAsProse(lines[index]) { break }
                }
            }
        }
        return listed
    }

    /// Taxonomy skills in `lines`, most mentioned first; a skill with no mention on a `listedIn`
    /// line needs `minimumMentionsOutside` mentions.
    public static func taxonomySkills(
        lines: [String], isListLine: (Int) -> Bool = { _ in false }, minimumMentionsOutside: Int = 1, listedIn: Set<Int> = [],
        unlessListed excluded: Set<String> = []
    ) -> [FoundSkill] {
        let taxonomy = SkillTaxonomy.shared
        var tokens: [SkillToken] = []
        for (index, line) in lines.enumerated() where !line.isEmpty {
            tokens += SkillTokenizer.tokens(in: SkillLists.withoutListLabel(line), line: index)
        }
        // "Port Operating System (POS)": the resume's own POS is no point-of-sale software.
        let definedOtherwise = taxonomy.acronymsDefinedOtherwise(in: tokens)
        for index in tokens.indices where definedOtherwise.contains(tokens[index].folded) {
            tokens[index].folded = ""
        }
        var counts: [Int: Int] = [:]
        var firstSeen: [Int: Int] = [:]
        var firstWritten: [Int: String] = [:]
        var listed: Set<Int> = []
        for (order, hit) in taxonomy.hits(in: tokens, isListLine: isListLine).enumerated() {
            counts[hit.skill, default: 0] += 1
            if firstSeen[hit.skill] == nil {
                firstSeen[hit.skill] = order
                firstWritten[hit.skill] = hit.written
            }
            if listedIn.contains(hit.line) { listed.insert(hit.skill) }
        }
        return counts.keys.filter {
            listed.contains($0) || counts[$0]! >= minimumMentionsOutside && !names(taxonomy.skills[$0].name, partOf: excluded)
        }
            .sorted { (counts[$0]!, -firstSeen[$0]!) > (counts[$1]!, -firstSeen[$1]!) }
            .map {
                FoundSkill(name: taxonomy.skills[$0].name, category: taxonomy.skills[$0].category, mentions: counts[$0]!, written: firstWritten[$0])
            }
    }
}

/// Splitting skill lists into items, shared by the skills analyzer and the evaluation.
public enum SkillLists {
    static let leadingHeading = Pattern("^[^:]{1,40}:\\s*", literals: [":"])
    /// "Library and tool: - Tensorflow": what is left between a label and its list.
    static let labelDashes = TrimSet(charactersIn: " -–")
    static let duration = Pattern("\\(\\s*(?:less than\\s*)?\\d+\\+?\\s*(?:years?|yrs?|months?)\\s*\\)", caseInsensitive: true, literals: ["("])
    static let itemSeparators = Pattern("\\s*(?:[,;|/()•●▪❑➢·\\[\\]]|\\s-\\s)\\s*")
    /// "Java and Spring": "and" before a capitalised word joins two items.
    static let andBeforeName = Pattern("\\s*\\band\\s+(?=[A-Z])", literals: ["and"])

    /// Items of one list line: "Languages: Java, C++ (3 years) | Go" -> ["Java", "C++", "Go"].
    public static func items(in line: String) -> [String] {
        var text = ResumeText.strippingBullet(line)
        text = duration.replacing(in: text, with: " ")
        if let heading = leadingHeading.firstMatch(in: text), heading.range.location == 0 {
            text = String(text.dropFirst(heading.text.count))
        }
        if text.utf8.contains(UInt8(ascii: "/")) { text = acronymSlash.replacing(in: text, with: "\u{2}") }
        return itemSeparators.replacing(in: text, with: "\u{1F}").split(separator: "\u{1F}")
            .flatMap { piece -> [Substring] in
                // "Good Communication Skills in English and Hindi", "Good Analytical Ability and Logical
                // Reasoning": what "and" joins to a claim is part of the claim, no item of its own.
                let text = String(piece)
                guard text.utf8.count > 4, ResumeText.contains(text, "and"), !isClaim(ResumeText.words(text.lowercased())) else { return [piece] }
                return andBeforeName.replacing(in: String(piece), with: "\u{1F}").split(separator: "\u{1F}")
            }
            .map { trimmingDanglingWords(trimmedItem($0)) }
            .filter { !$0.isEmpty }
            .map { $0.replacingOccurrences(of: "\u{2}", with: "/") }
    }

    /// " .NET (2 years)" -> ".NET", "Operating System." -> "Operating System": an item without the
    /// spaces, dashes, stars, colons and periods around it, but a period starting a name stays its own.
    static func trimmedItem(_ piece: Substring) -> String {
        let trimmed = piece.trimming(itemEdges)
        let start = piece.drop(while: { $0 == " " })
        guard start.hasPrefix("."), start.dropFirst().first?.isLetter == true else { return trimmed }
        return "." + trimmed
    }
    static let itemEdges = TrimSet(charactersIn: " .-–*:")

    /// "IDE: Eclipse, NetBeans", "• IDE's: Eclipse", "Databases: Oracle": a label that names a kind of
    /// tool before a colon says what the things listed after it are, so it is no mention of a skill
    /// (a resume that has the skill names it elsewhere too). A product or field as the label is one:
    /// "Microsoft Office: Word, Excel", "Social Media: Facebook", "Java: Spring". The line without
    /// its label; the line itself when the colon is followed by a level or a duration ("IDE: Expert",
    /// "Databases: 5 years") rather than a list.
    public static func withoutListLabel(_ line: String) -> String {
        // Labels are short: a colon far into the line is no label's (and most lines have none).
        guard let colon = line.utf8.prefix(48).firstIndex(of: UInt8(ascii: ":")) else { return line }
        guard isKindOfTool(String(line[..<colon])) else { return line }
        let text = ResumeText.strippingBullet(line)
        guard let colon = text.firstIndex(of: ":") else { return line }
        let label = String(text[..<colon])
        let rest = text[text.index(after: colon)...].trimming(.whitespaces)
        guard (1...3).contains(ResumeText.words(label).count), isKindOfTool(label), let first = rest.first,
            first.isLetter || first == "."
        else { return line }
        let restWords = rest.lowercased().split(whereSeparator: { !$0.isLetter })
        if let word = restWords.first, levelWords.contains(String(word)) { return line }
        if restWords.contains(where: { $0.hasPrefix("year") || $0.hasPrefix("month") || $0 == "yrs" }) { return line }
        return rest
    }

    /// "• Configuring and Troubleshooting L2 and L3 Ether channels on Cisco 3550, 3560 switches.",
    /// "* Designing/Architecting/Deploying apps using Azure, SQL Azure": a list line that is a sentence
    /// about the work, starting with a verb in -ing followed by "and", a slash or a lower-case word. Its
    /// taxonomy skills count; the fragments between its commas are no skills.
    public static func startsLikeASentence(_ line: String) -> Bool {
        let text = ResumeText.strippingBullet(line).drop(while: { !$0.isLetter })
        guard let first = text.first, first.isUppercase, text.utf8.count > 30 else { return false }
        let head = text.prefix(while: { $0.isLetter })
        guard head.count >= 6, head.hasSuffix("ing") else { return false }
        let after = text.dropFirst(head.count)
        if after.hasPrefix("/") || after.hasPrefix(" and ") { return true }
        // "Understanding of UART, AMBA protocol": knowledge of things, listed.
        guard after.hasPrefix(" "), let next = after.dropFirst().first, !after.hasPrefix(" of ") else { return false }
        return next.isLowercase
    }

    /// "Methodologies - Iterative, Agile model", "Technologies -SQL Server, SSRS": a label of one to
    /// three capitalised words (and ampersands) before a dash, followed by a comma list, as "Label: list"
    /// (the label is no item). Only for the analyzer's items; the evaluation splits labels by its own
    /// fixed rules.
    public static func withoutDashLabel(_ line: String) -> String {
        // Character scan, no regex: this runs on every list line.
        guard line.utf8.contains(UInt8(ascii: ",")), !line.utf8.contains(UInt8(ascii: ":")) else { return line }
        let start = line.firstIndex(where: \.isLetter) ?? line.endIndex
        guard start < line.endIndex, line.distance(from: line.startIndex, to: start) <= 3, line[start].isUppercase,
            let dash = line[start...].firstIndex(where: { $0 == "-" || $0 == "–" }), line.distance(from: start, to: dash) <= 40
        else { return line }
        let label = line[start..<dash]
        // "SDLC & Test Methodologies -": the ampersand is no word of the label.
        guard label.last == " ", label.allSatisfy({ $0.isLetter || $0 == " " || $0 == "&" }),
            (1...3).contains(label.split(separator: " ").filter({ $0 != "&" }).count)
        else { return line }
        let rest = line[line.index(after: dash)...].drop(while: { $0 == " " })
        guard let first = rest.first, first.isLetter || first == "." else { return line }
        return String(rest)
    }

    /// "Skills: Java, WPF, CoreNLP", "• Secondary Skills: HTML, JSP": a comma list labelled as skills
    /// is one wherever it stands.
    static func isLabelledSkillsList(_ line: String) -> Bool {
        guard line.utf8.contains(UInt8(ascii: ",")), let label = leadingLabel(line), (1...3).contains(label.words.count),
            let last = label.words.last
        else { return false }
        return last == "skills" || last == "skill"
    }

    /// "Skills: Java, WPF, CoreNLP," / "SOLID" / "programming, OOPs, NLP": a list goes on after a line
    /// ending in a comma, and on a line that starts in lower case (the rest of a wrapped item) and lists.
    /// `starts` with the lines that continue them, in order.
    static func withContinuations(_ starts: [Int], lines: [String]) -> [Int] {
        var listed: [Int] = []
        for start in starts where listed.last.map({ $0 < start }) ?? true {
            listed.append(start)
            var index = start + 1
            while index < lines.count, !lines[index].isEmpty,
                lines[index - 1].hasSuffix(",") || lines[index].first?.isLowercase == true && isListLine(lines[index])
            {
                listed.append(index)
                index += 1
            }
        }
        return listed
    }

    /// "Operating systems: Windows 8, 10" under "Additional Information": a comma list labelled with a
    /// kind of tool that names a known skill lists more of the skills a skills section lists.
    static func isLabelledToolList(_ line: String) -> Bool {
        guard line.utf8.contains(UInt8(ascii: ",")), let label = leadingLabel(line), (1...3).contains(label.words.count),
            isKindOfTool(label.words.joined(separator: " "))
        else { return false }
        return !SkillTaxonomy.shared.hits(in: SkillTokenizer.tokens(in: String(label.rest), line: 0), isListLine: { _ in true }).isEmpty
    }

    /// "❖ Testing Tool: IBM Rational …" -> (["testing", "tool"], "IBM Rational …"): the lower-cased words
    /// of the label a line starts with, and what follows its colon; nil when the line starts with none.
    static func leadingLabel(_ line: String) -> (words: [String], rest: Substring)? {
        // Most lines have no colon near their start: no regex for them (this runs on every line).
        guard line.utf8.prefix(64).contains(UInt8(ascii: ":")), let label = leadingHeading.firstMatch(in: line),
            label.range.location == 0
        else { return nil }
        let words = ResumeText.words(label.text).map { $0.lowercased().filter(\.isLetter) }.filter { !$0.isEmpty }
        return (words, line.dropFirst(label.text.count))
    }

    /// Four digits in a row: every date range has a year.
    static func hasYear(_ line: String) -> Bool {
        var run = 0
        for byte in line.utf8 {
            run = (48...57).contains(byte) ? run + 1 : 0
            if run == 4 { return true }
        }
        return false
    }

    /// "IDE", "IDE's", "Databases", "Operating Systems": a label naming a kind of tool, singular or plural.
    static func isKindOfTool(_ label: String) -> Bool {
        // Whatever bullet the line started with ("❖ IDE") is no part of the label.
        var folded = String(label.lowercased().drop(while: { !$0.isLetter })).trimming(.whitespaces)
        for suffix in ["'s", "’s", "s"] where folded.hasSuffix(suffix) && folded.count > suffix.count + 1 {
            folded.removeLast(suffix.count)
            break
        }
        return kindsOfTool.contains(folded)
    }

    static let kindsOfTool: Set<String> = [
        "ide", "database", "rdbms", "dbms", "operating system", "os", "version control", "web server", "application server",
        "server", "cloud", "tool", "framework", "platform", "testing tool", "build tool", "ci/cd tool",
        "language", "programming language", "scripting language", "technology", "web technology",
    ]

    static let levelWords: Set<String> = [
        "expert", "advanced", "intermediate", "beginner", "basic", "basics", "good", "excellent", "proficient", "fluent",
        "native", "familiar", "working", "strong", "moderate", "average",
    ]

    /// "A/B Testing", "CI/CD", "UI/UX", "PL/SQL", "TCP/IP": a slash between short capitals inside one
    /// name, not between two items ("HTML/CSS", "AWS/GCP", "C/C++" list two).
    static let acronymSlash = Pattern("(?<=\\b[A-Z]{1,2})/(?=[A-Z]{1,3}\\b(?![+#]))|(?<=\\b[A-Z]{3})/(?=[A-Z]{1,2}\\b(?![+#]))")

    /// A skills line whose parts stand apart at tabs (Word's tab stops and table cells, a PDF's wide
    /// gaps), as the item reader should see it. Cleaning turned each tab into a space:
    /// - "Cloud<TAB>AWS, GCP, Terraform", "Languages<TAB>Python Go Rust": the first part labels the
    ///   list in the second, read as "Cloud: AWS, GCP, Terraform";
    /// - "CI/CD<TAB>API Design<TAB>Feature Flags" (skills set as boxes in a PDF): each part is an
    ///   item, read as "CI/CD, API Design, Feature Flags".
    /// `cleaned` is the line as the analyzers read it; a line joined with another is left alone.
    static func listAtTabs(_ raw: String, cleaned: String) -> String {
        guard raw.utf8.contains(UInt8(ascii: "\t")), ResumeText.clean(raw) == cleaned else { return cleaned }
        let parts = raw.split(separator: "\t").map { ResumeText.clean(String($0)) }.filter { !$0.isEmpty }
        guard parts.count >= 2 else { return cleaned }
        if parts.count == 2, (1...3).contains(ResumeText.words(parts[0]).count), !parts[0].contains(":"),
            parts[1].contains(",") || isRunOfKnownSkills(parts[1])
        {
            return parts[0] + ": " + parts[1]
        }
        return parts.contains(where: { $0.contains(",") }) ? cleaned : parts.joined(separator: ", ")
    }

    /// "…, ENTERPRISE" / "RESOURCE PLANNING (2 years), …": Indeed writes skills as one paragraph of
    /// "Skill (n years)" items, wrapped wherever the line is full. A skills line with such items that
    /// ends inside one (not after ")" or ",") continues on the next line: the two are joined on the
    /// second (the first left empty, so line numbers stay and a third line can join on).
    ///
    /// The same holds for a plain comma list that fills the line: "…, Babel, Google Cloud" / "Platform,
    /// Firebase, …" (see `wrapsCommaList`).
    public static func joiningWrappedItems(_ lines: [String], skillLines: [Int]) -> [String] {
        var joined = lines
        let inSkills = Set(skillLines)
        let width = lineWidth(lines)
        for index in skillLines where inSkills.contains(index + 1) {
            let line = joined[index], next = joined[index + 1]
            guard let last = line.last, last != ")", last != ",", !next.isEmpty, !ResumeText.isBullet(next) else { continue }
            let wrapsDurationItem = (line.utf8.contains(UInt8(ascii: "(")) || next.utf8.contains(UInt8(ascii: "(")))
                && (duration.contains(line) || duration.contains(next))
            // The line as written, not as joined so far: one wrapped item does not make the joined line "full".
            guard wrapsDurationItem || wrapsCommaList(lines[index], next: next, lineWidth: width) else { continue }
            joined[index + 1] = line + " " + next
            joined[index] = ""
        }
        return joined
    }

    /// The longest line of the text, links aside: about the width the text was wrapped at.
    static func lineWidth(_ lines: [String]) -> Int {
        lines.lazy.filter { !ResumeText.contains($0, "http") && !ResumeText.contains($0, "www.") }.map(\.count).max() ?? 0
    }

    /// "JavaScript, …, Agile Development, Test-Driven" / "Development, Responsive Design": a list of
    /// short comma-separated items running to the width of the text and ending in a word, not a comma,
    /// was cut inside its last item, when the next line goes on with the list (more items, or a short
    /// end) rather than starting a labelled one. Shorter lines are groups of their own ("Java, Python,
    /// C++" / "MySQL, Oracle"); a sentence with commas ("In this project, we maintain …") is no list;
    /// a version ("… Biztalk Server 2013") ends an item.
    static func wrapsCommaList(_ line: String, next: String, lineWidth: Int) -> Bool {
        guard line.count >= 40, line.count * 10 >= lineWidth * 7, line.last?.isLetter == true,
            next.first?.isLetter == true, !next.utf8.contains(UInt8(ascii: ":")), !DateRanges.containsDate(next)
        else { return false }
        // "Library and tool: - Tensorflow, …, Artificial" / "Intelligence, …": the label is no item.
        var listed = line
        if let heading = leadingHeading.firstMatch(in: line), heading.range.location == 0 {
            listed = String(line.dropFirst(heading.text.count)).trimming(labelDashes)
        }
        let items = listed.split(separator: ",")
        guard items.count >= 3, items.allSatisfy({ ResumeText.words(String($0)).count <= 4 }) else { return false }
        return next.utf8.contains(UInt8(ascii: ",")) || ResumeText.words(next).count <= 4
    }

    /// "PERSONAL STRENGTHS" / "➢ Dedication towards work.", "Areas of Interest" / "➢ To perform …": a
    /// short line with no bullet and no separators, after a blank line and right above bulleted lines,
    /// set as a heading (in capitals, or with a heading word) heads the group those bullets make; it is
    /// no item. A plain group name there ("Network", "Data Security" / "➢ Switching: …") is a field
    /// the candidate lists, and stays.
    static func headsBulletedList(_ index: Int, lines: [String]) -> Bool {
        let line = lines[index]
        guard index > 0, lines[index - 1].isEmpty, !ResumeText.isBullet(line), ResumeText.words(line).count <= 3,
            !line.contains(where: { ",;|/()".contains($0) }),
            let next = lines[(index + 1)...].first(where: { !$0.isEmpty }), ResumeText.isBullet(next)
        else { return false }
        return ResumeText.isAllCaps(line) || SectionsAnalyzer.headingKind(line, styled: true) != nil
    }

    /// "❖ Testing Tool: IBM Rational Quality Management on Jazz Server": a label of a few words before a
    /// colon and what it names is an entry of the list, however long the name, not prose that ends it.
    static func isLabelledEntry(_ line: String) -> Bool {
        guard !hasLink(line), let label = leadingLabel(line), (1...4).contains(label.words.count) else { return false }
        let named = ResumeText.words(String(label.rest))
        return !named.isEmpty && !named.contains(where: { firstPersonWords.contains(String($0)) })
    }

    /// "https://www.indeed.com/r/…": a link is no list, and its "https:" no label. "HTTP, HTTPS, FTP"
    /// names protocols, no link.
    static func hasLink(_ line: String) -> Bool {
        ResumeText.contains(line, "://") || ResumeText.contains(line.lowercased(), "www.")
    }

    /// A line that lists things (separators, a bullet, or a few words) rather than prose.
    public static func isListLine(_ line: String) -> Bool {
        if hasLink(line) { return false }
        // "Java (Less than 1 year), SQL (2 years), …": in a list of such items the durations are not
        // words of the list.
        var listed = line
        if line.utf8.contains(UInt8(ascii: "(")), duration.matches(in: line).count >= 2 { listed = duration.replacing(in: line, with: " ") }
        let words = ResumeText.words(listed).count
        if words <= 4 { return true }
        // "In this project, we maintain all details about …": a sentence about the work, whatever its commas.
        if ResumeText.words(listed).contains(where: { firstPersonWords.contains(String($0)) }) { return false }
        // "Figma · FigJam · Maze": middle dots and round bullets part items too, when they are not the
        // bullet that opens the line (a leading "•" has always counted, and the short-list rules lean on it).
        let separators = line.filter { ",;|•".contains($0) }.count
            + ResumeText.strippingBullet(line).filter { "·●▪".contains($0) }.count
        return separators >= 1 && words <= separators * 6 + 6 || ResumeText.isBullet(line) && words <= 6
    }

    /// "HTML CSS Python", "Docker Kubernetes Terraform": three or more words that are mostly taxonomy
    /// skills with nothing between them (a list set in columns, or separated by spaces only) are those
    /// skills, which the taxonomy scan counts, not one more skill of that name. Two words are often
    /// one product named after two skills ("SOAP UI", "SQL Azure", "Selenium IDE").
    static func isRunOfKnownSkills(_ item: String) -> Bool {
        let words = ResumeText.words(item).count
        guard words >= 3 else { return false }
        let hits = SkillTaxonomy.shared.hits(in: SkillTokenizer.tokens(in: item, line: 0), isListLine: { _ in true })
        return hits.count >= 2 && hits.count * 2 >= words
    }

    static let firstPersonWords: Set<String> = ["I", "we", "We", "our", "Our", "my", "My"]

    /// "Worked on the migration of …", "Having knowledge in Energy & Health Care domains.": a sentence,
    /// which ends with a period or runs on lower-case words (in capitals, on "OF", "WITH", …). "ERP
    /// Packages Oracle Fusion Middleware and Oracle Fusion Application" names things in capitals, joined
    /// by "and" at most.
    public static func readsAsProse(_ line: String) -> Bool {
        let text = ResumeText.strippingBullet(line).trimming(.whitespaces)
        if text.hasSuffix(".") { return true }
        var running = 0
        for word in ResumeText.words(text) {
            if firstPersonWords.contains(String(word)) { return true }
            guard let first = word.first, first.isLetter, word != "and", word != "or" else { continue }
            if first.isLowercase || proseWords.contains(word.lowercased()) && word.allSatisfy({ !$0.isLowercase }) {
                running += 1
            }
        }
        return running >= 2
    }
    static let proseWords = sentencePrepositions.union(["of", "by", "from"])

    /// 1-4 words, some letters, not a sentence, a date, a place or a heading.
    public static func isPlausibleSkill(_ item: String) -> Bool {
        let words = ResumeText.words(item)
        guard (1...4).contains(words.count), item.count <= 40, item.contains(where: \.isLetter) else { return false }
        if item.utf8.contains(UInt8(ascii: "@")) || item.utf8.contains(UInt8(ascii: ":")) || ResumeText.contains(item, "://") || item.hasPrefix("www.") { return false }
        if DateRanges.containsDate(item), withoutVersionYear(item) == item { return false }
        if Places.isRegion(item) || SectionsAnalyzer.headingKind(item, styled: false) != nil { return false }
        if words.count >= 3, ResumeText.isAllCaps(item) { return false }
        let lower = item.lowercased()
        let lowerWords = lower.split(separator: " ")
        // "Familiar with Agile Methodologies", "Conversant with Zorptool": a sentence about skills; "Microsoft
        // Certified", "Android workshop", "Internship details": a certificate, an event, a heading.
        if isClaim(lowerWords) { return false }
        // "References available on request": the line that closes many resumes, under whatever section came last.
        for filler in ["years", "etc", "certified", "certification", "workshop", "details", "references", "request"]
        where lowerWords.contains(Substring(filler)) {
            return false
        }
        // "Fluent in Spanish", "Expert with Zorptool": a level claimed for something, no name of it.
        if lowerWords.count >= 3, levelWords.contains(String(lowerWords[0])), ["in", "with", "at"].contains(lowerWords[1]) { return false }
        // "Understanding of UART", "understanding Lease Line": a claim about knowing something; "working"
        // and "Advanced" alone are levels cut from their sentence.
        if lowerWords.count >= 2, lowerWords[0] == "understanding" { return false }
        if lowerWords.count == 1, levelWords.contains(String(lowerWords[0])) { return false }
        // "Angular (versions 2+)": which versions of the item before, no item.
        if lowerWords[0].hasPrefix("version"), item.contains(where: \.isNumber) { return false }
        // "StrongunderstandingofMicrosoftOffice": a sentence whose spaces the extraction lost.
        if words.count == 1, item.count > 20 { return false }
        // "Worked on SRM server", "Involved in testing": a verb in the past and its preposition start a
        // sentence ("Distributed Systems" and "Embedded C" are names).
        if lowerWords.count >= 2, lowerWords[0].hasSuffix("ed"), sentencePrepositions.contains(String(lowerWords[1])) { return false }
        // "Primary Skill category", "Domain Skill Telecom": a label about skills ("Leadership skill" is one).
        if lowerWords.dropLast().contains(where: { $0 == "skill" || $0 == "skills" }) { return false }
        // "Infosys Limited": an employer, not a skill.
        if let last = lowerWords.last, legalForms.contains(String(last)) { return false }
        return true
    }

    /// "MS Office 2007", "NoSQL databases", "Windows OS", "Agile model", "Database MySQL": the taxonomy skill an item
    /// names, with a version year, or a word for its kind of tool before or after the name (a
    /// table's label whose gap the text lost); the item is that skill, not one more of its own.
    static func knownSkill(_ item: String) -> Skill? {
        let taxonomy = SkillTaxonomy.shared
        let name = withoutVersionYear(item)
        if let skill = taxonomy.skill(named: name) { return skill }
        let words = name.split(separator: " ")
        guard words.count >= 2 else { return nil }
        if isKindOfTool(String(words.last!)) || methodWords.contains(words.last!.lowercased()),
            let skill = taxonomy.skill(named: words.dropLast().joined(separator: " "))
        {
            return skill
        }
        for labelLength in 1...min(2, words.count - 1) where isKindOfTool(words.prefix(labelLength).joined(separator: " ")) {
            if let skill = taxonomy.skill(named: words.dropFirst(labelLength).joined(separator: " ")) { return skill }
        }
        return nil
    }

    /// "Good Communication Skills", "Basic knowledge of Java", "Exposure to Zorptool": words that claim a
    /// level of knowing something, a sentence about a skill rather than its name.
    /// `words` are lower-cased.
    static func isClaim(_ words: [Substring]) -> Bool {
        words.contains { claimWords.contains(String($0)) }
    }
    static let claimWords: Set<String> = [
        "experience", "knowledge", "good", "basic", "strong", "excellent", "familiar", "proficient", "exposure", "proficiency", "conversant",
    ]

    /// "Facebook Ads" -> Facebook, "Skype For Business" -> Skype: the taxonomy skill named by the first words
    /// of a longer item, when words follow it after a space; with `lastWordsToo`, or by its last words
    /// ("Creative Problem Solving" -> Problem Solving, "L3 VPN" -> VPN), for an item that is no row's first,
    /// whose first words may be the row's label. Nil for a version after the name ("MySQL 5.0"), an edition
    /// ("MS Project Professional": the product itself), a name glued to a dash ("ITIL- Incident
    /// Management", a label) and a name set in capitals that it is not written in, where "JAVA NETBEANS"
    /// may as well be two names ("ARAS PLM" is one).
    static func partSkill(of item: String, lastWordsToo: Bool) -> Skill? {
        let words = item.split(separator: " ")
        guard words.count >= 2 else { return nil }
        let taxonomy = SkillTaxonomy.shared
        // Most words start no name of the taxonomy: look the longer names up only from those that do.
        let startsName = words.map { word in SkillTokenizer.tokens(in: String(word), line: 0).first.map { taxonomy.entries[$0.folded] != nil } ?? false }
        guard startsName.contains(true) else { return nil }
        let inCapitals = ResumeText.isAllCaps(item)
        func named(_ name: ArraySlice<Substring>) -> Skill? {
            guard startsName[name.startIndex] else { return nil }
            return taxonomy.skill(named: name.joined(separator: " ")).flatMap { !inCapitals || ResumeText.isAllCaps($0.name) ? $0 : nil }
        }
        func endsName(_ word: Substring) -> Bool {
            word.last.map { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "#" } ?? false
        }
        for length in stride(from: words.count - 1, through: 1, by: -1) {
            let next = words[length]
            if endsName(words[length - 1]), next.first?.isLetter == true, !editionWords.contains(next.lowercased()),
                let skill = named(words.prefix(length))
            {
                return skill
            }
            if lastWordsToo, endsName(words[words.count - length - 1]), let skill = named(words.suffix(length)) {
                return skill
            }
        }
        return nil
    }

    /// "Agile model", "Scrum methodology": a method named with the word for one is that method.
    static let methodWords: Set<String> = ["model", "methodology", "methodologies"]

    /// "Firewalls" -> "firewall", "Iterative model" -> "iterative": an item's name (lower-cased) without a
    /// plural's s or a trailing method word; nil when it has neither. "EFS" is no plural of EF.
    static func baseName(of item: String) -> String? {
        if item.count > 4, item.hasSuffix("s") { return String(item.lowercased().dropLast()) }
        let words = item.lowercased().split(separator: " ")
        guard words.count >= 2, let last = words.last, methodWords.contains(String(last)) else { return nil }
        return words.dropLast().joined(separator: " ")
    }

    static let editionWords: Set<String> = ["professional", "enterprise", "standard", "ultimate", "premium", "express", "community"]

    /// "Biztalk Server 2013" -> "Biztalk Server", "MS Office 2007" -> "MS Office": a year after a name
    /// written without digits is the product's version, not a date. Anything else as it is.
    static func withoutVersionYear(_ item: String) -> String {
        guard item.count > 5, let space = item.lastIndex(of: " ") else { return item }
        let year = item[item.index(after: space)...], name = item[..<space]
        guard year.count == 4, year.allSatisfy(\.isASCII), Int(year).map({ (1985...2049).contains($0) }) == true,
            name.contains(where: \.isLetter), !name.contains(where: \.isNumber), !monthAndYear.contains(item)
        else { return item }
        return String(name)
    }
    static let monthAndYear = Pattern("\\b(?:\(DateRanges.monthNames)|\(DateRanges.seasonNames))\\.?,?\\s*\\d{4}$", caseInsensitive: true)

    static let sentencePrepositions: Set<String> = ["on", "in", "with", "for", "as", "at", "to", "into", "under", "the", "a", "an"]

    static let legalForms: Set<String> = ["limited", "ltd", "ltd.", "pvt", "pvt.", "inc", "inc.", "llc", "corporation", "corp", "corp."]

    /// Lower-case words an item cannot start or end with: "Test Automation using" / "Coded UI" and
    /// "using ISIS" are one phrase cut where the line wrapped.
    static let danglingWords: Set<String> = ["using", "from", "and", "or", "with", "in", "of", "for", "to", "on", "by", "the", "like", "including"]

    static func trimmingDanglingWords(_ item: String) -> String {
        var words = item.split(separator: " ")
        while words.count > 1, let last = words.last, danglingWords.contains(String(last)) { words.removeLast() }
        while words.count > 1, let first = words.first, danglingWords.contains(String(first)) { words.removeFirst() }
        return words.count == ResumeText.words(item).count ? item : words.joined(separator: " ")
    }
}
