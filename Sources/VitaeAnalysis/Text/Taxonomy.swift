import Foundation

/// Reads a resource file shipped in `Resources/`, skipping `#` comment lines.
enum ResourceFile {
    static func lines(_ name: String, extension ext: String) -> [Substring] {
        guard let text = String(data: data(name, extension: ext), encoding: .utf8) else {
            fatalError("VitaeAnalysis resource \(name).\(ext) is not UTF-8")
        }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    }

    static func data(_ name: String, extension ext: String) -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: ext),
            let data = try? Data(contentsOf: url)
        else {
            // A build without its resources is broken; say so loudly rather than analysing badly.
            fatalError("VitaeAnalysis resource \(name).\(ext) is missing from the bundle")
        }
        return data
    }
}

/// One skill of the taxonomy.
public struct Skill: Sendable, Hashable {
    public var name: String
    public var category: String
    /// A short or everyday word (R, Go, Spring): counted only in list context and with its exact case.
    public var isAmbiguous: Bool
}

/// The skills taxonomy (`Resources/skills.tsv`, built by `scripts/build-taxonomy.py`), loaded once per
/// process on first use and shared by every job.
public struct SkillTaxonomy: Sendable {
    public static let shared = SkillTaxonomy(lines: ResourceFile.lines("skills", extension: "tsv"))

    public let skills: [Skill]
    /// Alias token sequences keyed by their first token, longest first.
    let entries: [String: [Entry]]

    struct Entry: Sendable {
        var tokens: [String]
        var skill: Int
        /// Set when the alias must match with this exact spelling.
        var exactForm: String?
        var needsListContext: Bool
        /// An everyday word as an alias ("~=Word", "~=UI"): it names the skill only as a list item of
        /// its own, not inside a longer name ("Send Word Now", "UI Development").
        var mustStandAlone: Bool
    }

