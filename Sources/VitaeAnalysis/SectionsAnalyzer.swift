import Foundation
import VitaeEngine
import VitaeExtraction

/// The kinds of resume section the analyzers know.
public enum SectionKind: String, Codable, Sendable, CaseIterable {
    case summary, experience, education, skills, projects, certifications, awards, languages, other
}

/// Finds section headings ("WORK EXPERIENCE", "Education", bold "Skills") and the lines each covers.
///
/// Plain text has no styling, so a line there must be a known heading phrase; with font hints (bold,
/// larger than body text) or in capitals, a short line only needs a heading keyword.
public struct SectionsAnalyzer: Analyzer {
    public static let name = "sections"
    public static let summary = "finds section headings and the line range of each section"

    public struct Section: Codable, Sendable, Hashable {
        public var kind: SectionKind
        /// The heading as written.
        public var heading: String
        /// Index in the document's lines of the heading line.
        public var startLine: Int
        /// Index of the section's last line (inclusive).
        public var endLine: Int

        /// The body lines, after the heading.
        public var bodyLines: ClosedRange<Int>? { startLine < endLine ? (startLine + 1)...endLine : nil }
    }

    public struct Output: Codable, Sendable {
        public var sections: [Section]
        /// The document's cleaned lines, shared with later analyzers so a job cleans its text once.
        /// Not part of the result JSON.
        public var cleanedLines: [String] = []

        enum CodingKeys: String, CodingKey { case sections }
    }

    public init(options: NoOptions) {}

    public func analyze(_ input: AnalyzerInput) async throws -> Output {
        let lines = ResumeText.cleanLines(input.document)
        return Output(sections: Self.detect(in: input.document, lines: lines), cleanedLines: lines)
    }

    /// The sections of `document`; other analyzers call this when the sections step did not run.
    public static func sections(for input: AnalyzerInput) -> [Section] {
        input.results[SectionsAnalyzer.self]?.sections ?? detect(in: input.document, lines: ResumeText.cleanLines(input.document))
    }

    static func detect(in document: Document, lines: [String]) -> [Section] {
        let bodyFontSize = medianFontSize(document)
        var headings: [(index: Int, kind: SectionKind, text: String)] = []
        for (index, text) in lines.enumerated() {
            let line = document.lines[index]
            // Headings are short; skip the rest cheaply (utf8.count is O(1)).
            guard !text.isEmpty, text.utf8.count <= 64 else { continue }
            let larger = bodyFontSize.map { body in (line.fontSize ?? 0) >= body * 1.15 } ?? false
            let styled = line.isBold || larger || ResumeText.isAllCaps(text)
            guard let kind = headingKind(text, styled: styled), styled || index == 0 || !endsMidSentence(lines[index - 1]) else {
                continue
            }
            // "SAP Modules/ Tools:" under a position, or repeated for each project: a plain skills
            // label there is part of the position or project, not a section of its own.
            if !styled, kind == .skills, phrases[folded(text)] == nil,
                headings.last.map({ $0.kind == .experience || $0.kind == .projects }) == true || lines.filter({ $0 == text }).count > 1
            {
                continue
            }
            // "LionLike MindState, Pomona, CA  June 2012 – Present" / "Volunteer" / "• Plan …": a plain
            // heading word between an entry's dated line and its bullets is the entry's title. Only a
            // word that can be a role does that ("Volunteer", "Leadership"); "Skills" after an education
            // line with its year heads the skills.
            if !ResumeText.isAllCaps(text), kind == .other || kind == .awards, isTitleOfDatedEntry(index, lines: lines) { continue }
            headings.append((index, kind, text))
        }
        var sections: [Section] = []
        for (position, heading) in headings.enumerated() {
            var end = position + 1 < headings.count ? headings[position + 1].index - 1 : lines.count - 1
            while end > heading.index, lines[end].isEmpty { end -= 1 }
            sections.append(Section(kind: heading.kind, heading: heading.text, startLine: heading.index, endLine: end))
        }
        return sections
    }

    /// The line at `index` sits right under a line that opens an entry (a name with dates, not a
    /// bullet) and right above that entry's first bullet.
    static func isTitleOfDatedEntry(_ index: Int, lines: [String]) -> Bool {
        guard let previous = lines[..<index].lastIndex(where: { !$0.isEmpty }), index - previous <= 2,
            let next = lines[(index + 1)...].firstIndex(where: { !$0.isEmpty }), next - index <= 2,
            ResumeText.isBullet(lines[next]), !ResumeText.isBullet(lines[previous]), DateRanges.containsDate(lines[previous])
        else { return false }
        return ResumeText.words(lines[previous]).count >= 4
    }

