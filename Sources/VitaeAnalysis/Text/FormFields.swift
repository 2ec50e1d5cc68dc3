/// CV forms, Europass's above all, set each field as a label and its value side by side:
/// "Occupation or position held    Maintenance Engineer", "• Tipo di impiego   Infermiera",
/// "Empresa :  Alicorp S.A.A.". Read as the plain resume text the analyzers know: the value, after
/// the label the experience and contact readers take ("Position: Maintenance Engineer"), or on its
/// own (a school, a degree, dates), or as a bullet of prose (a sector, the main activities).
enum FormFields {
    enum Role {
        case name, address, title, employer, location, dates, school, degree, prose
    }

    /// The line as plain text, or nil when it is no form field.
    static func rewritten(_ raw: String) -> String? {
        guard let (role, value) = field(raw) else { return nil }
        switch role {
        case .name: return "Name: " + value
        case .address: return "Address: " + value
        case .title: return "Position: " + value
        case .employer: return "Employer: " + value
        case .location: return "Location: " + value
        case .dates, .school, .degree: return value
        case .prose: return "• " + value
        }
    }

    static func field(_ raw: String) -> (Role, String)? {
        // Cheap refusals first: this runs on every line. A label is a few words in letters, ended by
        // a colon, a tab or a gap within its first 90 bytes.
        let utf8 = raw.utf8
        guard utf8.count >= 6 else { return nil }
        var hasSeparator = false
        var previous: UInt8 = 0
        for byte in utf8.prefix(100) {
            if byte == 0x3A || byte == 0x09 || byte == 0x20 && previous == 0x20 {
                hasSeparator = true
                break
            }
            previous = byte
        }
        guard hasSeparator else { return nil }
        var text = Substring(raw)
        // "• Tipo di impiego": a bullet before the label ("o" and "-" are bullets only before a space).
        while let first = text.first,
            first == " " || first == "\t" || ResumeText.bulletCharacters.contains(first) && text.dropFirst().first == " "
        {
            text = text.dropFirst()
        }
        // Most lines open with no label's first word.
        guard let firstWordEnd = text.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == ":" }),
            labelFirstWords.contains(text[..<firstWordEnd].lowercased())
        else { return nil }
        // The label ends at a colon, a tab or a gap of two spaces, whichever comes first.
        var labelEnd = text.endIndex, valueStart = text.endIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == ":" || character == "\t" || character == " " && next < text.endIndex && text[next] == " " {
                labelEnd = index
                valueStart = next
                break
            }
            index = next
        }
        guard labelEnd < text.endIndex, text.distance(from: text.startIndex, to: labelEnd) <= 90 else { return nil }
        let label = text[..<labelEnd].split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        // "Nome e indirizzo del datore di" / "lavoro": a long label wrapped onto the next line.
        guard let role = labels[label] ?? (label.count >= 20 ? labels.first(where: { $0.key.hasPrefix(label) })?.value : nil) else {
            return nil
        }
        let value = text[valueStart...].drop { $0 == " " || $0 == "\t" || $0 == ":" }.trimming(.whitespaces)
        return value.isEmpty ? nil : (role, value)
    }

    static let labelFirstWords = Set(labels.keys.compactMap { $0.split(separator: " ").first.map(String.init) })

    /// Europass's labels in English, Italian, Spanish, Portuguese, French, German and Polish, and the
    /// key–value labels of other forms ("Empresa :", "Lugar :").
    static let labels: [String: Role] = {
        let table: [Role: [String]] = [
            .name: [
                "surname(s) / first name(s)", "surname / first name", "first name(s) / surname(s)", "cognome e nome",
                "nome e cognome", "nome", "cognome nome", "nombre y apellidos", "apellidos y nombre", "apellido(s) / nombre(s)",
                "apellidos / nombre", "nom / prénom", "nom(s) / prénom(s)", "apelido(s) / nome(s)", "nachname(n) / vorname(n)",
                "nazwisko / imię", "nazwisko i imię", "imię i nazwisko",
                // Other forms' name fields, and Europass's heading with the name beside it.
                "personal information", "nombre completo", "nombres y apellidos", "apellidos y nombres", "nombres",
                "nome completo", "nom et prénom", "nom complet", "prénom et nom", "vor- und nachname", "ime i prezime",
                "ime in priimek", "vārds, uzvārds", "vardas, pavardė", "ees- ja perekonnanimi", "jméno a příjmení",
                "meno a priezvisko", "nume și prenume", "nume si prenume", "ad soyad", "adı soyadı", "nama lengkap",
                "họ và tên", "име и фамилия", "име",
            ],
            .address: [
                "indirizzo", "residenza", "domicilio", "dirección", "direccion", "morada", "endereço", "adresse", "adres",
                "anschrift",
            ],
            .title: [
                "occupation or position held", "position held", "occupation", "tipo di impiego", "lavoro o posizione ricoperti",
                "posizione ricoperta", "ruolo", "mansione", "cargo", "puesto", "puesto o cargo ocupados",
                "profesión o cargo desempeñado", "función", "funcion", "função ou cargo ocupado", "função", "profissão ou cargo",
                "poste", "poste occupé", "fonction ou poste occupé", "fonction", "beruf oder funktion", "funktion", "position",
                "stanowisko", "zajmowane stanowisko", "funkcja lub zajmowane stanowisko", "functie",
            ],
            .employer: [
                "name and address of employer", "employer", "nome e indirizzo del datore di lavoro", "datore di lavoro", "azienda",
                "nombre y dirección de la empresa o empleador", "nombre y dirección del empleador", "empresa", "empleador",
                "nome e morada do empregador", "nome e endereço do empregador", "empregador", "nom et adresse de l'employeur",
                "employeur", "entreprise", "name und adresse des arbeitgebers", "arbeitgeber", "unternehmen",
                "nazwa i adres pracodawcy", "pracodawca", "werkgever",
            ],
            .location: [
                "lugar", "localidad", "ciudad", "local", "cidade", "lieu", "ville", "luogo", "sede", "città", "ort", "standort",
                "miejscowość",
            ],
            .dates: [
                "dates", "date", "date (da – a)", "date (da - a)", "data", "datas", "fechas", "fecha", "periodo", "período",
                "période", "dates (de - à)", "dates (de – à)", "zeitraum", "daty",
            ],
            .school: [
                "name and type of organisation providing education and training",
                "name and type of organization providing education and training",
                "nome e tipo di istituto di istruzione o formazione", "istituto",
                "nombre y tipo de la organización que ha impartido la educación o la formación",
                "nombre y tipo del centro de estudios", "nome e tipo da organização de ensino ou formação",
                "nom et type de l'établissement d'enseignement ou de formation",
                "name und art der bildungs- oder ausbildungseinrichtung", "nazwa i rodzaj instytucji edukacyjnej",
            ],
            .degree: [
                "title of qualification awarded", "qualification awarded", "qualifica conseguita", "titolo di studio",
                "titolo della qualifica rilasciata", "título de la cualificación obtenida", "titulación obtenida",
                "designação da qualificação atribuída", "intitulé du certificat ou diplôme délivré",
                "bezeichnung der erworbenen qualifikation", "tytuł/kwalifikacje otrzymane",
            ],
            .prose: [
                "main activities and responsibilities", "type of business or sector", "principal subjects/occupational skills covered",
                "principal subjects / occupational skills covered", "level in national or international classification",
                "principali mansioni e responsabilità", "tipo di azienda o settore",
                "principali materie / abilità professionali oggetto dello studio",
                "principali materie/abilità professionali oggetto dello studio",
                "livello nella classificazione nazionale (se pertinente)", "livello nella classificazione nazionale",
                "principales actividades y responsabilidades", "tipo de empresa o sector",
                "principales materias o capacidades profesionales estudiadas", "nivel en la clasificación nacional o internacional",
                "principais actividades e responsabilidades", "principais atividades e responsabilidades",
                "tipo de empresa ou sector", "activités et responsabilités principales", "type ou secteur d'activité",
                "principales matières/compétences professionnelles couvertes", "wichtigste tätigkeiten und zuständigkeiten",
                "tätigkeitsbereich oder branche", "główne zadania i obowiązki", "rodzaj działalności lub sektor", "funciones",
                "funções", "responsabilidades", "mansioni", "attività", "tâches",
            ],
        ]
        var labels: [String: Role] = [:]
        for (role, list) in table { for label in list { labels[label] = role } }
        return labels
    }()
}