    init(lines: [Substring]) {
        var skills: [Skill] = []
        var entries: [String: [Entry]] = [:]
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4, !fields[0].isEmpty else { continue }
            let index = skills.count
            let ambiguous = fields[2].utf8.contains(UInt8(ascii: "a"))
            let listOnly = fields[2].utf8.contains(UInt8(ascii: "l"))
            skills.append(Skill(name: fields[0], category: fields[1], isAmbiguous: ambiguous))
            // Names of three letters or fewer (SQL, ETL, BI) are acronyms: they must be written as such,
            // or "etc", "pos" and "id" in prose would count.
            func isShort(_ text: String) -> Bool { text.count <= 3 && text.allSatisfy(\.isLetter) }
            var aliases: [(text: String, exact: Bool, listContext: Bool, alone: Bool)] = [
                (fields[0], ambiguous || isShort(fields[0]), ambiguous || listOnly, false)
            ]
            for alias in fields[3].split(separator: "|") where !alias.isEmpty {
                // "~=UI": the alias alone needs a list context ("~") and its exact case ("=").
                let listed = alias.hasPrefix("~")
                let marked = listed ? alias.dropFirst() : alias[...]
                let text = marked.hasPrefix("=") ? String(marked.dropFirst()) : String(marked)
                aliases.append((text, marked.hasPrefix("=") || isShort(text), listOnly || listed, listed && marked.hasPrefix("=")))
            }
            for alias in aliases {
                let tokens = SkillTokenizer.tokens(in: alias.text, line: 0).map(\.folded)
                guard let first = tokens.first else { continue }
                entries[first, default: []].append(
                    Entry(tokens: tokens, skill: index, exactForm: alias.exact ? alias.text : nil,
                          needsListContext: alias.listContext, mustStandAlone: alias.alone))
            }
        }
        for key in entries.keys {
            entries[key]!.sort { $0.tokens.count > $1.tokens.count }
        }
        self.skills = skills
        self.entries = entries
    }

    public func skill(named name: String) -> Skill? {
        let tokens = SkillTokenizer.tokens(in: name, line: 0).map(\.folded)
        guard let first = tokens.first else { return nil }
        return entries[first]?.first(where: { $0.tokens == tokens }).map { skills[$0.skill] }
    }

    /// "Port Operating System (POS)", "ATS (Automated Test System)": the acronyms (folded) that the text
    /// spells out, in brackets before or after them, as words no name of the taxonomy's skill of that
    /// acronym shares. O*NET's acronyms are its products' ("Point of sale POS", "Automate the Schools
    /// ATS"); a resume that defines one otherwise means its own thing by it, at every mention.
    func acronymsDefinedOtherwise(in tokens: [SkillToken]) -> Set<String> {
        var otherwise: Set<String> = [], confirmed: Set<String> = []
        for (index, token) in tokens.enumerated() {
            let length = token.original.utf8.count
            guard (2...5).contains(length), token.original.utf8.allSatisfy({ (65...90).contains($0) }),
                let skill = entries[token.folded]?.first(where: { $0.tokens.count == 1 })?.skill
            else { continue }
            var spellings: [ArraySlice<SkillToken>] = []
            if token.afterListMark, index >= length { spellings.append(tokens[(index - length)..<index]) }
            if token.beforeListMark, index + length < tokens.count { spellings.append(tokens[(index + 1)...(index + length)]) }
            for words in spellings where words.allSatisfy({ $0.line == token.line })
                && words.map({ $0.original.prefix(1).uppercased() }).joined() == token.original
            {
                if namesShare(Set(words.flatMap { $0.folded.split(separator: "-") }), skill: skill) {
                    confirmed.insert(token.folded)
                } else {
                    otherwise.insert(token.folded)
                }
            }
        }
        return otherwise.subtracting(confirmed)
    }

    /// Half of `words` or more are words of one of the skill's names.
    private func namesShare(_ words: Set<Substring>, skill: Int) -> Bool {
        entries.values.joined().contains { entry in
            entry.skill == skill && words.filter { word in entry.tokens.contains { $0.split(separator: "-").contains(word) } }.count * 2 >= words.count
        }
    }

    /// One found skill: which, and on which lines.
    public struct Hit: Sendable, Hashable {
        public var skill: Int
        public var line: Int
        /// The mention as the resume writes it ("MS Office" for Microsoft Office).
        public var written: String
    }

    /// Every skill mentioned in `tokens`. `isListLine(line)` says a line is a skills list, where short
    /// ambiguous names count without further context.
    func hits(in tokens: [SkillToken], isListLine: (Int) -> Bool) -> [Hit] {
        var hits: [Hit] = []
        var index = 0
        while index < tokens.count {
            var advanced = false
            if let candidates = entries[tokens[index].folded] {
                for entry in candidates where matches(entry, tokens, at: index) {
                    let end = index + entry.tokens.count - 1
                    // "WHITBREAD PLC", "Whitbread PLC is …": a legal form after a capitalised name ends
                    // a company's name; PLC the controller is "PLC programming", "in PLC, SCADA".
                    if entry.tokens.count == 1, Self.legalForms.contains(entry.tokens[0]), index > 0, !tokens[index].afterListMark,
                        tokens[index - 1].line == tokens[index].line, tokens[index - 1].original.first?.isUppercase == true
                    {
                        continue
                    }
                    if let exact = entry.exactForm {
                        let form = tokens[index...end].map(\.original).joined(separator: " ")
                        guard form == exact || (exact.count <= 2 && form == exact.uppercased()) else { continue }
                        // "BASIC KNOWLEDGE OF ANDROID": on a line in capitals, a word-like name known only by its
                        // capitals (BASIC) is the English word, unless it stands as an item ("C, BASIC, SQL").
                        if skills[entry.skill].isAmbiguous, exact.count >= 3, !Self.isBesideListMark(tokens, from: index, to: end),
                            Self.isAllCapsLine(tokens, around: index)
                        {
                            continue
                        }
                    }
                    if Self.namesTown(tokens, at: index, to: end) || Self.isVerb(tokens, at: index, to: end) { continue }
                    if entry.mustStandAlone, !(tokens[index].afterListMark && tokens[end].beforeListMark) { continue }
                    if entry.needsListContext {
                        // Short names (R, Go) may stand in any comma list; soft skills must be in a
                        // skills section ("strong communication, leadership" in a summary is a claim).
                        let inSkillsList = isListLine(tokens[index].line)
                        guard inSkillsList || (skills[entry.skill].isAmbiguous && Self.isBesideListMark(tokens, from: index, to: end))
                        else { continue }
                    }
                    hits.append(Hit(skill: entry.skill, line: tokens[index].line, written: tokens[index...end].map(\.original).joined(separator: " ")))
                    index = end + 1
                    advanced = true
                    break
                }
            }
            if !advanced { index += 1 }
        }
        return hits
    }

    /// "Languages: Python, R", "Go, Rust": a comma, slash, colon… between the name and a word of the same
    /// line. The line's own start or end is none: "Officer-HR in Contoso - SAP - R" (a title cut where
    /// the line wrapped) lists nothing.
    static func isBesideListMark(_ tokens: [SkillToken], from start: Int, to end: Int) -> Bool {
        let markBefore = tokens[start].afterListMark && start > 0 && tokens[start - 1].line == tokens[start].line
        let markAfter = tokens[end].beforeListMark && end + 1 < tokens.count && tokens[end + 1].line == tokens[end].line
        return markBefore || markAfter
    }

    /// "Cisco - Samba, Jammu and Kashmir": a capitalised name right before a state or country (written
    /// out, not as a code such as "MS") is a town, whatever else it names.
    static func namesTown(_ tokens: [SkillToken], at start: Int, to end: Int) -> Bool {
        guard tokens[end].beforeListMark, tokens[start].original.first?.isUppercase == true else { return false }
        var region = ""
        for next in (end + 1)..<min(end + 4, tokens.count) {
            guard tokens[next].line == tokens[start].line else { break }
            region += region.isEmpty ? tokens[next].folded : " " + tokens[next].folded
            if Places.regions.contains(region) { return true }
            if tokens[next].beforeListMark { break }
        }
        return false
    }

    /// "learn and excel in a competitive environment": a product named by an English verb, in lower
    /// case and before a preposition, is the verb ("excel sheets", "Excel, Word" are the product).
    static func isVerb(_ tokens: [SkillToken], at start: Int, to end: Int) -> Bool {
        guard start == end, verbNames.contains(tokens[start].original), end + 1 < tokens.count, !tokens[end].beforeListMark else { return false }
        return ["in", "at"].contains(tokens[end + 1].folded)
    }

    static let verbNames: Set<String> = ["excel"]

    /// Every word of the token's line is written without lower-case letters.
    static func isAllCapsLine(_ tokens: [SkillToken], around index: Int) -> Bool {
        let line = tokens[index].line
        var first = index
        while first > 0, tokens[first - 1].line == line { first -= 1 }
        var last = index
        while last + 1 < tokens.count, tokens[last + 1].line == line { last += 1 }
        return tokens[first...last].allSatisfy { !$0.original.contains(where: \.isLowercase) }
    }

    /// Words that end a company's name ("Whitbread PLC") and also name a skill.
    static let legalForms: Set<String> = ["plc", "llc", "inc", "ltd", "gmbh", "pvt"]

    private func matches(_ entry: Entry, _ tokens: [SkillToken], at index: Int) -> Bool {
        guard index + entry.tokens.count <= tokens.count else { return false }
        for offset in 1..<max(entry.tokens.count, 1) where tokens[index + offset].folded != entry.tokens[offset] {
            return false
        }
        // A multi-word alias must not straddle two lines' list items ("Java\nScript" is fine, "Java, Script" is not).
        for offset in 0..<(entry.tokens.count - 1) where tokens[index + offset].beforeListMark {
            return false
        }
        return true
    }
}