    /// "Azure Developer with 9 years of experience in Dot Net" / "Technologies": a full line that stops
    /// mid-sentence wrapped onto the next, so a plain heading word there ends the sentence instead.
    /// ("555-0100 | jake@su.edu | github.com/jake": contact items set apart by pipes are no sentence.)
    static func endsMidSentence(_ line: String) -> Bool {
        line.utf8.count >= 60 && line.last?.isLowercase == true && !line.utf8.contains(UInt8(ascii: "@"))
            && !ResumeText.contains(line, " | ")
    }

    static func medianFontSize(_ document: Document) -> Double? {
        let sizes = document.lines.compactMap(\.fontSize).sorted()
        return sizes.isEmpty ? nil : sizes[sizes.count / 2]
    }

    /// Whole headings, lower-cased without punctuation.
    static let phrases: [String: SectionKind] = {
        let table: [SectionKind: [String]] = [
            .summary: ["summary", "professional summary", "career summary", "objective", "career objective",
                       "professional objective", "profile", "professional profile", "about me", "about", "overview",
                       "executive summary", "personal statement", "summary of qualifications", "career summary"],
            .experience: ["experience", "work experience", "professional experience", "employment history",
                          "employment", "work history", "career history", "career", "professional history", "employment record",
                          "relevant experience", "internships",
                          "internship", "experience details", "professional background", "industrial experience",
                          "research experience", "teaching experience", "relevant work experience",
                          // An academic CV's posts: "Academic Appointments", "Positions Held".
                          "appointments", "academic appointments", "professional appointments", "academic positions",
                          "positions held", "research positions"],
            .education: ["education", "academic background", "academics", "educational qualifications",
                         "educational qualification", "academic qualifications", "academic qualification",
                         "qualifications", "education and training", "academic details", "scholastics"],
            .skills: ["skills", "technical skills", "computer skills", "key skills", "core skills", "it skills",
                      "skill set", "skillset", "technical skill set", "core competencies", "competencies",
                      "areas of expertise", "expertise", "technologies", "technical expertise", "tools",
                      "technical proficiency", "technical proficiencies", "skills summary", "professional skills", "software skills",
                      "technical summary", "skills and tools", "technical competencies", "software", "software and tools",
                      "tools and software"],
            .projects: ["projects", "academic projects", "academic project", "personal projects", "project", "key projects",
                        "project details", "project experience", "side projects", "project annexure", "projects undertaken",
                        "projects handled", "selected projects", "relevant projects"],
            .certifications: ["certifications", "certification", "certificates", "licenses", "licenses and certifications",
                              "certifications and licenses", "trainings", "training", "courses"],
            .awards: ["awards", "honors", "honours", "achievements", "honors and awards", "honors awards", "awards and honors",
                      "accomplishments", "awards and achievements", "scholarships", "key achievements"],
            .languages: ["languages", "language skills", "languages known", "spoken languages", "languages spoken"],
            .other: ["additional information", "interests", "hobbies", "hobbies and interests", "references",
                     "volunteer", "volunteering", "volunteer experience", "activities", "extracurricular activities",
                     "extra curricular activities", "publications", "personal details", "personal information", "personal data",
                     "personal particulars", "personal profile details", "bio data", "biodata",
                     "leadership", "leadership experience", "involvement", "campus involvement", "on campus involvement",
                     "leadership and involvement", "coursework", "relevant coursework", "significant coursework",
                     "declaration", "affiliations", "memberships", "groups", "strengths", "links", "contact", "contact information",
                     "service", "professional service", "grants", "grants and funding", "teaching", "talks", "presentations"],
        ]
        var phrases: [String: SectionKind] = [:]
        for (kind, list) in table.merging(headingsAbroad, uniquingKeysWith: +) { for phrase in list { phrases[phrase] = kind } }
        return phrases
    }()

    static let headingMarks: Set<Character> = ["■", "□", "▪", "◆", "◇", "►", "▶", "❖", "➤"]

