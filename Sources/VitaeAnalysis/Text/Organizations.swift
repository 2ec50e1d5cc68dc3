import Foundation

/// Company and school name cues.
public enum Organizations {
    /// Punctuation around a word of a name: "(Infosys", "Ltd.,".
    static let commaAndBrackets = TrimSet(charactersIn: ",()")
    static let punctuationAndBrackets = TrimSet(charactersIn: ",.()")

    /// The legal forms that only companies carry ("Ltd", "Pvt", "Inc", "GmbH"), unlike "Services" or
    /// "Bank", which departments and clients end in too.
    static let legalForms: Set<String> = ["ltd", "limited", "pvt", "inc", "llc", "llp", "plc", "gmbh", "corp", "corporation"]

    static let companySuffixes: Set<String> = legalForms.subtracting(["llp"]).union([
        "inc.", "ltd.", "corp.", "co.", "company", "group", "pvt.",
        "technologies", "technology", "solutions", "services", "systems", "labs", "consulting",
        "software", "bank", "partners", "associates", "enterprises", "industries", "international", "global",
        "organization", "foundation", "agency", "studio", "studios", "ventures", "networks", "infotech", "infosystems",
        "ltda", "ltda.", "bhd", "bhd.", "tbk", "tbk.",
    ])
    /// "Grupo Bimbo", "Groupe Renault", "Banco Itaú": words that open a company's name in the languages
    /// that put them first.
    static let companyPrefixes: Set<String> = [
        "grupo", "groupe", "gruppo", "banco", "banca", "banque", "companhia", "compañía", "compania",
        // A town's or a state's administration: "Gemeente Utrecht", "Stadt Wien", "Ayuntamiento de Madrid".
        "gemeente", "ministerie", "provincie", "stadt", "ayuntamiento", "municipalidad", "comune", "prefeitura", "pt",
    ]

    /// Legal forms of companies abroad, written in capitals after the name ("SAP SE", "Siemens AG");
    /// as lower-case words ("as", "sa") they are English, so they are no `companySuffixes`.
    static let legalFormsAbroad: Set<String> = [
        "ag", "se", "sa", "nv", "bv", "llp", "spa", "ab", "as", "oy", "oyj", "asa", "sac", "saa", "srl", "sas", "sarl", "eirl",
        "ltda", "bhd", "tbk", "kft", "zrt", "sro", "doo", "sae", "sapi", "aş", "şti",
    ]

    /// A word in capitals that ends a company's name: "SE", "GMBH", "LTD".
    static func namesLegalForm(_ word: String) -> Bool {
        let lowercased = word.lowercased()
        return companySuffixes.contains(lowercased) || legalFormsAbroad.contains(lowercased)
    }

    static let schoolWords: Set<String> = [
        "university", "college", "institute", "school", "academy", "polytechnic", "vidyalaya", "vidyapeeth",
        "universiteit", "universität", "université", "iit", "nit", "iiit", "iim", "bits", "campus",
        // Schools' names in the languages of Europe and Latin America, often kept in English resumes.
        "hogeschool", "hochschule", "fachhochschule", "universidad", "universidade", "università", "école", "ecole",
        "lycée", "lycee", "escuela", "instituto", "istituto", "politecnico", "politécnica", "gymnasium", "conservatory",
        "tecnológico", "tecnologico", "liceo", "colegio", "colégio", "escola", "faculdade", "facultad", "institut", "instytut",
        "politechnika", "uniwersytet", "universitat", "akademie", "akademia", "coláiste", "colaiste", "hoërskool", "hoerskool",
        "laerskool", "universitas", "universiti", "üniversitesi", "universitesi", "lisesi", "sekolah", "institution",
        "cégep", "cegep", "tafe", "yliopisto", "egyetem", "főiskola", "högskola", "högskolan", "sveučilište", "gimnazija",
        "gimnázium", "gymnázium", "conservatoire", "conservatorio", "seminary", "politehnica", "politécnico", "politecnica",
        // Indonesia's senior high schools ("SMA Negeri 3 Bandung"); Turkish and Vietnamese universities.
        "sma", "sman", "smk", "smkn", "üniversite", "đại",
    ]

    /// True when the text ends like a company name ("Acme Inc.", "Infosys Limited", "Tata Consultancy
    /// Services"); "Systems Engineer" does not, its last word is the title's.
    public static func looksLikeOrganization(_ text: String) -> Bool {
        let words = ResumeText.words(text).map { $0.lowercased().trimming(commaAndBrackets) }
        guard let last = words.last else { return false }
        return companySuffixes.contains(last) || words.count >= 2 && companyPrefixes.contains(words[0]) || words.contains { ["pvt", "pvt.", "ltd", "ltd.", "inc", "inc.", "llc"].contains($0) }
            || dottedLegalForm(last) || capitalsLegalFormAbroad(text)
    }

    /// A company's, a school's or another place of work's name ("Reddington Hospital", "Ministry of Health").
    static func namesAnInstitution(_ text: String) -> Bool {
        if looksLikeOrganization(text) || looksLikeSchool(text) { return true }
        let words = ResumeText.words(text).map { $0.lowercased() }
        return words.count >= 2 && (words.last.map { JobTitles.placeOfWorkNouns.contains($0) } ?? false
            || words.contains("of") && words.first.map { JobTitles.placeOfWorkNouns.contains($0) } ?? false)
    }

    /// "MAN Truck & Bus SE", "Volvo Cars AB": a legal form of a company abroad, in capitals, ends the name.
    static func capitalsLegalFormAbroad(_ text: String) -> Bool {
        let words = ResumeText.words(text)
        guard words.count >= 2, let last = words.last.map(String.init), ResumeText.isAllCaps(last) else { return false }
        return legalFormsAbroad.contains(last.lowercased())
    }

    /// "L.L.P.", "P.C.", "S.A.", "S.p.A.": a legal form spelled out in initials, which no English word is.
    static func dottedLegalForm(_ word: String) -> Bool {
        guard word.count >= 4, word.hasSuffix("."), word.utf8.filter({ $0 == UInt8(ascii: ".") }).count >= 2 else { return false }
        let folded = word.filter { $0 != "." }
        return legalForms.contains(folded) || legalFormsAbroad.contains(folded) || ["pc", "pa", "co", "cv"].contains(folded)
    }

    /// True when the text names a school ("Kent State University", "IIT Delhi").
    public static func looksLikeSchool(_ text: String) -> Bool {
        ResumeText.words(text).contains { word in
            let folded = word.lowercased().trimming(punctuationAndBrackets)
            return schoolWords.contains(folded) || (folded.hasPrefix("univ") && folded.count > 4)
                || compoundSchoolWords.contains { folded.hasSuffix($0) && folded.count > $0.count }
        }
    }

    /// Languages that write a school's name as one compound word: "Aalto-yliopisto",
    /// "Tudományegyetem", "Musikhochschule", "Kunsthøgskolen".
    static let compoundSchoolWords = ["yliopisto", "egyetem", "hochschule", "högskola", "högskolan", "høgskole", "høgskolen", "skolen", "akademie", "akademia"]
}