/// A word as skill matching sees it: letters, digits and `+ #`, with `.` and `-` kept inside words
/// (Node.js, .NET, C++, Objective-C, T-SQL). Other punctuation separates, and commas, slashes,
/// pipes, brackets and colons around a token mark it as a list item.
public struct SkillToken: Sendable {
    public var folded: String
    public var original: String
    public var line: Int
    public var afterListMark: Bool
    public var beforeListMark: Bool
}

public enum SkillTokenizer {
    static let listMarks: Set<Unicode.Scalar> = [",", ";", "|", "/", "(", ")", ":", "•", "●", "▪", "❑", "➢", "·", "\n", "[", "]", "."]
    /// `listMarks` of ASCII by value: a lookup instead of hashing each scalar.
    static let asciiListMarks: [Bool] = (0..<128).map { listMarks.contains(Unicode.Scalar(UInt8($0))) }

    static func isListMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? asciiListMarks[Int(scalar.value)] : listMarks.contains(scalar)
    }

    /// Works on Unicode scalars rather than Characters: grapheme breaking was the tokenizer's main cost,
    /// and no skill name depends on combining sequences.
    public static func tokens(in text: String, line: Int) -> [SkillToken] {
        var tokens: [SkillToken] = []
        let scalars = Array(text.unicodeScalars)
        // A word is a run of whole scalars: it is made from its UTF-8 bytes at once, found by where each
        // scalar starts, rather than scalar by scalar (that String building was most of the tokenizer's time).
        let bytes = Array(text.utf8)
        var byteOffsets: [Int] = []
        byteOffsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            byteOffsets.append(offset)
            offset += UTF8.width(scalar)
        }
        byteOffsets.append(offset)
        func word(_ range: Range<Int>) -> String {
            String(decoding: bytes[byteOffsets[range.lowerBound]..<byteOffsets[range.upperBound]], as: UTF8.self)
        }
        var index = 0
        var sawListMark = true  // the start of a text counts as a list boundary
        while index < scalars.count {
            let scalar = scalars[index]
            let startsDotWord = scalar == "." && index + 1 < scalars.count && isLetter(scalars[index + 1])
                && (index == 0 || !isWordScalar(scalars[index - 1]))
            if isWordScalar(scalar) || startsDotWord {
                let start = index
                index += 1
                while index < scalars.count {
                    let next = scalars[index]
                    // Node.js, T-SQL, R&D, R/3: a joining mark before a letter or digit stays in the word.
                    let joinsWord = (next == "." || next == "-" || next == "&" || (next == "/" && index - start == 1))
                        && index + 1 < scalars.count
                        && (next == "/" ? isDigit(scalars[index + 1]) : isLetterOrDigit(scalars[index + 1]))
                    guard isWordScalar(next) || joinsWord else { break }
                    index += 1
                }
                let original = word(start..<index)
                tokens.append(SkillToken(folded: original.lowercased(), original: original, line: line,
                                         afterListMark: sawListMark, beforeListMark: false))
                sawListMark = false
            } else {
                if isListMark(scalar), !(scalar == "." && endsInitial(scalars, at: index, tokens: tokens)) {
                    sawListMark = true
                    if !tokens.isEmpty { tokens[tokens.count - 1].beforeListMark = true }
                }
                index += 1
            }
        }
        if !tokens.isEmpty { tokens[tokens.count - 1].beforeListMark = true }
        return tokens
    }

    /// "H.& R. Johnson", "John R. Smith": the period at `index` ends a person's or firm's initial, no
    /// list item: it follows a single capital letter and comes before "&", or before a capitalised word
    /// when the letter follows one. "… in C. Developed …" ends a sentence.
    static func endsInitial(_ scalars: [Unicode.Scalar], at index: Int, tokens: [SkillToken]) -> Bool {
        guard let letter = tokens.last, letter.original.unicodeScalars.count == 1, index > 0, scalars[index - 1] == letter.original.unicodeScalars.first,
            letter.original.first?.isUppercase == true
        else { return false }
        var next = index + 1
        while next < scalars.count, scalars[next] == " " { next += 1 }
        guard next < scalars.count else { return false }
        if scalars[next] == "&" { return true }
        guard scalars[next].properties.isUppercase, tokens.count >= 2 else { return false }
        return tokens[tokens.count - 2].original.first?.isUppercase == true
    }

    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (48...57).contains(scalar.value) : scalar.properties.numericType != nil
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (65...90).contains(scalar.value) || (97...122).contains(scalar.value) : scalar.properties.isAlphabetic
    }

    @inline(__always) static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool { isLetter(scalar) || isDigit(scalar) }

    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || scalar == "+" || scalar == "#"
    }
}