    /// Headings in the languages of Europe and Latin America, kept by resumes otherwise in English
    /// ("Formação", "Berufserfahrung").
    static let headingsAbroad: [SectionKind: [String]] = [
        .experience: ["experiência", "experiência profissional", "experiencia", "experiencia profesional", "experiencia laboral",
                      "berufserfahrung", "expérience professionnelle", "expériences professionnelles", "esperienza professionale",
                      "esperienze professionali", "esperienza lavorativa", "esperienze lavorative", "esperienza professionale e lavorativa",
                      "experiencia profesional y laboral", "experiência de trabalho", "experiência laboral", "doświadczenie zawodowe", "werkervaring", "arbetslivserfarenhet",
                      "pengalaman kerja", "pengalaman", "pengalaman bekerja", "iş deneyimi", "deneyim", "praxis", "werdegang",
                      "beruflicher werdegang", "expérience", "expériences", "erfaring", "arbejdserfaring", "työkokemus",
                      "pracovní zkušenosti", "pracovné skúsenosti", "szakmai tapasztalat", "experiență profesională",
                      "kinh nghiệm làm việc", "kinh nghiệm", "radno iskustvo", "delovne izkušnje", "darba pieredze",
                      "darbo patirtis", "töökogemus", "starfsreynsla", "професионален опит", "трудов опит", "работен опит",
                      "experiência profissional e acadêmica", "radna iskustva"],
        .education: ["formação", "formação acadêmica", "formación", "formación académica", "educación", "educação", "ausbildung",
                     "studium", "formation", "istruzione", "istruzione e formazione", "wykształcenie", "opleiding", "utbildning",
                     "pendidikan", "eğitim", "eğitim bilgileri", "uddannelse", "utdanning", "koulutus", "vzdělání", "vzdelanie",
                     "tanulmányok", "educație", "studi", "học vấn", "trình độ học vấn", "obrazovanje", "izobrazba",
                     "izobraževanje", "izglītība", "išsilavinimas", "haridus", "menntun", "образование"],
        .skills: ["habilidades", "competências", "competencias", "kenntnisse", "fähigkeiten", "compétences", "competenze",
                  "umiejętności", "vaardigheden", "stack", "tech stack", "technology stack", "keahlian", "keterampilan",
                  "kemahiran", "yetenekler", "beceriler", "kompetencer", "ferdigheter", "taidot", "dovednosti", "zručnosti",
                  "készségek", "competențe", "aptitudes", "conocimientos", "kỹ năng",
                  "capacità e competenze tecniche", "capacità e competenze informatiche", "competenze digitali",
                  "competenze informatiche", "competenze tecniche", "competenze professionali", "competencias digitales",
                  "competências digitais", "compétences numériques", "digitale kompetenz", "digital skills", "vještine",
                  "veštine", "znanja", "spretnosti", "prasmes", "įgūdžiai", "oskused", "hæfni", "умения", "компетенции"],
        .other: ["osobni podaci", "lični podaci", "osebni podatki", "asmens duomenys", "personas dati", "isikuandmed",
                 "persónuupplýsingar", "лични данни", "informazioni personali", "dati personali", "datos personales", "información personal", "dados pessoais",
                 "informação pessoal", "informações pessoais", "informations personnelles", "état civil", "persönliche daten",
                 "persönliche angaben", "dane osobowe", "osobní údaje", "osobné údaje", "henkilötiedot", "personalia",
                 "personlige oplysninger"],
        .languages: ["idiomas", "sprachen", "langues", "lingue", "języki", "talen", "språk", "bahasa", "yabancı dil", "sprog", "kielet"],
    ]

    /// Keywords that make a styled short line a heading of a kind, checked in this order.
    static let keywords: [(String, SectionKind)] = [
        ("skill", .skills), ("competenc", .skills), ("technolog", .skills), ("experience", .experience),
        ("employment", .experience), ("education", .education), ("academic", .education),
        ("qualification", .education), ("project", .projects), ("certif", .certifications), ("licen", .certifications),
        ("award", .awards), ("honor", .awards), ("honour", .awards), ("achievement", .awards), ("language", .languages),
        ("summary", .summary), ("objective", .summary), ("profile", .summary), ("interest", .other),
        ("hobbies", .other), ("reference", .other), ("volunteer", .other), ("activit", .other), ("involvement", .other), ("publication", .other),
        ("information", .other),
    ]

    static let romanNumbering = Pattern("^\\s*[IVX]{1,4}[.)]\\s+")

    /// Lower-cased letters and single spaces, "&" read as "and", without numbering: "Honors & Awards:"
    /// -> "honors and awards", "IV. Trainings" -> "trainings" (digits go with the other non-letters).
    static func folded(_ text: String) -> String {
        var folded = ""
        var pendingSpace = false
        let unnumbered = text.first == "I" || text.first == "V" || text.first == "X" ? romanNumbering.replacing(in: text, with: "") : text
        if let ascii = foldedASCII(unnumbered) { return ascii }
        // (Turkish "İ" lower-cases to "i" and a combining dot, which no heading keeps.)
        for character in unnumbered.lowercased().replacingOccurrences(of: "i\u{307}", with: "i") {
            if ResumeText.isLetter(character) {
                if pendingSpace, !folded.isEmpty { folded.append(" ") }
                pendingSpace = false
                folded.append(character)
            } else if character == "&" {
                if !folded.isEmpty { folded.append(" ") }
                folded.append("and")
                pendingSpace = true
            } else if character == " " {
                pendingSpace = true
            }
        }
        return folded
    }

