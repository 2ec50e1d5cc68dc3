import Foundation
import VitaeEngine
import VitaeExtraction

/// Finds degrees and schools: institution, degree, normalised level, field, location, year, GPA.
public struct EducationAnalyzer: Analyzer {
    public static let name = "education"
    public static let summary = "finds institution, degree and level, field, location, graduation year and GPA"

    public enum Level: String, Codable, Sendable, Comparable, CaseIterable {
        case highSchool = "high school", diploma, associate, bachelor, master, doctorate

        var rank: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    public struct Entry: Codable, Sendable, Hashable {
        public var institution: String?
        public var degree: String?
        public var level: Level?
        public var field: String?
        public var location: String?
        public var graduationYear: Int?
        public var gpa: String?
    }

    public struct Output: Codable, Sendable {
        public var education: [Entry]
    }

    public init(options: NoOptions) {}

    public func analyze(_ input: AnalyzerInput) async throws -> Output {
        let lines = ResumeText.cleanLines(input)
        let map = SectionMap(input)
        var candidates = map.lines(of: .education)
        if candidates.isEmpty {
            // No heading found: take lines that name a degree, with their neighbours.
            let degreeLines = lines.indices.filter { Self.degreeLevel(in: lines[$0]) != nil && !ExperienceAnalyzer.isProse(lines[$0]) }
            candidates = Array(Set(degreeLines.flatMap { [$0 - 1, $0, $0 + 1, $0 + 2] }).filter { lines.indices.contains($0) }).sorted()
        }
        let document = input.document.lines
        return Output(education: Self.entries(lines: candidates.map { ResumeText.keepingWideGaps(document[$0].text) ?? lines[$0] }))
    }