/// Words of O*NET job titles (`Resources/job-title-words.tsv`), to tell "Software Engineer" from "Stripe".
public enum JobTitles {
    struct WordCounts: Sendable {
        var head: Int
        var anywhere: Int
    }

    static let words: [String: WordCounts] = {
        var words: [String: WordCounts] = [:]
        for line in ResourceFile.lines("job-title-words", extension: "tsv") {
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let head = Int(fields[1]), let anywhere = Int(fields[2]) else { continue }
            words[String(fields[0])] = WordCounts(head: head, anywhere: anywhere)
        }
        // Informal heads O*NET rarely ends a title with.
        // And the heads of titles in the languages of Europe and Latin America ("Desenvolvedor Full Stack",
        // "Ingeniero de Proyectos", "Entwickler").
        for word in Set(["lead", "trainee", "intern", "fellow", "head", "founder", "co-founder", "sde", "sme", "freelancer", "co-op",
                     "sommelier", "barista", "concierge", "radiographer", "sonographer", "hydrologist", "agronomist", "croupier",
                     "purser", "stewardess", "merchandiser", "copywriter", "phlebotomist", "physiotherapist", "midwife", "headteacher",
                     // Turkish heads, last as in English: "Yazılım Mühendisi", "Satış Müdürü".
                     "mühendisi", "mühendis", "uzmanı", "uzman", "müdürü", "müdür", "sorumlusu", "yöneticisi", "danışmanı",
                     "öğretmeni", "teknisyeni", "analisti", "geliştirici", "geliştiricisi",
                     "desenvolvedor", "desarrollador", "engenheiro", "ingeniero", "ingeniera", "analista", "gerente", "coordenador",
                     "coordinador", "coordinadora", "estagiário", "estagiária", "becario", "practicante", "consultor", "técnico",
                     "ingénieur", "développeur", "stagiaire", "responsable", "entwickler", "ingenieur", "berater", "leiter",
                     "programista", "kierownik", "specjalista", "inżynier", "sviluppatore", "ingegnere", "tirocinante"]
            + Array(headFirstTitleWords) + germanicTitleHeads + lastHeadsAbroad)
        {
            words[word, default: WordCounts(head: 0, anywhere: 0)].head += 50
            words[word]!.anywhere = max(words[word]!.anywhere, 50)
        }
        return words
    }()

    /// Heads that German and Dutch titles end in, often as one compound word ("Projektleiterin",
    /// "BI-ontwikkelaar"), in both genders.
    static let germanicTitleHeads = [
        "leiterin", "ingenieurin", "entwicklerin", "beraterin", "kaufmann", "kauffrau", "techniker", "technikerin", "assistent",
        "assistentin", "referent", "referentin", "sachbearbeiter", "sachbearbeiterin", "mitarbeiter", "mitarbeiterin",
        "spezialist", "spezialistin", "analystin", "architekt", "architektin", "pfleger", "pflegerin", "lehrer", "lehrerin",
        "managerin", "ontwikkelaar", "adviseur", "medewerker", "beheerder", "verpleegkundige", "docent", "leider",
    ]

    static let dutchHeadsBeforeTheirField: Set<String> = ["medewerker", "adviseur", "leider", "beheerder", "coördinator", "docent"]

