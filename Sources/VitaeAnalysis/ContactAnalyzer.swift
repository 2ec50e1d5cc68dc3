import Foundation
import VitaeEngine
import VitaeExtraction

/// Finds the candidate's name, emails, phone numbers, profile links and location.
public struct ContactAnalyzer: Analyzer {
    public static let name = "contact"
    public static let summary = "finds name, emails, phones, links (LinkedIn, GitHub, site) and location"

    public struct Link: Codable, Sendable, Hashable {
        public enum Kind: String, Codable, Sendable { case linkedin, github, website }
        public var kind: Kind
        public var url: String
    }

    public struct Contact: Codable, Sendable, Hashable {
        public var name: String?
        public var emails: [String] = []
        public var phones: [String] = []
        public var links: [Link] = []
        /// As written: "Silicon Valley, CA, USA", "Pune, Maharashtra", "NYC, NY".
        public var location: String?
        /// The location's first part, the place itself: "Silicon Valley", "Pune", "NYC".
        public var city: String?
        /// The rest of the location: "CA, USA", "Maharashtra"; nil when the location is one name.
        public var region: String?
    }

    public struct Output: Codable, Sendable {
        public var contact: Contact
    }

    public init(options: NoOptions) {}

    static let emailPattern = Pattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", literals: ["@"])
    /// A phone: optional +country code, optional (area), then digit groups split by space, dot or hyphen.
    static let phonePattern = Pattern(
        "(?<![\\w/])(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{1,5}\\)[\\s.-]?)?\\d{1,5}(?:[\\s.-]?\\d{2,5}){1,5}(?![\\w/])")
    static let linkPattern = Pattern(
        "(?<![@\\w.])(?:https?://)?(?:www\\.)?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:com|io|dev|me|org|net|ai|co|in|us|uk|app|page|site|tech)(?:/[^\\s,|;)]*)?",
        caseInsensitive: true,
        literals: [".com", ".io", ".dev", ".me", ".org", ".net", ".ai", ".co", ".in", ".us", ".uk", ".app", ".page", ".site", ".tech"])
    static let yearRange = Pattern("^(?:19|20)\\d{2}\\s*[-–]\\s*(?:19|20)\\d{2}$")
    static let labelPrefix = Pattern("^(?:(?:full\\s+|candidate(?:'s)?\\s+)?name|location|address|home|residence|city|phone|mobile|tel|telephone|cell|e-?mail)\\s*[:\\-]\\s*", caseInsensitive: true, literals: [":", "-"])
    /// "Based in Al Sadd, Doha, Qatar": the words before the place of a header's residence field.
    static let residencePrefix = Pattern("^(?:(?:based|living|located|residing)\\s+in|lives\\s+in)\\s+", caseInsensitive: true, literals: [" in "])

    public func analyze(_ input: AnalyzerInput) async throws -> Output {
        let lines = ResumeText.cleanLines(input)
        let map = SectionMap(input)
        // A "Contact" section (a sidebar in two-column layouts, read after the main column) holds what
        // a header would.
        let contactSection = map.sections.filter { SectionsAnalyzer.folded($0.heading).hasPrefix("contact") }
            .flatMap { $0.bodyLines.map(Array.init) ?? [] }
        return Output(contact: Self.contact(lines: lines, headerLines: map.headerLines, contactLines: contactSection))
    }

    /// An address ending a sentence ("jane@x.com.") is followed by a full stop.
    static let periods = TrimSet(charactersIn: ".")