    /// Degree words, most specific first, with their level.
    static let degreePatterns: [(Pattern, Level)] = [
        (Pattern("\\b(?:ph[.\\-]?\\s?d|doctor(?:ate)?|doktora|doktor|dottorato|doutorado|doutoramento|doctorado|doctorat|tiến\\s+sĩ|d\\.?phil|ed\\.?d|pharm\\.?\\s?d)\\b", caseInsensitive: true), .doctorate),
        (Pattern("\\b(?:master'?s?|mba|mca|m[.\\-]?\\s?tech|m[.\\-]?\\s?sc|m[.\\-]?\\s?com|m[.\\-]?\\s?eng|pgd[a-z]{1,4}|pg diploma|post\\s?graduat\\w*|llm|m\\.?f\\.?a|m\\.?des|m\\.?p\\.?h|m\\.?s\\.?w|m\\.?p\\.?a|diplom(?:-\\w+)?|dipl-\\w+|kandidat\\w*|maisteri|magist(?:er|ar|ra|r)|mag[íi]ster|ma[îi]trise|laurea\\s+(?:magistrale|specialistica)|inženýr|yüksek\\s+lisans|thạc\\s+sĩ|mds|mvsc|m[.\\-]?\\s?pharm|m[.\\-]?\\s?phil|m[.\\-]?\\s?arch|mres|ll\\.m|especializaci[óo]n|maestr[íi]a|mestrado)\\b", caseInsensitive: true), .master),
        // "Mag. phil.", "Dipl.-Kfm.", "cand.scient.": Austrian, German and Danish degrees in their
        // abbreviations, which end in a full stop (no word boundary after them).
        (Pattern("\\b(?:mag\\.|dipl\\.-\\s?[a-z]{2,5}\\.?|cand\\.\\s?[a-z]{3,6}\\.)", caseInsensitive: true), .master),
        (Pattern("\\b(?:M\\.?S|M\\.?A|M\\.?E|M\\.\\s[SAE]|M\\.\\s?Ed)\\b\\.?"), .master),
        (Pattern("\\b(?:bachelor'?s?|b[.\\-]?\\s?tech|b[.\\-]?\\s?sc|b[.\\-]?\\s?com|bca|bba|b[.\\-]?\\s?eng|llb|mbbs|b[.\\-]?\\s?pharm|b[.\\-]?\\s?ed|b[.\\-]?\\s?arch|undergraduate|graduation|b\\.?f\\.?a|b\\.?des|b\\.?s\\.?w|b\\.?s\\.?n|bcompt|bacharelado|licenciatura|laurea|ll\\.b|ingenier[íi]a|licence\\s+(?:en|de|in|professionnelle)|sarjana|ptychio|licenciad[oa]|bakal[áa][rř]\\w*|bakalaur\\w*|bacharel|kandidaatti|prvostupni\\w*|licen[țţ][ăa]|licencjat|inżynier|lisans|cử\\s+nhân|kỹ\\s+sư|bachelier|bds|bams|bhms|bvsc|bpt|t[íi]tulo\\s+(?:de|profesional)|ingenier[oa]\\s+(?:en|de|civil|industrial|agr[óo]nom[oa]|comercial|mec[áa]nic[oa]|el[ée]ctric[oa]|qu[íi]mic[oa]|inform[áa]tic[oa]|electr[óo]nic[oa]|de\\s+sistemas)|dipl[ôo]me\\s+d['’]ing[ée]nieur|engenheir[oa])\\b", caseInsensitive: true), .bachelor),
        (Pattern("\\b(?:B\\.?S|B\\.?A|B\\.?E|B\\.\\s[SAE]|BS[Cc]|A\\.?B)\\b\\.?"), .bachelor),
        // AMIE / AMIETE: associate membership of the Institution of Engineers (of Electronics and
        // Telecommunication Engineers), examinations recognised as an engineering bachelor's.
        (Pattern("\\b(?:A\\.?M\\.?I\\.?E(?:\\.?T\\.?E)?)\\b\\.?"), .bachelor),
        (Pattern("\\bassociate(?:'s)?\\s+(?:of|degree|in)\\b", caseInsensitive: true), .associate),
        // "High School Diploma", "Secondary School Certificate": before the diploma words they hold.
        (Pattern("\\b(?:high|secondary)\\s+school\\s+(?:leaving\\s+)?(?:diploma|certificate)\\b", caseInsensitive: true), .highSchool),
        // Ireland's Leaving Certificate, South Africa's National Senior Certificate ("Matric"), and the
        // school-leaving examinations of Malaysia, New Zealand, Sri Lanka, Colombia, Finland, Czechia and
        // Slovakia, Hungary, Denmark and Sweden, Austria, Romania, Italy, Brazil and Portugal, Greece, the
        // Baltic states, Québec and Pakistan (F.Sc.).
        (Pattern("\\b(?:leaving\\s+certificate|national\\s+senior\\s+certificate|matric|sijil\\s+pelajaran|ncea\\s+level|g\\.?c\\.?e\\.?\\s+(?:advanced|ordinary)\\s+level|bachiller(?:ato)?|ylioppilastutkinto|maturitn[íiáa]|[ée]retts[ée]gi|studentereksamen|studentexamen|reifepr[üu]fung|reife-\\s+und\\s+diplompr[üu]fung|bacalaureat|maturit[àa]|ensino\\s+m[ée]dio|ensino\\s+secund[áa]rio|apolytirio|brandos\\s+atestatas|atest[āa]ts|dipl[ôo]me\\s+d['’][ée]tudes\\s+secondaires|F\\.\\s?Sc\\.?)\\b", caseInsensitive: true), .highSchool),
        // Spanish and Portuguese "Diplomado" (a postgraduate course), Czech "výuční list" (a trade certificate).
        // Brazil's and Argentina's technical courses ("Técnico em Edificações", "Tecnólogo em Logística", "Tecnicatura").
        (Pattern("\\b(?:diplomado|v[ýy]u[čc]n[íi]\\s+list|certificat\\s+(?:en|de|d['’])|certificado\\s+(?:en|de)|attestato\\s+di|t[ée]cnico\\s+em|tecn[óo]logo\\s+em|tecnicatura)\\b", caseInsensitive: true), .diploma),
        // France's "Licence Information-Communication" (a bachelor's), in capitals as a degree's name is.
        (Pattern("\\bLicence\\s+(?!No\\b|Number\\b|Holder\\b)[A-ZÉ][a-zé]"), .bachelor),
        // A university's foundation year ("Foundation in Engineering", "Foundation Programme").
        (Pattern("\\bfoundation\\s+(?:in|programme|program|year|studies|course)\\b", caseInsensitive: true), .diploma),
        // Nigeria's and Britain's national diplomas, France's two-year diplomas, Québec's college diploma,
        // Australia's certificates by level ("Certificate IV in Aeroskills").
        (Pattern("\\b(?:HND|OND|HNC|NCE|BTS|DUT|DEUG|DCA|ADCA|DEC\\s+(?:en|in))\\b|\\b(?:[Cc]ertificate\\s+(?:I{1,3}|IV)\\s+in|[Dd]ipl[ôo]me\\s+d['’][ée]tudes\\s+coll[ée]giales)\\b"), .diploma),
        // "Certificate in …", "UX Design Certificate", "Certificate of Qualification", "… Bootcamp".
        (Pattern("\\b(?:diploma|polytechnic|certificate\\s+(?:in|of)|bootcamp)\\b|\\w\\s+certificate\\b", caseInsensitive: true), .diploma),
        (Pattern("\\b(?:high\\s?school|secondary|s\\.?s\\.?c|h\\.?s\\.?c|sslc|cbse|icse|matriculation|intermediate|(?:class|std\\.?|standard|pass(?:ed)?)\\s+(?:x|xii|10|12)(?:th)?|(?:10|12)th|a-levels?|gcse|igcse|ged|abitur|baccalaur[ée]ate?|wassce|kcse|matura)\\b", caseInsensitive: true), .highSchool),
        // "'A' Level", "A Levels", "O-Level", "GCE O Level": the British school examinations, quoted or not.
        (aLevels, .highSchool),
        (plusTwo, .highSchool),
        // School-leaving examinations of East and West Africa, the Caribbean, Malaysia and Hong Kong.
        (Pattern("\\b(?:VWO|HAVO|VMBO|UACE|UCE|PLE|KCPE|CSEE|ACSEE|WAEC|NECO|SSCE|BECE|ZIMSEC|CSEC|CAPE|SPM|STPM|HKDSE|HKCEE|HKALE|ESSLCE|EHEECE|ISC)\\b"), .highSchool),
    ]
    /// Nepal's and India's "+2" (the two years after the tenth).
    static let plusTwo = Pattern("(?:^|\\s)\\+\\s?2\\b", literals: ["+"])
    static let aLevels = Pattern("(?:^|[^A-Za-z])['‘’\"]?[AO]['‘’\"]?[\\s-]?(?:[Ll]evels?|LEVELS?)\\b", literals: ["evel", "EVEL"])

    /// The degree patterns as one: most lines name no degree, and one search tells so for all of them.
    /// The A-level and "+2" patterns stay apart: their openings (`(?:^|[^A-Za-z])`, `(?:^|\s)`) can start
    /// at nearly any character, which would make the joint search try every position; their literals
    /// rule them out instead.
    static let anyDegree = Pattern(anyOf: degreePatterns.map(\.0).filter { $0.regex !== aLevels.regex && $0.regex !== plusTwo.regex })