    /// "Projektleiterin" → "leiterin", "Softwareentwickler" → "entwickler": the title word a compound
    /// unknown to the lists ends in, for the languages that write a title as one word. Only German and
    /// Dutch heads: English compounds of a title word are as often surnames ("Whitaker") or titles
    /// whose spaces the PDF lost ("SALESOFFICER").
    static func compoundHead(_ token: String) -> String? {
        guard token.count >= 8, words[token] == nil else { return nil }
        if let hyphen = token.lastIndex(of: "-"), compoundHeads.contains(String(token[token.index(after: hyphen)...])) {
            return String(token[token.index(after: hyphen)...])
        }
        guard let heads = compoundHeadsByEnding[String(token.suffix(3))] else { return nil }
        return heads.first { token.hasSuffix($0) && token.count - $0.count >= 3 }
    }

    /// `compoundHeads` by their last three letters, longest first: most words end in none of them.
    static let compoundHeadsByEnding: [String: [String]] = Dictionary(grouping: compoundHeads) { String($0.suffix(3)) }

    static let compoundHeads: [String] = (germanicTitleHeads + lastHeadsAbroad.filter { $0.count >= 5 }
        + ["leiter", "ingenieur", "entwickler", "berater"])
        .sorted { $0.count > $1.count }

    /// Heads of titles in Spanish, Portuguese, French and Italian, which come first and take their
    /// modifiers after them ("Analista de Calidad", "Médica Veterinaria Clínica", "Auditeur junior",
    /// "Chef de Rang"). Words that are English too ("director", "consultant") are left out, but for
    /// "chef": English puts them last.
    static let headFirstTitleWords: Set<String> = Set([
        "analista", "asistente", "assistente", "assistante", "auxiliar", "jefe", "jefa", "directora", "directeur", "directrice",
        "gerente", "coordinador", "coordinadora", "coordenador", "coordenadora", "ingeniero", "ingeniera", "engenheiro",
        "engenheira", "ingénieur", "ingénieure", "técnico", "técnica", "technicien", "technicienne", "médico", "médica", "médecin",
        "enfermero", "enfermera", "enfermeiro", "enfermeira", "infirmier", "infirmière", "abogado", "abogada", "avocat",
        "avocate", "advogado", "advogada", "contador", "contadora", "contable", "comptable", "auditeur", "auditrice",
        "journaliste", "periodista", "jornalista", "rédacteur", "rédactrice", "redactor", "redactora", "profesor", "profesora",
        "professeur", "professora", "docente", "enseignant", "enseignante", "vendedor", "vendedora", "vendeur", "vendeuse",
        "consultora", "consultante", "responsable", "responsabile", "chargé", "chargée", "cocinero", "cocinera", "cuisinier",
        "camarero", "camarera", "serveur", "serveuse", "diseñador", "diseñadora", "desarrollador", "desarrolladora",
        "développeur", "développeuse", "programador", "programadora", "programmeur", "administrador", "administradora",
        "administrateur", "administratrice", "secretario", "secretaria", "secrétaire", "recepcionista", "réceptionniste",
        "supervisora", "superviseur", "operario", "operaria", "opérateur", "opératrice", "operador", "operadora", "mecánico",
        "mécanicien", "electricista", "électricien", "farmacéutico", "farmacéutica", "pharmacien", "pharmacienne",
        "odontólogo", "odontóloga", "dentista", "dentiste", "veterinario", "veterinaria", "vétérinaire", "psicólogo",
        "psicóloga", "psychologue", "arquitecto", "arquitecta", "architecte", "traductor", "traductora", "traducteur",
        "traductrice", "intérprete", "interprète", "investigador", "investigadora", "chercheur", "chercheuse", "becario",
        "becaria", "pasante", "practicante", "estagiário", "estagiária", "tirocinante", "ejecutivo", "ejecutiva",
        "representante", "especialista", "spécialiste", "gestor", "gestora", "gestionnaire", "encargado", "encargada",
        "chef", "impiegato", "impiegata", "tecnico", "ingegnere", "sviluppatore", "cuoco", "cameriere", "infermiere",
        "infermiera", "insegnante", "avvocato", "desenvolvedor", "consultor", "stagiaire",
    ]).union(moreHeadFirstTitleWords)