    /// `folded` of an ASCII text, byte by byte; nil for other text. Every line of a resume is a heading
    /// candidate, and lower-casing and walking Characters made `folded` ~2 % of analysis time.
    static func foldedASCII(_ text: String) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count + 4)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x80...:
                return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                if pendingSpace, !folded.isEmpty { folded.append(UInt8(ascii: " ")) }
                pendingSpace = false
                folded.append(byte | 0x20)  // ASCII lower case
            case UInt8(ascii: "&"):
                if !folded.isEmpty { folded.append(UInt8(ascii: " ")) }
                folded.append(contentsOf: "and".utf8)
                pendingSpace = true
            case UInt8(ascii: " "):
                pendingSpace = true
            default:
                continue
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// The kind of heading `text` is, or nil for an ordinary line.
    static func headingKind(_ text: String, styled: Bool) -> SectionKind? {
        // (A text has no more Characters than bytes: counting the Characters only when the bytes are more.)
        guard !text.isEmpty, text.utf8.count <= 64, text.utf8.count <= 48 || text.count <= 48, !ResumeText.contains(text, byte: UInt8(ascii: "@"))
        else { return nil }
        let folded = folded(text)
        guard !folded.isEmpty else { return nil }
        // "■ Education", "▶ Career": a whole heading behind a heavy mark is still the heading; a bullet
        // line is an item ("• Leadership" in a list of qualities).
        if ResumeText.isBullet(text) { return text.first.map(headingMarks.contains) == true ? phrases[folded] : nil }
        // "Skills:" alone is a heading; "Skills: Java, Python" is an inline list.
        // (The byte tests come first: a ":" Character has the ":" byte, and ASCII text without digits has
        // no Character that is a number; the Character walks run only when these cannot tell.)
        if ResumeText.contains(text, byte: UInt8(ascii: ":")), let colon = text.firstIndex(of: ":"),
            text[text.index(after: colon)...].contains(where: \.isLetter)
        {
            return nil
        }
        if let kind = phrases[folded] { return kind }
        let foldedWords = ResumeText.words(folded)
        let wordCount = foldedWords.count
        guard wordCount <= 4, !(ResumeText.mayHaveDigits(text, atLeast: 1) && text.contains(where: \.isNumber)), text.last != "." else {
            return nil
        }
        // "Key Technical Skills", "SAP Expertise", "Software/Tools": plain text has no styling, but a
        // short line in title case that ends in a skills word heads a list (`detect` keeps it from
        // ending a position: inside experience it labels that position's tools).
        if !styled, wordCount >= 2, let last = foldedWords.last, skillsHeadingWords.contains(String(last)), isTitleCase(text) {
            return .skills
        }
        guard styled else { return nil }
        // Byte search: Foundation's String.contains bridges to NSString on Linux and was a hot spot.
        for (keyword, kind) in keywords where ResumeText.contains(folded, keyword) {
            // "JAWAHARLAL NEHRU TECHNOLOGICAL UNIVERSITY": a school named in capitals, not a heading.
            return Organizations.looksLikeSchool(text) ? nil : kind
        }
        return nil
    }
}

extension SectionsAnalyzer {
    static let skillsHeadingWords: Set<String> = ["skills", "skill", "expertise", "competencies", "tools"]
    static let minorWords: Set<String> = ["of", "and", "in", "for", "the"]

    /// Every word capitalised but the minor ones: "Areas of Expertise", "SAP Modules/ Tools:".
    static func isTitleCase(_ text: String) -> Bool {
        text.split(whereSeparator: { $0 == " " || $0 == "/" }).allSatisfy { word in
            guard let first = word.first, first.isLetter else { return true }
            return first.isUppercase || minorWords.contains(word.lowercased())
        }
    }
}

/// Which section each line is in, for analyzers that read one kind of section.
public struct SectionMap: Sendable {
    public let sections: [SectionsAnalyzer.Section]
    public let lineCount: Int

    public init(_ input: AnalyzerInput) {
        sections = SectionsAnalyzer.sections(for: input)
        lineCount = input.document.lines.count
    }

    /// Body line indices of every section of `kind`, in order.
    public func lines(of kind: SectionKind) -> [Int] {
        sections.filter { $0.kind == kind }.flatMap { section in section.bodyLines.map(Array.init) ?? [] }
    }

    /// Lines before the first heading: where name and contact details usually are.
    public var headerLines: Range<Int> { 0..<(sections.first?.startLine ?? min(lineCount, 15)) }

    /// The kind of the section holding `line`, nil in the header.
    public func kind(ofLine line: Int) -> SectionKind? {
        sections.last(where: { $0.startLine <= line && line <= $0.endLine })?.kind
    }

    public func isHeading(_ line: Int) -> Bool { sections.contains { $0.startLine == line } }
}