    static func degreeLevel(in text: String) -> Level? {
        guard anyDegree.contains(text) || aLevels.contains(text) || plusTwo.contains(text) else {
            assert(!degreePatterns.contains { $0.0.contains(text) }, "anyDegree missed a degree in \"\(text)\"")
            return nil
        }
        return degreePatterns.first { $0.0.contains(text) }?.1
    }

    /// A sentence, not an entry. "2010 – 2014 Bachelor of Science in Computer Science, UC San Diego,
    /// San Diego, USA" and "Shri Vaishnav Institute of Technology and Science, RGPV University - Indore,
    /// Madhya Pradesh" are long but are comma- or pipe-separated fields around a degree or a school.
    static func isProse(_ line: String) -> Bool {
        guard ExperienceAnalyzer.isProse(line) else { return false }
        // A date range and a GPA lengthen an entry line without making it a sentence: "Bachelor of
        // Science in Computer Science - 3.8 GPA Sep 2019 - May 2023". Only a line long enough to be
        // prose is read again without them.
        var entryLine = gpaPattern.replacing(in: line, with: " ")
        if let span = DateRanges.spans(in: entryLine).first {
            entryLine = (entryLine as NSString).replacingCharacters(in: span.range, with: " ")
        }
        guard ExperienceAnalyzer.isProse(entryLine) else { return false }
        if ResumeText.isBullet(line) { return true }
        // "B.Tech in Computer Science and Engineering | National Institute of Technology, Trichy | 2019"
        // "Bachelor of Arts in Social Work and Psychology, 2015 — Second Class Upper": a spaced dash too.
        let fieldBreaks = line.filter { $0 == "," || $0 == "|" }.count
            + [" — ", " – ", " - "].reduce(0) { $0 + line.components(separatedBy: $1).count - 1 }
        let namesEntry = degreeLevel(in: line) != nil || Organizations.looksLikeSchool(line)
        return !(namesEntry && fieldBreaks >= 2 && ResumeText.words(line).count <= 24 && !line.hasSuffix("."))
    }

    /// "<…> University Kent": one or two capitalised words after the last University/College/Institute.
    static let citySuffix = Pattern(
        "^(.*\\b(?:University|College|Institute))\\s+((?:[A-Z][a-z]+)(?:\\s[A-Z][a-z]+)?)$", literals: ["University", "College", "Institute"])

    /// The experience lines' field separators but " at ", which schools' names hold ("University of
    /// North Carolina at Charlotte").
    static let fieldSeparators = ExperienceAnalyzer.fieldSeparatorPattern(splittingAtWordAt: false)

    /// "High School Diploma", "Secondary School Leaving Certificate": the credential a school gives,
    /// not the school.
    static let schoolCredential = Pattern("\\bschool\\s+(?:leaving\\s+)?(?:diploma|certificate)\\b", caseInsensitive: true)

    /// "Specialization in AI": detail of the field, not a school.
    static let specialisation = Pattern(
        "^(?:speciali[sz]ation|major|minor|concentration|focus)\\b", caseInsensitive: true,
        literals: ["speciali", "major", "minor", "concentration", "focus"])

    /// Words around a graduation date that are not part of the degree or school.
    static let yearLabels = Pattern(
        "\\b(?:expected|graduat(?:ion|ed)|class of|passing|passed out|year)\\b\\s*:?", caseInsensitive: true,
        literals: ["expected", "graduat", "class of", "passing", "passed out", "year"])
    /// A month name before a year ("May 2018"); "Marketing" and "Mayo College" stay.
    static let monthNames = Pattern(
        "\\b(?:\(DateRanges.monthNames))\\.?,?\\s*(?='?\\d{2,4}\\b)", caseInsensitive: true, literals: DateRanges.monthAbbreviations)
    /// "GPA: 3.6", "CGPA 8.2/10", and the figure first: "3.8 GPA".
    static let gpaPattern = Pattern(
        "\\b(?:c?gpa|cpi|grade point average)\\s*[:\\-]?\\s*(\(gpaFigure))|\\b(\(gpaFigure))\\s*(?:c?gpa|cpi)\\b", caseInsensitive: true,
        literals: ["gpa", "cpi", "grade point average"])
    static let gpaFigure = "\\d{1,2}(?:\\.\\d{1,2})?(?:\\s*/\\s*\\d{1,2}(?:\\.\\d{1,2})?)?"
    /// "Obtained a Post graduate diploma …", "Completed B.Tech …": the sentence's verb is no part of the degree.
    /// "Tertiary: Bachelor of …", "Secondary: Antipolo National High School": the stage of schooling
    /// as a label before the entry (Philippine and other forms).
    static let stageLabel = Pattern(
        "^(?:tertiary|secondary|primary|elementary|vocational|post-?graduate|graduate|undergraduate|high school)(?:\\s+(?:level|education))?\\s*:\\s*",
        caseInsensitive: true, literals: [":"])
    static let leadingVerb = Pattern(
        "^(?:obtained|completed|pursuing|pursued|earned|received|awarded)\\s+(?:an?\\s+)?", caseInsensitive: true,
        literals: ["obtained", "completed", "pursu", "earned", "received", "awarded"])
    /// "B.Tech in Computer Science in Computer Science": Indeed adds " in <field>" to a degree already
    /// typed with its field.
    static func withoutRepeatedField(_ degree: String) -> String {
        repeatedField.firstMatch(in: degree)?.groups[1] ?? degree
    }