    static func contact(lines: [String], headerLines: Range<Int>, contactLines: [Int] = []) -> Contact {
        var contact = Contact()
        // The pattern runs only on lines with an "@" (its literal).
        for match in lines.flatMap({ emailPattern.matches(in: $0) }) {
            let email = match.text.lowercased().trimming(periods)
            if !contact.emails.contains(email) { contact.emails.append(email) }
        }
        // Phones and the location belong to the header; further down, digit runs are dates and figures.
        let header = Array(lines[headerLines.clamped(to: 0..<lines.count)].prefix(20))
        let searchLines = header.isEmpty ? Array(lines.prefix(15)) : header
        let labelled = labelledLines(lines)
        let contactSection = contactLines.filter(lines.indices.contains).map { lines[$0] }
        for line in searchLines + contactSection + labelled {
            for phone in phones(in: line) where !contact.phones.contains(phone) { contact.phones.append(phone) }
        }
        // No link spans lines (no part of the pattern takes a line break), and a line's first character
        // has a line break or the text's start before it either way: leaving out the lines that
        // cannot hold a link (by the pattern's literals) leaves the matches in the others as they were.
        contact.links = links(in: lines.filter { line in
            (ResumeText.contains(line, byte: UInt8(ascii: "/"))
                || ResumeText.contains(line, byte: UInt8(ascii: ".")) && (ResumeText.containsIgnoringCase(line, "www") || ResumeText.containsIgnoringCase(line, "http")))
                && linkPattern.mayMatch(line)
        }.joined(separator: "\n"))
        contact.name = name(in: lines)
        // LinkedIn's export: the name, the headline and the place come after a sidebar of contact
        // details, skills and languages, further down than a header.
        let afterName = contact.name.flatMap { name -> [String]? in
            let folded = name.lowercased()
            guard let line = lines.firstIndex(where: { $0.lowercased().contains(folded) }), line >= searchLines.count - 1 else { return nil }
            return Array(lines[(line + 1)...].filter { !$0.isEmpty }.prefix(3))
        } ?? []
        contact.location = location(in: searchLines) ?? location(in: afterName) ?? location(in: contactSection) ?? location(in: labelled)
        if let location = contact.location {
            let parts = location.split(separator: ",").map { $0.trimming(.whitespaces) }
            contact.city = parts.first
            contact.region = parts.count > 1 ? parts.dropFirst().joined(separator: ", ") : nil
        }
        return contact
    }

    /// Lines anywhere that say "Phone: …" or "Address: …".
    static func labelledLines(_ lines: [String]) -> [String] {
        // (The pattern's literals skip lines without ":" or "-".)
        lines.filter { $0.utf8.count < 120 && labelPrefix.firstMatch(in: $0)?.range.location == 0 }
    }

    static func phones(in line: String) -> [String] {
        var phones: [String] = []
        // A phone has 9 digits or more, which the line must have too: skip the patterns on other lines.
        guard ResumeText.mayHaveDigits(line, atLeast: 9) else { return phones }
        let withoutEmails = emailPattern.replacing(in: line, with: " ")
        for match in phonePattern.matches(in: withoutEmails) {
            let candidate = match.text.trimming(.whitespaces)
            let digits = candidate.filter(\.isNumber)
            guard (9...15).contains(digits.count), !yearRange.contains(candidate) else { continue }
            phones.append(withoutLeadingNumber(candidate))
        }
        return phones
    }

    /// "44444 614-555-5555": a post code (or house number) typed before the phone runs into it. When
    /// a number without a + or ( prefix has its first group split off by a space and the rest split
    /// consistently by hyphens or dots, and that rest is a whole phone (10+ digits), the rest is the phone.
    static func withoutLeadingNumber(_ candidate: String) -> String {
        guard let first = candidate.first, first.isNumber, let space = candidate.firstIndex(of: " ") else { return candidate }
        let rest = candidate[candidate.index(after: space)...].trimming(.whitespaces)
        let separators = Set(rest.filter { !$0.isNumber })
        guard separators.count == 1, let separator = separators.first, separator == "-" || separator == ".",
            rest.filter(\.isNumber).count >= 10
        else { return candidate }
        return rest
    }