    /// More heads that come first: the rest of the Romance languages' (and Romanian's), the Slavic and
    /// Baltic languages' (which put a head before its complement, "Kierownik projektu", "Voditelj
    /// projekta", and after its adjectives, "Vedúca rádiologická technička"), and Indonesian and Malay
    /// ("Kepala Gudang", "Jurutera Awam"). Words that are English too are left out, and so are those
    /// that are as often a name ("Guru Prasad", "Maestro", "Kuchař"), which would read as a title.
    static let moreHeadFirstTitleWords: Set<String> = [
        "asesor", "asesora", "subgerente", "subdirector", "subdirectora", "ayudante", "cajero", "cajera", "maestra",
        "químico", "química", "biólogo", "bióloga", "agente", "oficial", "inspectora", "tesorero", "tesorera",
        "topógrafo", "topógrafa", "bibliotecario", "bibliotecaria", "fisioterapeuta", "kinesiólogo", "kinesióloga",
        "nutricionista", "catedrático", "catedrática", "soldador", "fontanero", "albañil", "mesero", "mesera",
        "repartidor", "almacenero", "bodeguero", "vigilante", "socorrista", "administrativo", "administrativa",
        "conductora", "chofer", "obrero", "obrera", "auditora", "economista", "assessora", "diretor", "diretora",
        "farmacêutico", "farmacêutica", "contabilista", "motorista", "eletricista", "mecânico", "pedreiro",
        "cozinheiro", "cozinheira", "empregado", "empregada", "rececionista", "bolseiro", "bolseira", "juiz",
        "juíza", "arquiteto", "arquiteta", "escriturário", "escriturária", "encarregado", "encarregada", "chefe",
        "addetto", "addetta", "programmatore", "programmatrice", "consulente", "direttore", "direttrice", "capo",
        "coordinatore", "coordinatrice", "professore", "professoressa", "ricercatore", "ricercatrice", "dottorando",
        "dottoranda", "farmacista", "fisioterapista", "praticante", "commercialista", "ragioniere", "contabile",
        "operaio", "operaia", "magazziniere", "autista", "commesso", "commessa", "venditore", "geometra",
        "architetto", "progettista", "stagista", "educatore", "educatrice", "segretaria", "segretario",
        "amministratore", "funzionario", "funzionaria", "istruttore", "istruttrice", "restauratore", "restauratrice",
        "curatore", "curatrice", "hygiéniste", "conseiller", "conseillère", "cheffe", "gérant", "gérante",
        "caissier", "caissière", "employé", "employée", "ouvrier", "ouvrière", "magasinier", "livreur",
        "aide-soignant", "aide-soignante", "sage-femme", "kinésithérapeute", "ergothérapeute", "orthophoniste",
        "préparateur", "préparatrice", "éducateur", "éducatrice", "animateur", "animatrice", "formateur",
        "formatrice", "instituteur", "institutrice", "juriste", "notaire", "contrôleur", "contrôleuse", "analyste",
        "graphiste", "doctorant", "doctorante", "attaché", "attachée", "coordinateur", "pâtissier", "gardien",
        "plombier", "soudeur", "menuisier", "conducteur", "délégué", "déléguée", "inspecteur", "inspectrice",
        "apprenti", "apprentie", "alternant", "alternante", "inginer", "tehnician", "asistentă", "profesoară",
        "contabil", "șef", "consilier", "programator", "dezvoltator", "analist", "referent", "vânzător",
        "vânzătoare", "bucătar", "ospătar", "recepționer", "recepționeră", "farmacist", "jurist", "arhitect",
        "cercetător", "stagiar", "coordonator", "lucrător", "muncitor", "mecanic", "șofer", "sudor", "lăcătuș",
        "technik", "technička", "inženýr", "inžinier", "inžinierka", "vývojář", "vývojár", "vývojářka",
        "programátor", "programátorka", "analytik", "analytička", "konzultant", "konzultantka", "manažer",
        "manažérka", "manažerka", "vedoucí", "vedúci", "vedúca", "ředitel", "ředitelka", "riaditeľ", "riaditeľka",
        "asistent", "asistentka", "účetní", "účtovník", "účtovníčka", "lékař", "lékařka", "lekár", "lekárka",
        "sestra", "učitel", "učitelka", "učiteľ", "učiteľka", "referentka", "specialistka", "špecialista",
        "špecialistka", "majster", "operátor", "operátorka", "prodavač", "prodavačka", "predavač", "predavačka",
        "číšník", "čašník", "recepční", "recepčná", "řidič", "vodič", "elektrikář", "elektrikár", "mechanik",
        "zámečník", "svářeč", "zvárač", "projektant", "projektantka", "výzkumník", "výskumník", "doktorand",
        "doktorandka", "lektor", "lektorka", "koordinátor", "koordinátorka", "administrátor", "správce", "správca",
        "obchodník", "obchodníčka", "zástupce", "zástupca", "právník", "právnička", "advokát", "advokátka",
        "koncipient", "farmaceut", "fyzioterapeut", "laborant", "laborantka", "kierowniczka", "specjalistka",
        "inżynierka", "analityk", "konsultantka", "księgowa", "księgowy", "dyrektor", "menedżer", "asystentka",
        "nauczyciel", "nauczycielka", "lekarz", "pielęgniarka", "pielęgniarz", "kierowca", "sprzedawca",
        "magazynier", "koordynator", "koordynatorka", "doradca", "kucharz", "kelnerka", "recepcjonista",
        "recepcjonistka", "stażysta", "stażystka", "praktykant", "praktykantka", "radca", "prawnik", "aplikant",
        "adwokat", "farmaceuta", "fizjoterapeuta", "elektryk", "spawacz", "ślusarz", "monter", "brygadzista",
        "inženjer", "inženjerka", "inženir", "voditelj", "voditeljica", "vodja", "direktor", "direktorica",
        "menadžer", "menadžerica", "tehničar", "tehničarka", "tehnik", "programer", "programerka", "analitičar",
        "analitičarka", "savjetnik", "savjetnica", "savetnik", "referentica", "stručnjak", "suradnik", "suradnica",
        "saradnik", "sodelavec", "asistentica", "učitelj", "učiteljica", "nastavnik", "nastavnica", "profesorica",
        "liječnik", "liječnica", "lekar", "zdravnik", "računovođa", "knjigovođa", "prodavačica", "kuvar", "konobar",
        "konobarica", "recepcioner", "recepcionerka", "vozač", "električar", "mehaničar", "zavarivač", "arhitektica",
        "pripravnik", "pripravnica", "koordinatorica", "blagajnik", "blagajnica", "skladištar", "poslovođa", "šef",
        "šefica", "odvjetnik", "advokat", "pravnik", "ljekarnik", "istraživač", "raziskovalec", "vadovas", "vadovė",
        "specialistas", "specialistė", "inžinierius", "inžinierė", "programuotojas", "programuotoja", "buhalteris",
        "buhalterė", "mokytojas", "mokytoja", "vadybininkas", "vadybininkė", "analitikas", "konsultantas",
        "direktorius", "direktorė", "vadītājs", "vadītāja", "speciālists", "speciāliste", "inženieris",
        "programmētājs", "grāmatvedis", "skolotājs", "skolotāja", "insener", "spetsialist", "õpetaja", "analüütik",
        "arendaja", "staf", "kepala", "manajer", "pengurus", "pegawai", "penolong", "dosen", "perawat", "jururawat",
        "juruteknik", "jurutera", "pembantu", "penyelia", "pengajar", "asisten", "teknisi", "akuntan", "insinyur",
        "analis", "konsultan", "pengembang", "petugas",
    ]