    static let repeatedField = Pattern("^(.*\\bin\\s+(.+?))\\s+in\\s+\\2$", caseInsensitive: true, literals: ["in"])
    static let schoolAfterFromPattern = Pattern("^(.+?)\\s+from\\s+(.+)$", literals: ["from"])
    static let fieldAfterIn = Pattern("\\bin\\s+(.+)$", caseInsensitive: true, literals: ["in"])
    static let fieldAfterOf = Pattern("\\bof\\s+(.+)$", caseInsensitive: true, literals: ["of"])
    static let majorPattern = Pattern(
        "^(?:major|specialization|specialisation|field of study|concentration)\\s*[:\\-]\\s*(.+)$", caseInsensitive: true,
        literals: [":", "-"])

    static func entries(lines: [String]) -> [Entry] {
        var entries: [Entry] = []
        var current = Entry()
        var pendingDegree: String?
        // "UC Berkeley 2019" / "Bachelor of Science": a name the patterns do not know, on the line that
        // starts an entry with its year, names the school when a degree line follows.
        var pendingSchool: String?
        // The entry's school came on a line with its dates ("University of La Verne, La Verne, CA
        // Expected Graduation: June 2016"): that layout puts the degree under the school.
        var schoolLineHadDates = false
        // The line just before this one (no blank line between them) when it gave the entry its degree.
        var degreeLine: String?
        var afterBlankLine = false
        // "University of Ghana" / "Master of Arts …, 2020" / "Bachelor of Arts …, 2015": a school line
        // over its degree lines heads each of them, until a blank line.
        var schoolOverDegrees: String?
        // "Dates   2007 – 2012" / "Title of qualification awarded   …" (Europass): dates standing alone
        // before an entry, after a blank line, are the entry's that follows.
        var yearBeforeEntry: Int?
        var readContent = false
        for raw in lines {
            var line = stageLabel.replacing(in: ResumeText.strippingBullet(raw), with: "")
            let previousDegreeLine = degreeLine
            degreeLine = nil
            let followsBlankLine = afterBlankLine
            afterBlankLine = line.isEmpty
            if line.isEmpty { schoolOverDegrees = nil }
            guard !line.isEmpty, !isProse(line), !isRemark(line) else { continue }
            if let previous = previousDegreeLine, let degree = current.degree, continuesDegree(previous, with: line) {
                // "… in" lost its trailing "in" when read; the wrapped line puts it back in the middle.
                let joiner = previous.hasSuffix(" in") && !degree.hasSuffix(" in") ? " in " : " "
                current.degree = withoutRepeatedField(degree + joiner + line)
                if let field = current.field, previous.hasSuffix(field) { current.field = field + " " + line }
                continue
            }
            // A GPA on a line of its own is the current entry's; beside a degree or school, that line's entry's.
            var gpaOfLine: String?
            if let match = gpaPattern.firstMatch(in: line), let gpa = match.groups[1] ?? match.groups[2] {
                gpaOfLine = gpa.replacingOccurrences(of: " ", with: "")
                // "Bachelor of Science - 3.8 GPA Sep 2019 - May 2023": the rest of the line is still the entry.
                line = (line as NSString).replacingCharacters(in: match.range, with: " ")
                guard degreeLevel(in: line) != nil || Organizations.looksLikeSchool(line) else {
                    current.gpa = gpaOfLine
                    // "Expected May 2025 | GPA: 3.71/4.00": the entry's year shares the GPA's line.
                    if current.graduationYear == nil, current.degree != nil || current.institution != nil,
                        let year = DateRanges.years(in: line).last
                    {
                        current.graduationYear = year
                    }
                    continue
                }
            }
            if let major = majorPattern.firstMatch(in: line)?.groups[1] {
                current.field = current.field ?? major
                continue
            }
            let years = DateRanges.years(in: line)
            // Taken once the line is read: "XYZ University" / "Bachelor of Science Sep 2019 - May 2023"
            // is one entry, and "Class XII 2012" after a finished entry dates the next one.
            var yearOfLine: Int?
            var text = line
            let spans = DateRanges.spans(in: line)
            if let span = spans.first {
                text = (line as NSString).replacingCharacters(in: span.range, with: " ")
            }
            // (A month name is taken only before its year's digits.)
            if DateRanges.hasDigits(text) { text = Self.monthNames.replacing(in: text, with: " ") }
            text = DateRanges.yearPattern.replacing(in: text, with: " ")
            text = Self.yearLabels.replacing(in: text, with: " ")
            text = Self.trailingHonoursClass.replacing(in: text, with: "")
            text = withoutStrayBrackets(ResumeText.clean(text).trimming(fieldEdges))
            if let year = years.last {
                // A year line belongs to the entry being read unless that entry already has one; a year
                // before any degree or school (after a course line, say) belongs to nothing.
                // "2010 – 2014 Bachelor of …" after an entry with its year: the year is the new entry's.
                if current.graduationYear != nil, text.isEmpty || degreeLevel(in: text) != nil {
                    startNewEntry(&current, after: &entries)
                }
                let started = current.degree != nil || current.institution != nil
                if current.graduationYear == nil, started || !text.isEmpty { yearOfLine = year }
                if !started, text.isEmpty, followsBlankLine || !readContent, pendingDegree == nil { yearBeforeEntry = year }
            }
            readContent = true
            guard text.contains(where: \.isLetter) else {
                if let yearOfLine { current.graduationYear = yearOfLine }
                continue
            }
            // "TYBMS in Management Studies" / "Vedanta College - Mumbai": a line the degree patterns do
            // not know, right before a school line that starts an entry, is that entry's degree; after
            // an entry that has its degree and school too, when it stands apart between blank lines
            // ("Computer Networking" / "Aptech Institute"), not when it is a wrapped "… Uttar" / "Pradesh".
            let startsEntry = current.degree == nil && current.institution == nil
            let entryIsComplete = current.degree != nil && current.institution != nil
            // "Electrical engineering" / "VSSUT,burla", "MCL in Computer Application" / "IGNOU": two
            // lines the patterns do not know, starting an entry, are its degree and its school, in the
            // order Indeed writes them. (After a complete entry they may as well be a list that ran on:
            // "IBM Jazz" / "Quality Center".)
            if let pending = pendingDegree, startsEntry, years.isEmpty, let school = unknownSchool(text) {
                current.degree = pending
                if let field = fieldAfterIn.firstMatch(in: pending)?.groups[1] { current.field = field }
                current.institution = school.name
                current.location = school.location
                pendingDegree = nil
                continue
            }
            if startsEntry || entryIsComplete && followsBlankLine, years.isEmpty, isUnknownLine(text) {
                pendingDegree = text
                continue
            }
            let school = pendingSchool
            pendingSchool = nil
            let degreeBefore = current.degree
            let schoolBefore = current.institution
            let entriesBefore = entries.count
            read(text, into: &current, completed: &entries, degreeJoinsSchool: schoolLineHadDates)
            if let yearOfLine, current.graduationYear == nil { current.graduationYear = yearOfLine }
            if let year = yearBeforeEntry, current.degree != nil || current.institution != nil {
                if current.graduationYear == nil, entries.count == entriesBefore { current.graduationYear = year }
                yearBeforeEntry = nil
            }
            if let gpaOfLine { current.gpa = gpaOfLine }
            if current.degree != nil, current.degree != degreeBefore { degreeLine = line }
            let startedEntry = startsEntry || entries.count > entriesBefore
            if startedEntry, current.institution == nil, current.degree != nil, current.degree != degreeBefore,
                let heading = schoolOverDegrees, entries.last?.institution == heading
            {
                current.institution = heading
            } else if !startedEntry, degreeBefore == nil, current.degree != nil, let school = schoolBefore, current.institution == school {
                schoolOverDegrees = school
            } else if startedEntry {
                schoolOverDegrees = nil
            }
            if startedEntry { schoolLineHadDates = false }
            if current.institution != nil, current.institution != schoolBefore { schoolLineHadDates = !years.isEmpty }
            if startsEntry, !years.isEmpty, current.degree == nil, current.institution == nil, isUnknownLine(text) {
                pendingSchool = text
            } else if let school, current.institution == nil, current.degree != nil, current.degree != degreeBefore, canNameASchool(school) {
                current.institution = school
            }
            if let pending = pendingDegree, startedEntry, current.degree == nil, current.institution != nil {
                current.degree = pending
                if let field = fieldAfterIn.firstMatch(in: pending)?.groups[1] { current.field = current.field ?? field }
            }
            pendingDegree = nil
        }
        startNewEntry(&current, after: &entries)
        return withoutRepeats(entries)
    }