    /// The line with emails, links and phone numbers replaced by field separators, so that what is
    /// left between them ("Columbus, Ohio", "Jane Doe") can be read as fields of their own.
    static func maskingContactItems(_ line: String) -> String {
        var text = line
        if text.utf8.contains(UInt8(ascii: "@")) { text = emailPattern.replacing(in: text, with: " | ") }
        if text.utf8.contains(UInt8(ascii: ".")) { text = linkPattern.replacing(in: text, with: " | ") }
        if ResumeText.mayHaveDigits(text, atLeast: 9), text.contains(where: \.isNumber) {
            for match in phonePattern.matches(in: text).reversed() {
                let digits = match.text.filter(\.isNumber).count
                guard (9...15).contains(digits), !yearRange.contains(match.text) else { continue }
                text = (text as NSString).replacingCharacters(in: match.range, with: " | ")
            }
        }
        return text
    }

    /// A link at the end of a sentence or a label ("see github.com/jane.") is followed by these.
    static let sentencePunctuation = TrimSet(charactersIn: ".:")

    static func links(in text: String) -> [Link] {
        var links: [Link] = []
        for match in linkPattern.matches(in: text) {
            var url = match.text.trimming(sentencePunctuation)
            let lower = url.lowercased()
            let kind: Link.Kind
            if ResumeText.contains(lower, "linkedin.com") {
                kind = .linkedin
            } else if ResumeText.contains(lower, "github.com") {
                kind = .github
            } else if lower.hasPrefix("http") || lower.hasPrefix("www.") || lower.utf8.contains(UInt8(ascii: "/")) {
                kind = .website
            } else {
                continue  // "Node.js", "ASP.NET", a bare domain in prose: not a link
            }
            if url.hasSuffix("/") { url.removeLast() }
            if !links.contains(where: { $0.url.lowercased() == url.lowercased() }) { links.append(Link(kind: kind, url: url)) }
        }
        return links
    }

    /// "Surname: Moyo" / "First Names: Tendai Blessing": a form's name fields.
    static let surnameField = Pattern("^(?:surname|last\\s+name|family\\s+name)\\s*:\\s*(.+)$", caseInsensitive: true, literals: [":"])
    static let givenNamesField = Pattern(
        "^(?:first\\s+names?|given\\s+names?|forenames?|other\\s+names?)\\s*:\\s*(.+)$", caseInsensitive: true, literals: [":"])

    static func nameFromFormFields(_ lines: [String]) -> String? {
        let top = lines.prefix(25)
        guard let surname = top.lazy.compactMap({ surnameField.firstMatch(in: $0)?.groups[1] }).first,
            let given = top.lazy.compactMap({ givenNamesField.firstMatch(in: $0)?.groups[1] }).first
        else { return nil }
        let name = casedName(given.trimming(.whitespaces)) + " " + casedName(surname.trimming(.whitespaces))
        return isPersonName(name) ? name : nil
    }

    /// "Name: Ferrari Chiara" (a form's field, as `FormFields` writes every language's): the form says
    /// which line is the name, whatever the document's title above it ("F O R M A T O  E U R O P E O").
    static func labelledName(_ lines: [String]) -> String? {
        for line in lines.prefix(25) where line.hasPrefix("Name: ") || line.hasPrefix("Full Name: ") || line.hasPrefix("Full name: ") {
            let value = String(line[line.index(after: line.firstIndex(of: ":")!)...]).trimming(.whitespaces)
            let candidate = withoutUncommaedPostNominals(withoutHonorificOrOtherScript(value)) ?? withoutHonorificOrOtherScript(value)
            if isPersonName(candidate) { return casedName(candidate) }
        }
        return nil
    }