    /// Heads that come last in Hungarian, Finnish, the Scandinavian languages and German
    /// ("Szoftverfejlesztő", "Projektipäällikkö", "Systemutvikler", "Mechatroniker"), often as the end
    /// of one compound word. Not those that are common surnames too ("Koch", "Meister", "Szakács").
    static let lastHeadsAbroad: [String] = [
        "mérnök", "fejlesztő", "vezető", "igazgató", "tanácsadó", "elemző", "ügyintéző", "asszisztens", "tanár",
        "ápoló", "könyvelő", "értékesítő", "pincér", "recepciós", "sofőr", "villanyszerelő", "szerelő", "technikus",
        "gyakornok", "kutató", "munkatárs", "referens", "szakértő", "koordinátor", "menedzser", "könyvtáros",
        "kehittäjä", "päällikkö", "johtaja", "toimitusjohtaja", "opettaja", "lehtori", "tutkija", "konsultti",
        "myyjä", "tarjoilija", "asentaja", "sähköasentaja", "kuljettaja", "harjoittelija", "assistentti",
        "koordinaattori", "analyytikko", "arkkitehti", "lääkäri", "hoitaja", "sairaanhoitaja", "lähihoitaja",
        "kirjanpitäjä", "asiantuntija", "insinööri", "suunnittelija", "utvikler", "utvecklare", "udvikler",
        "ingeniør", "ingenjör", "konsulent", "rådgiver", "rådgivare", "sjef", "leder", "ledare", "sykepleier",
        "sjuksköterska", "sygeplejerske", "lærer", "lärare", "tekniker", "selger", "säljare", "sælger", "kokk",
        "kock", "servitør", "servitris", "sjåfør", "chaufför", "chauffør", "økonom", "ekonom", "regnskapsfører",
        "analytiker", "forsker", "forskare", "stipendiat", "adjunkt", "praktikant", "lærling", "lärling",
        "spesialist", "saksbehandler", "handläggare", "sagsbehandler", "medarbeider", "medarbetare", "medarbejder",
        "läkare", "lege", "læge", "prosjektleder", "projektledare", "projektleder", "fachkraft", "fachfrau",
        "fachmann", "krankenschwester", "verkäufer", "verkäuferin", "köchin", "kellnerin", "elektroniker",
        "elektronikerin", "mechaniker", "mechanikerin", "mechatroniker", "monteur", "meisterin", "erzieher",
        "erzieherin", "therapeut", "therapeutin", "ärztin", "apothekerin", "anwalt", "anwältin", "rechtsanwalt",
        "steuerberater", "buchhalter", "buchhalterin", "geschäftsführer", "geschäftsführerin", "wissenschaftler",
        "wissenschaftlerin", "doktorandin", "praktikantin", "werkstudent", "werkstudentin", "auszubildender",
        "azubi", "fahrerin", "lagerist", "disponent", "disponentin", "einkäufer", "einkäuferin", "beamter",
        "beamtin",
    ]