    /// Forms that list an entry twice ("Secondary School Certificate in …" and later "Secondary School
    /// Certificate", same board, same place): the second telling adds what the first lacked.
    static func withoutRepeats(_ entries: [Entry]) -> [Entry] {
        var kept: [Entry] = []
        for entry in entries {
            guard let earlier = kept.firstIndex(where: { tellsTheSame($0, entry) }) else {
                kept.append(entry)
                continue
            }
            var merged = kept[earlier]
            if (entry.degree?.count ?? 0) > (merged.degree?.count ?? 0) { merged.degree = entry.degree }
            merged.field = merged.field ?? entry.field
            merged.graduationYear = merged.graduationYear ?? entry.graduationYear
            merged.gpa = merged.gpa ?? entry.gpa
            kept[earlier] = merged
        }
        return kept
    }

    static func tellsTheSame(_ first: Entry, _ second: Entry) -> Bool {
        guard let level = first.level, level == second.level, let one = first.degree?.lowercased(),
            let other = second.degree?.lowercased(), one.hasPrefix(other) || other.hasPrefix(one),
            first.institution == second.institution, first.location == second.location
        else { return false }
        return first.graduationYear == nil || second.graduationYear == nil || first.graduationYear == second.graduationYear
    }

    /// Separators and spaces left at the ends of a field once its dates are cut out.
    static let fieldEdges = TrimSet(charactersIn: " ,|•-–—:")