    /// The first line near the top that reads as a person's name: 1-4 capitalised words, no digits.
    static func name(in lines: [String]) -> String? {
        if let name = nameFromFormFields(lines) ?? labelledName(lines) { return name }
        var seen = 0
        // "SKILLS" / "Financial Modelling" / "Power BI": a sidebar read before the name lists items under
        // its headings, no name; they do not count toward the lines a name is looked for in. A blank
        // line ends such a list.
        var inList = false
        for line in lines {
            if line.isEmpty {
                inList = false
                continue
            }
            if let kind = SectionsAnalyzer.headingKind(line, styled: true) {
                // ("Personal Details", "Profile" head what a header holds.)
                inList = kind != .summary && kind != .other
                if inList { continue }
            }
            if inList { continue }
            seen += 1
            if seen > 8 { break }
            // A skill the taxonomy knows ("Financial Modelling") names no person.
            if SkillTaxonomy.shared.skill(named: line) != nil { continue }
            var candidate = line
            if let match = labelPrefix.firstMatch(in: candidate), match.range.location == 0,
                ResumeText.contains(match.text.lowercased(), "name")
            {
                candidate = String(candidate.dropFirst(match.text.count))
            }
            // "Jane Doe | jane@x.com | …": the name is the first field.
            var firstField = String(candidate.split(whereSeparator: { "|•·—".contains($0) }).first ?? "")
                .trimming(.whitespaces)
            // "Haruka Sato (佐藤 遥)", "Jane Roe (she/her)": the name again in another script, or pronouns.
            if firstField.hasSuffix(")"), let open = firstField.lastIndex(of: "("), open > firstField.startIndex,
                firstField[firstField.index(before: open)] == " "
            {
                firstField = firstField[..<open].trimming(.whitespaces)
            }
            firstField = withoutHonorificOrOtherScript(firstField)
            firstField = withoutUncommaedPostNominals(firstField) ?? withoutNickname(firstField)
            if isPersonName(firstField) { return casedName(firstField) }
            // "Silicon Valley, CA, USA" ends in capitals too, but names a place.
            if firstField.utf8.contains(UInt8(ascii: ",")) || firstField.utf8.contains(UInt8(ascii: "(")),
                Places.location(in: firstField) == nil
            {
                let withoutLetters = postNominals.replacing(in: firstField, with: "")
                if isPersonName(withoutLetters) { return casedName(withoutLetters) }
                if let name = surnameFirst(withoutLetters) { return name }
            }
            // "Alfred Pennyworth  (123) 456-7890": a header set in two blocks can share a line with
            // contact items and their icon glyphs; the name is what is left before them.
            if let name = nameBesideContactItems(candidate) { return ResumeText.titleCasedIfShouting(name) }
            candidate = firstField
            // A name typed all in lower case is only trusted as the document's first line.
            if seen == 1, candidate.first?.isLowercase == true {
                let capitalised = candidate.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }
                    .joined(separator: " ")
                let words = Set(candidate.lowercased().split(separator: " ").map(String.init))
                if words.isDisjoint(with: documentTitleWords), isPersonName(capitalised) {
                    return capitalised
                }
            }
        }
        return nil
    }

    /// "Dr. Ayşe Yılmaz", "Eng. Mahmoud El-Sayed", "Li Wei 李伟": a title or a professional prefix
    /// before the name, or the name again in another script after it, is no part of the name, as
    /// a degree after it is not.
    static func withoutHonorificOrOtherScript(_ text: String) -> String {
        var words = text.split(separator: " ")
        // "apt. Dewi Lestari Putri", "ir. Budi Santoso": a professional title in lower case with its full stop.
        // "Dr. med. Anna Roth", "Mgr. Ing. Jana Nová": titles may stack.
        var removedTitle = false
        while words.count >= 3, honorifics.contains(words[0].lowercased())
            || words[0].hasSuffix(".") && words[0].dropLast().allSatisfy(\.isLowercase) && (2...5).contains(words[0].count)
            || isAcademicTitle(words[0])
            // "Ing. Agr. Juan Pablo Olivera", "Dr. Vet. Ana Ruiz": after a title, a capitalised
            // abbreviation of three letters or more is its field (an initial has one letter).
            || removedTitle && words[0].hasSuffix(".") && (4...6).contains(words[0].count) && words[0].first?.isUppercase == true
                && words[0].dropFirst().dropLast().allSatisfy(\.isLowercase)
        {
            words.removeFirst()
            removedTitle = true
        }
        while words.count >= 3, let last = words.last, last.unicodeScalars.allSatisfy(isOtherScript) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// A letter of no Latin alphabet (Latin-1, Latin Extended and Vietnamese's are Latin).
    static func isOtherScript(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && scalar.value > 0x024F && !(0x1E00...0x1EFF).contains(scalar.value)
    }

    static let honorifics: Set<String> = [
        // Only with its full stop where the bare word is also a name ("Eng Wei Tan"). Not "M." (an
        // initial: "M. Usman Khan") nor "Sheikh" (a family name too).
        "dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx.", "eng.", "engr", "engr.", "arch.", "ing.",
        "dipl.-ing.", "adv.", "sr.", "sra.", "mag.", "mgr.", "bc.", "doc.", "dipl.", "univ.-prof.", "lic.", "lcda.", "lcdo.",
        "ir.", "drs.", "mme", "mme.", "mlle", "sig.", "dott.", "dott.ssa", "hon.", "shri", "smt.", "smt", "shri.",
    ]

    /// Central European degree titles before the name, written with an inner capital: "JUDr.", "MUDr.",
    /// "PhDr.", "RNDr.", "MVDr.", "PaedDr.".
    static func isAcademicTitle(_ word: Substring) -> Bool {
        guard word.hasSuffix("Dr."), word.count >= 4, word.count <= 8 else { return false }
        return word.dropLast(3).allSatisfy(\.isLetter)
    }

    /// "Chukwuemeka \"Emeka\" Obi", "Robert (Bob) Lee": a nickname between the names is no part of them.
    static func withoutNickname(_ text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count >= 3 else { return text }
        let kept = words.enumerated().filter { index, word in
            guard index > 0, index < words.count - 1, let first = word.first, let last = word.last else { return true }
            return !("\"“'(".contains(first) && "\"”')".contains(last) && word.count > 2) || postNominalKind(word) != nil
        }.map(\.element)
        return kept.count == words.count ? text : kept.joined(separator: " ")
    }

    /// A name in capitals keeps its particles in lower case after the first word: "MARÍA DE LA CRUZ"
    /// gives "María de la Cruz".
    static func casedName(_ text: String) -> String {
        let cased = ResumeText.titleCasedIfShouting(text)
        guard cased != text else { return text }
        return cased.split(separator: " ").enumerated().map { index, word in
            index > 0 && nameParticles.contains(word.lowercased()) ? word.lowercased() : String(word)
        }.joined(separator: " ")
    }

    /// "ONYANGO, Peter Otieno", "Smith, John": the surname first, then a comma and the given names,
    /// as forms and registers write it. Read as the given names and then the surname.
    static func surnameFirst(_ text: String) -> String? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimming(.whitespaces) }
        guard parts.count == 2 else { return nil }
        let surname = ResumeText.words(parts[0]), given = ResumeText.words(parts[1])
        // "Lim Wei Jie, Jason": a Chinese name and the English given name after it.
        // "OBI, CHUKWUEMEKA IKENNA": all in capitals, as registers write it, the given names are
        // capitals too; otherwise a given name is capitalised ("Smith, JOHN" is no name).
        let shouting = ResumeText.isAllCaps(text)
        guard (1...2).contains(surname.count) || surname.count == 3 && given.count == 1, (1...3).contains(given.count),
            shouting && given.count >= 2
                || given.allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().contains(where: \.isLowercase) })
        else { return nil }
        let name = casedName(parts[1]) + " " + casedName(parts[0])
        return isPersonName(name) ? name : nil
    }

    /// "Mary-Kate MacDonald BSc (Hons) MRICS", "Sarah Connor MBA PMP": degrees and memberships after
    /// the name with no comma before them. Only taken off a name not itself in capitals, and only
    /// where one of them is surely a degree or two stand together: a surname is often written in
    /// capitals too ("Jean DUPONT").
    static func withoutUncommaedPostNominals(_ text: String) -> String? {
        var words = text.split(separator: " ")
        var removed = 0, sure = false, allKnown = true
        while words.count > 2, let last = words.last, let kind = postNominalKind(last) {
            words.removeLast()
            removed += 1
            sure = sure || kind == .degree
            allKnown = allKnown && kind == .degree
        }
        // ("Sarah Connor, MBA": with a comma, `postNominals` takes them.) A name in capitals keeps its
        // last words unless each is a known qualification ("RICHARD A. PEMBERTON FCMA CGMA").
        guard sure || removed >= 2, words.last?.hasSuffix(",") == false,
            !ResumeText.isAllCaps(words.joined(separator: " ")) || allKnown && removed > 0
        else { return nil }
        return words.joined(separator: " ")
    }

    enum PostNominalKind { case degree, capitals }

    static func postNominalKind(_ word: Substring) -> PostNominalKind? {
        if word == "(Hons)" || word == "(Hons.)" { return .degree }
        let letters = word.filter { $0 != "." }
        guard (2...6).contains(letters.count), letters.allSatisfy(\.isLetter), letters.first?.isUppercase == true else { return nil }
        if mixedCaseDegrees.contains(letters) || commonPostNominals.contains(letters) { return .degree }
        return letters.allSatisfy(\.isUppercase) ? .capitals : nil
    }

    /// Degrees written in mixed case ("McKay" is a name, "PhD" is not).
    static let mixedCaseDegrees: Set<String> = [
        "PhD", "DPhil", "MPhil", "BSc", "MSc", "BEng", "MEng", "BCom", "MCom", "MBChB", "BArch", "MArch", "BEd", "MEd",
        "MRes", "BPharm", "MPharm", "BMus", "EdD", "DSc", "MSt", "BPhil", "BTech", "MTech", "CEng",
    ]

    /// Letters after a name that are no surname.
    static let commonPostNominals: Set<String> = [
        "MBA", "PMP", "CPA", "CFA", "RN", "BSN", "MSN", "LPN", "PHD", "ACCA", "FCCA", "CIMA", "MRICS", "FRICS", "CISSP",
        "PE", "MPH", "MSW", "LCSW", "SHRM", "CSM", "DDS", "DMD", "RGN", "FRCS", "MRCP", "MBBS", "FCPS",
        "FCMA", "ACMA", "CGMA", "FCA", "ACA", "MCIPS", "FCIPS", "CIPD", "MCIPD", "FCIPD", "CMgr", "FCMI", "MCMI", "MIET",
        "FRSA", "MBE", "OBE", "CBE", "KC", "QC", "CFP", "CHRP", "CPHR", "PEng", "CSCP", "CPIM", "CMA", "EA", "JD", "LLM",
    ]

    /// Degrees, licences and suffixes after the name ("Olga Ivanova, PhD", "Sarah Connor, MBA, PMP",
    /// "John Roe, Jr."): short words of capitals or ending in a full stop, so a given name after a
    /// surname ("Smith, John") is not one.
    /// "Thabo Mokoena CA(SA)": a qualification with its country in brackets needs no comma; "…, CCIE
    /// Written": a qualification may take one word after it.
    static let postNominals = Pattern(
        "(?:,\\s*(?:[A-Z][A-Za-z.]{0,6}\\.|[A-Z][a-z]?\\.?[A-Z][A-Za-z.]{0,5})(?:\\s+[A-Z][a-z]+)?|\\s+[A-Z]{2,5}\\([A-Z]{2,3}\\))+\\s*$")

    static func nameBesideContactItems(_ line: String) -> String? {
        let masked = maskingContactItems(line)
        guard masked != line else { return nil }
        guard let first = masked.split(separator: "|").first else { return nil }
        var words = first.split(separator: " ").map(String.init)
        // Icon-font glyphs ("I", "#", "ð", "§") set before a phone or an email.
        while let last = words.last, last.count == 1 || !last.contains(where: \.isLetter) { words.removeLast() }
        let candidate = words.joined(separator: " ")
        return isPersonName(candidate) ? candidate : nil
    }

    static func isPersonName(_ text: String) -> Bool {
        let words = ResumeText.words(text)
        // "Nurul Syafiqah binti Ahmad Fauzi", "Ludwig van der Berg": the lower-case particles of a name
        // are no more names.
        let particles = words.dropFirst().filter { nameParticles.contains($0.lowercased()) }.count
        // "John A. Smith III", "José Luis Rodríguez Zapatero Jr.": a generational suffix is no more a name.
        let suffixes = words.count > 2 && generationalSuffixes.contains(words[words.count - 1].lowercased()) ? 1 : 0
        guard (2...4).contains(words.count - particles - suffixes), words.count <= 6, text.count <= 48 else { return false }
        guard !text.contains(where: { $0.isNumber || "@:/,()".contains($0) }) else { return false }
        // Some people type their surname in lower case ("Ravi kumar"); the first word must be capitalised.
        guard words[0].first?.isUppercase == true else { return false }
        for word in words {
            guard word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }) else { return false }
        }
        if SectionsAnalyzer.headingKind(text, styled: true) != nil { return false }
        if words.allSatisfy({ documentTitleWords.contains($0.lowercased()) }) { return false }
        // "Sex Male", "Nationality Slovenian": a personal detail and its value, set apart by a gap.
        if personalDetailWords.contains(words[0].lowercased()) { return false }
        if JobTitles.titleScore(text) >= 0.6 || Organizations.looksLikeOrganization(text) { return false }
        return true
    }

    static let generationalSuffixes: Set<String> = ["jr.", "jr", "sr.", "ii", "iii", "iv"]

    static let nameParticles: Set<String> = ["bin", "binti", "bint", "al", "el", "van", "von", "der", "den", "de", "da", "do", "dos", "das", "del", "la", "le", "di", "du", "y", "ibn", "ben", "ter", "ten"]

    /// The words a resume's first lines may call the document by instead of giving the name
    /// ("CURRICULUM VITAE", "resume").
    static let documentTitleWords: Set<String> = [
        "curriculum", "vitae", "vitæ", "resume", "résumé", "cv", "profile", "bio", "data", "biodata", "europass", "currículo",
        "currículum", "lebenslauf", "životopis", "życiorys", "formato", "europeo", "européen", "hoja", "de", "vida", "hojas",
    ]

    static let personalDetailWords: Set<String> = [
        "sex", "gender", "nationality", "religion", "marital", "citizenship", "born", "dob", "age", "birth", "date", "status",
    ]

    static let indeedSuffix = Pattern("\\s*-?\\s*Email me on Indeed.*$", caseInsensitive: true, literals: ["email me on indeed"])

    static let spacedSlash = Pattern("(?:^|\\s)/(?:\\s|$)")

    /// The first header segment that reads as "City, Region".
    static func location(in lines: [String]) -> String? {
        // "Rua das Flores, 123 – Centro – Belo Horizonte/MG": a place the text vouches for (with its
        // region, post code or street) wins over a bare name that the towns list happens to hold.
        var bareTown: String?
        for line in lines {
            var text = labelPrefix.replacing(in: line, with: "")
            let hadIndeedSuffix = indeedSuffix.contains(text)
            text = maskingContactItems(indeedSuffix.replacing(in: text, with: ""))
            // "555.123.4567 / tom@brown.io / Austin, TX": a slash between spaces parts header fields too.
            if text.utf8.contains(UInt8(ascii: "/")) { text = spacedSlash.replacing(in: text, with: " | ") }
            let segments = ResumeText.splitSegments(text).map { residencePrefix.replacing(in: $0, with: "") }
            for segment in segments where !segment.utf8.contains(UInt8(ascii: "@")) {
                if let place = Places.location(in: segment, allowBareCity: hadIndeedSuffix && segments.count == 1) { return place }
                // "Galway · +353 …": a known town among the header's fields, though no region follows it.
                if bareTown == nil, let place = Places.placeInPlaceSlot(segment) { bareTown = place }
            }
        }
        return bareTown
    }
}