    /// 0...1: how much `text` reads like a job title. The last word weighs most ("... Engineer").
    public static func titleScore(_ text: String) -> Double {
        // Drop bracketed asides: "Operations Manager (OCSM)".
        var cleaned = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { cleaned.append(character) }
        }
        // "Attorney's Office", "Children's Hospital": a possessive names a place of work, and its "s" is
        // no word of a title.
        cleaned = cleaned.replacingOccurrences(of: "'s ", with: " ").replacingOccurrences(of: "’s ", with: " ")
        let tokens = cleaned.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "-" || $0 == "&") })
            .map(String.init).filter { $0 != "-" && $0 != "&" }.map { compoundHead($0) ?? $0 }
        guard !tokens.isEmpty, tokens.count <= 8 else { return 0 }
        if namesATopic(tokens) { return 0 }
        let known = tokens.filter { (words[$0]?.anywhere ?? 0) >= 3 }.count
        let coverage = Double(known) / Double(tokens.count)
        func headScore(_ token: String) -> Double {
            min(1, log(Double(words[token]?.head ?? 0) + 1) / log(150))
        }
        // The last word weighs most ("... Engineer"); a title word elsewhere counts for less
        // ("Consultant SDET", "Engineer - Backend").
        // "Audit Senior", "Tax Senior": an accounting firm's rank after its field ends a title; before
        // another word ("Sunrise Senior Living") it is no head.
        let lastHead = tokens.count >= 2 && tokens.last == "senior" ? 1 : headScore(tokens.last!)
        // "County Attorney's Office", "Sales Department": a last word that titles use but never end in
        // ends a place of work, and the title word before it counts for less.
        // "Tech Mahindra", "Tech Data": a capitalised word no title uses after a title word is a name, and
        // the two are a company's ("Consultant SDET" writes its unknown word in capitals).
        let lastIsAName = tokens.count >= 2 && words[tokens.last!] == nil
            && cleaned.split(separator: " ").last.map { $0.first?.isUppercase == true && $0.dropFirst().allSatisfy(\.isLowercase) } == true
        let lastNeverHeads = tokens.count >= 2 && lastHead == 0 && (words[tokens.last!]?.anywhere ?? 0) >= 20 || lastIsAName
            || tokens.count >= 2 && placeOfWorkNouns.contains(tokens.last!)
        // "Analista de Calidad", "Auditeur junior": a Romance head comes first and weighs as a last word would.
        // Dutch too: "Beleidsmedewerker Duurzaamheid", "Projectleider Infrastructuur".
        let firstHeads = tokens.count >= 2 && (headFirstTitleWords.contains(tokens[0]) || dutchHeadsBeforeTheirField.contains(tokens[0]))
        var head = firstHeads ? 1 : max(lastHead, (lastNeverHeads ? 0.5 : 0.8) * (tokens.dropLast().map(headScore).max() ?? 0))
        // "Director of Sales", "Ministry of Education": before "of" stands the head, a title's or an
        // organisation's; the words after it only say of what.
        // "Jefa de Aseguramiento", "Chargé des ventes": the Romance languages' "of".
        if !firstHeads, let of = tokens.firstIndex(where: { ofWords.contains($0) }), of > 0 {
            let before = tokens[..<of]
            head = max(headScore(before.last!), 0.8 * (before.dropLast().map(headScore).max() ?? 0))
        }
        return 0.65 * head + 0.35 * coverage
    }

    static let ofWords: Set<String> = ["of", "de", "del", "do", "da", "di", "della", "du", "des"]

    /// "Sports Surgery Clinic", "Regional Health Office": the kinds of place a title is held at, which
    /// end an employer's name, never a title, however often title words come before them.
    static let placeOfWorkNouns: Set<String> = [
        "clinic", "hospital", "centre", "center", "office", "department", "ministry", "agency", "hotel", "restaurant",
        "library", "museum", "council", "authority", "laboratory", "pharmacy", "station", "plant", "factory", "warehouse",
        "store", "shop", "salon", "trust", "society", "association", "church", "directorate", "bureau", "commission",
    ]

    /// "Exchange Server Knowledge", "Technical Skills", "Test Management Tool": a phrase about a topic,
    /// whatever title words come before its last word ("Head of Information" keeps its head before "of").
    public static func namesATopic(_ text: String) -> Bool {
        namesATopic(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
    }

    static func namesATopic(_ tokens: [String]) -> Bool {
        guard let last = tokens.last else { return false }
        return topicHeads.contains(last) && !tokens.contains("of")
    }

    static let topicHeads: Set<String> = [
        "knowledge", "skills", "skill", "experience", "summary", "profile", "responsibilities", "achievements",
        "details", "information", "expertise", "proficiency", "objective", "highlights", "overview", "exposure",
        "projects", "tool", "tools",
    ]

    public static func looksLikeTitle(_ text: String) -> Bool {
        !text.contains(where: \.isNumber) && titleScore(text) >= 0.6
    }
}