    /// The text without empty brackets ("B.Tech (2014)" once its year is gone) and without a bracket
    /// at either end that has no partner; "College (Anna University)" keeps its closing one.
    static func withoutStrayBrackets(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "(")) || text.utf8.contains(UInt8(ascii: ")")) else { return text }
        var result = ResumeText.clean(emptyBrackets.replacing(in: text, with: " "))
        func count(_ bracket: Character) -> Int { result.filter { $0 == bracket }.count }
        while result.hasSuffix(")"), count(")") > count("(") { result.removeLast() }
        while result.hasPrefix("("), count("(") > count(")") { result.removeFirst() }
        return result.trimming(fieldEdges)
    }

    /// "Sunrise College of Arts, Eastfield University": a college and, after the comma, the university
    /// it is affiliated to name one school, as "Sunrise College of Arts (Eastfield University)" does.
    /// "University of California, Berkeley", "University of Texas, Austin": a state university and,
    /// after the comma, its campus.
    static func schoolWithItsUniversity(_ pieces: [String], at index: Int) -> String {
        let school = pieces[index]
        guard index + 1 < pieces.count else { return school }
        let next = pieces[index + 1]
        if let state = universityOfState.firstMatch(in: school)?.groups[1], Places.isRegion(state),
            Places.isPlaceName(next), !Places.isRegion(next), degreeLevel(in: next) == nil, !Organizations.looksLikeSchool(next)
        {
            return school + ", " + next
        }
        guard !namesUniversity(school) else { return school }
        guard namesUniversity(next), namesASchool(next), degreeLevel(in: next) == nil, !isExamBoard(next) else { return school }
        return school + ", " + next
    }

    static let universityOfState = Pattern("^(?:The\\s+)?University\\s+of\\s+([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?)$")

    static func namesUniversity(_ text: String) -> Bool {
        ResumeText.alphanumericTokens(text).contains { $0.hasPrefix("univ") }
    }

    /// "Did compering in college events", "Organised the college fest": an activity at a school, told
    /// by its verb, is no school's name.
    static func tellsADeed(_ piece: String) -> Bool {
        guard let first = ResumeText.words(piece).first?.lowercased() else { return false }
        return first == "did" || ExperienceAnalyzer.verbsOpeningASentence.contains(first)
    }

    /// "BFA (Applied Arts)", "B.Ed. (English & Social Science)", "Baccalaureate (Grade 12 national exam)": a
    /// stream or a note in brackets after the degree is no part of its name; "(Hons)", the degree's own
    /// abbreviation ("Magister (Mgr.)", "Bachelor of Radiography (B.Rad.)") and its other name are.
    static func withoutStreamInBrackets(_ degree: String) -> String {
        guard let (before, inside) = ResumeText.splittingTrailingBracket(degree), degreeLevel(in: before) != nil else { return degree }
        let abbreviation = inside.count <= 8 && !inside.contains(" ") && (inside.contains(".") || inside.filter(\.isUppercase).count >= 2)
        // "(Matric)", "(magister inżynier)": the degree named again, in other words, is kept.
        return inside.lowercased().hasPrefix("hon") || abbreviation || degreeLevel(in: inside) != nil ? degree : before
    }

    static let emptyBrackets = Pattern("\\(\\s*[-–,/]*\\s*\\)", literals: ["("])

    static let connectorAtEnd = Pattern("(?:\\s(?:in|of|and|&)|[,&-])$", caseInsensitive: true, literals: ["in", "of", "and", "&", ",", "-"])

    /// "Post Graduate Program in Business Analytics in" / "BUSINESS", "BACHELOR OF ENGINEERING in
    /// ELECTRONICS & COMMUNICATION" / "ENGINEERING": a degree line wrapped onto the next line. The
    /// next line continues it when the degree line stops at a connecting word, or when both are set in
    /// capitals; and only when that line is a few words naming no degree, school, date or place.
    static func continuesDegree(_ degreeLine: String, with line: String) -> Bool {
        guard ResumeText.words(line).count <= 4, line.first?.isLetter == true, !line.contains(where: \.isNumber),
            !line.utf8.contains(UInt8(ascii: ",")), degreeLevel(in: line) == nil, !Organizations.looksLikeSchool(line),
            !isExamBoard(line), Places.location(in: line) == nil
        else { return false }
        return connectorAtEnd.contains(degreeLine) || ResumeText.isAllCaps(line) && ResumeText.isAllCaps(String(degreeLine.suffix(20)))
    }

    /// "…, 2015 — Second Class Upper", "… – First Class Honours", "…, Distinction": the class of the
    /// degree after a dash or comma, which is no school.
    static let trailingHonoursClass = Pattern(
        "\\s*[,—–-]\\s*(?:(?:first|second|third|upper|lower)(?:\\s+(?:second|class|division|upper|lower|honou?rs)){1,3}|(?:with\\s+)?(?:distinction|merit|(?:summa|magna)?\\s*cum\\s+laude))\\s*$",
        caseInsensitive: true)

    /// "(completed during the flight academy)": a remark in brackets, in lower case, under an entry.
    static func isRemark(_ line: String) -> Bool {
        line.hasPrefix("(") && line.hasSuffix(")") && line.dropFirst().first?.isLowercase == true
    }

    /// "Bachelor of Science in Game Development – Programming": one word job titles use, no known town,
    /// after the degree's dash is its specialisation, not the place.
    static func namesASubject(_ field: String) -> Bool {
        let words = ResumeText.alphanumericTokens(field)
        return words.count == 1 && !Places.isKnownCity(field) && (JobTitles.words[words[0]]?.anywhere ?? 0) >= 3
    }

    /// "University of California", "State University of New York": a school named after a region, whose
    /// campuses follow its name.
    static func namesStatesUniversity(_ name: String) -> Bool {
        guard Organizations.looksLikeSchool(name), let of = name.range(of: " of ") else { return false }
        return Places.isRegion(String(name[of.upperBound...]))
    }

    static let genericSchoolWords: Set<String> = [
        "university", "college", "school", "institute", "board", "or", "of", "the", "and", "state", "engineering",
        "technical", "secondary", "higher", "senior", "certificate", "education", "u", "name",
    ]

    /// "University / Board" and "Engineering College" are form headers, not schools: a school has a
    /// word of its own.
    static func namesASchool(_ text: String) -> Bool {
        ResumeText.alphanumericTokens(text).contains { !genericSchoolWords.contains($0) }
    }

    /// "STATE", "Technical": words schools' names use, which name none on their own; "College of
    /// Engineering" does, with its school word.
    static func canNameASchool(_ text: String) -> Bool {
        namesASchool(text) || Organizations.looksLikeSchool(text)
    }

    /// A short line that names no degree, school, board or place: perhaps a degree the patterns lack.
    static func isUnknownLine(_ text: String) -> Bool {
        let words = ResumeText.words(text)
        guard (1...10).contains(words.count), text.first?.isLetter == true, !text.contains(where: \.isNumber) else { return false }
        // The comma first: it is the cheapest test (all of them are free of side effects).
        return !text.utf8.contains(UInt8(ascii: ",")) && degreeLevel(in: text) == nil && !Organizations.looksLikeSchool(text)
            && !isExamBoard(text) && Places.location(in: text) == nil
    }

    /// The name, and the place after it, in a short line that names no degree, school word, board,
    /// course or place: "IGNOU", "VSSUT,burla", "Dadabari - Ajmer, Rajasthan".
    static func unknownSchool(_ text: String) -> (name: String, location: String?)? {
        let fields = ResumeText.splitSegments(fieldSeparators.replacing(in: text, with: " | "))
        guard let first = fields.first, let name = first.split(separator: ",").first.map({ $0.trimming(.whitespaces) }),
            name.first?.isUppercase == true, ResumeText.words(text).count <= 6, !text.contains(where: \.isNumber),
            degreeLevel(in: text) == nil, !Organizations.looksLikeSchool(text), !isExamBoard(text),
            Places.location(in: first) == nil,
            !ResumeText.alphanumericTokens(name).contains(where: courseWords.contains), canNameASchool(name)
        else { return nil }
        return (name, fields.dropFirst().lazy.compactMap { Places.placeInPlaceSlot($0) }.first)
    }

    /// Words of a course or programme's name, which is not a school's.
    static let courseWords: Set<String> = ["training", "program", "programme", "course", "courses", "certification"]

    static let examBoard = Pattern("\\bboard\\b", caseInsensitive: true, literals: ["board"])

    /// An examination board named on its own ("Kerala State Board", "Board of Intermediate
    /// Education"), not a line that also names a school ("… High School, CBSE Board" is split at the comma).
    static func isExamBoard(_ piece: String) -> Bool {
        piece.utf8.count < 80 && examBoard.contains(piece)
    }

    static func startNewEntry(_ entry: inout Entry, after completed: inout [Entry]) {
        if entry.degree != nil || entry.institution != nil { completed.append(entry) }
        entry = Entry()
    }

    /// Reads one line's degree, school and place parts into the entry, starting a new entry when the
    /// line repeats what the entry already has.
    /// `degreeJoinsSchool`: the entry's school line carried its dates, so a degree line with no school
    /// of its own belongs to that entry rather than starting the next.
    static func read(_ text: String, into entry: inout Entry, completed: inout [Entry], degreeJoinsSchool: Bool = false) {
        // "B.Tech, Computer Science, Indian Institute of Technology" / "School - City, State" / "Degree | School".
        let fields = ResumeText.splitSegments(
            fieldSeparators.replacing(in: text, with: " | "))
        var pieces: [String] = []
        var location: String?
        // "Narsee Monji - Hyderabad, Telangana": the place is a field of its own after the name.
        var placeAfterName = false
        for field in fields {
            let parts = field.split(separator: ",").map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
            var (rest, place) = Places.splitTrailingLocation(parts)
            // "Kent State University Kent, Ohio": the city ran into the school's name (the PDF gap
            // between them is gone); only a bare region was found, so take the city back.
            if let region = place, Places.isRegion(region), let last = rest.last,
                let split = citySuffix.firstMatch(in: last), let school = split.groups[1], let city = split.groups[2]
            {
                rest[rest.count - 1] = school
                place = city + ", " + region
            }
            // "Politecnico di Milano, Milano (Italy)", "Cégep de Sherbrooke, Sherbrooke (Québec)": a town and its
            // country or region in brackets.
            if place == nil, rest.count >= 2, let last = rest.last, last.hasSuffix(")"), !Organizations.looksLikeSchool(last),
                let bracketed = Places.location(in: last)
            {
                place = bracketed
                rest.removeLast()
            }
            // "College of Physicians and Surgeons Pakistan, Karachi": a known town after the school's comma;
            // after a state's university ("University of California, Berkeley") it is the campus.
            if place == nil, rest.count >= 2, let last = rest.last, Places.isKnownCity(last), !Organizations.looksLikeSchool(last),
                !namesStatesUniversity(rest[rest.count - 2])
            {
                place = last
                rest.removeLast()
                // "St. Xavier's College, Maitighar, Kathmandu": the school's neighbourhood before the town.
                if rest.count >= 2, let neighbourhood = rest.last, !namesASubject(neighbourhood), degreeLevel(in: neighbourhood) == nil,
                    let both = Places.neighbourhoodAndTown([neighbourhood, last])
                {
                    place = both
                    rest.removeLast()
                }
            }
            if let place, location == nil { location = place }
            if let place, rest.isEmpty, field != fields.first, location == place { placeAfterName = true }
            // ("CEFET-MG", "IIT-B": a school's initials in capitals are no town.)
            if place == nil, field != fields.first, let bare = Places.location(in: field, allowBareCity: true), rest.count <= 1,
                !(ResumeText.isAllCaps(field) && !field.contains(" ") && field.contains("-") && !Places.isKnownCity(field)),
                !Organizations.looksLikeSchool(field), degreeLevel(in: field) == nil
            {
                if namesASubject(field) { continue }
                location = location ?? bare
                placeAfterName = true
                continue
            }
            pieces += rest
        }
        pieces.removeAll { specialisation.contains($0) }
        var degreeIndex: Int?
        var schoolIndex: Int?
        for (index, piece) in pieces.enumerated() {
            // "CBSE Board", "Board of Secondary Education", "Bihar School Examination Board": the body
            // that set the exams, neither the degree nor the school.
            if isExamBoard(piece) { continue }
            if degreeIndex == nil, degreeLevel(in: piece) != nil,
                !Organizations.looksLikeSchool(piece) || ResumeText.contains(piece.lowercased(), " in ") || schoolCredential.contains(piece)
            {
                degreeIndex = index
            } else if schoolIndex == nil, Organizations.looksLikeSchool(piece), Self.namesASchool(piece), !tellsADeed(piece) {
                schoolIndex = index
            }
        }
        if degreeIndex == nil, schoolIndex == nil {
            // A line with only a place continues the school line ("Delhi, New Delhi, India").
            // "INSEAD, Fontainebleau, France" under a degree: a school known by its capitals, then its place.
            let acronymBeforePlace = entry.degree != nil && entry.institution == nil && pieces.count == 1
                && ResumeText.isAllCaps(pieces[0]) && !ResumeText.isAllCaps(text) && !Places.looksLikeRegion(pieces[0])
            if location != nil, pieces.isEmpty || !placeAfterName && !acronymBeforePlace && pieces.allSatisfy({ Places.isPlaceName($0) }) {
                entry.location = entry.location ?? location
            } else if entry.degree != nil, pieces.count == 1, entry.institution == nil, pieces[0].count < 60,
                ResumeText.words(pieces[0]).count <= 6, pieces[0] != entry.field,
                pieces[0].first?.isUppercase == true || placeAfterName, !Organizations.looksLikeOrganization(pieces[0]),
                !isExamBoard(pieces[0]), canNameASchool(pieces[0]),
                !ResumeText.alphanumericTokens(pieces[0]).contains(where: courseWords.contains)
            {
                // A school without a school word right after the degree; in lower case too when a
                // place follows it ("amity - Noida, Uttar Pradesh").
                entry.institution = pieces[0]
                entry.location = entry.location ?? location
            } else if placeAfterName {
                entry.location = entry.location ?? location  // "U.P. Board - Bareilly, Uttar Pradesh"
            }
            return
        }
        if let degreeIndex {
            // A degree after a school and its year ("B.E. / Chitkara University / 2014 to 2018 / Class XII")
            // begins the next entry even when the first named no degree the patterns know.
            let joinsSchool = degreeJoinsSchool && entry.degree == nil && schoolIndex == nil
            if entry.degree != nil || (entry.institution != nil && entry.graduationYear != nil && !joinsSchool) {
                startNewEntry(&entry, after: &completed)
            }
            pieces[degreeIndex] = withoutStreamInBrackets(pieces[degreeIndex])
            var degree = withoutRepeatedField(leadingVerb.replacing(in: pieces[degreeIndex], with: ""))
            // "Post graduate diploma in Industrial Automation from Prolific Systems": the school after "from".
            var schoolAfterFrom: String?
            if schoolIndex == nil, let split = schoolAfterFromPattern.firstMatch(in: degree), let name = split.groups[1],
                let school = split.groups[2], school.first?.isUppercase == true, degreeLevel(in: name) != nil, canNameASchool(school)
            {
                degree = name
                schoolAfterFrom = school
            }
            entry.level = degreeLevel(in: degree)
            // "Bachelor of Science, Computer Science": the next plain piece is the field.
            var others = pieces.indices.filter { $0 != degreeIndex && $0 != schoolIndex }
            if let match = fieldAfterIn.firstMatch(in: degree), let field = match.groups[1], degreeLevel(in: field) == nil {
                entry.field = field  // "PhD in Computer Science"
            } else if let fieldIndex = others.first(where: { $0 == degreeIndex + 1 }) {
                entry.field = pieces[fieldIndex]  // "Bachelor of Science, Computer Science"
                others.removeAll { $0 == fieldIndex }
            } else if let match = fieldAfterOf.firstMatch(in: degree), let field = match.groups[1], degreeLevel(in: field) == nil {
                entry.field = field  // "Bachelor of Business Administration"
            }
            // "PhD in Computer Science, CalTech": a school without a school word.
            if schoolIndex == nil, entry.institution == nil, let next = others.first(where: { $0 > degreeIndex }),
                pieces[next].first?.isUppercase == true, !pieces[next].contains(where: \.isNumber), canNameASchool(pieces[next])
            {
                entry.institution = pieces[next]
            }
            if degree.hasSuffix(" in") { degree = String(degree.dropLast(3)) }
            entry.degree = degree
            if let schoolAfterFrom, entry.institution == nil { entry.institution = schoolAfterFrom }
        }
        if let schoolIndex {
            if entry.institution != nil, degreeIndex == nil || entry.degree != pieces[degreeIndex!] {
                startNewEntry(&entry, after: &completed)
            }
            entry.institution = schoolWithItsUniversity(pieces, at: schoolIndex)
        }
        if let location { entry.location = entry.location ?? location }
    }
}
