import Foundation

/// Recognises "City, Region[, Country]" text. Uses general geography (US states, Indian states,
/// countries), never names from any resume.
public enum Places {
    /// Spaces and separators around a location cut from a line.
    static let locationEdges = TrimSet(charactersIn: " ,.-–—")

    static let usStateCodes: Set<String> = Set("""
        AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR
        PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON BC QC AB NSW VIC QLD
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Regions and countries, lower-cased; no cities, or "Cebu City" and "Tokyo Electron" would read as a
    /// region with a word more (`looksLikeRegion`).
    static let regions: Set<String> = Set("""
        alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|
        indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|
        montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|
        oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|
        west virginia|wisconsin|wyoming|ontario|quebec|british columbia|alberta|
        andhra pradesh|arunachal pradesh|assam|bihar|chhattisgarh|goa|gujarat|haryana|himachal pradesh|jharkhand|
        karnataka|kerala|madhya pradesh|maharashtra|manipur|meghalaya|mizoram|nagaland|odisha|orissa|punjab|rajasthan|
        sikkim|tamil nadu|telangana|tripura|uttar pradesh|uttarakhand|west bengal|delhi|new delhi|jammu and kashmir|
        chandigarh|puducherry|pondicherry|
        usa|us|u.s.|u.s.a.|united states|united states of america|uk|u.k.|united kingdom|england|scotland|wales|ireland|
        india|canada|australia|new zealand|germany|france|spain|italy|netherlands|belgium|switzerland|austria|sweden|
        norway|denmark|finland|poland|portugal|greece|czech republic|hungary|romania|russia|ukraine|turkey|israel|uae|
        united arab emirates|saudi arabia|qatar|kuwait|oman|bahrain|egypt|nigeria|kenya|south africa|ghana|ethiopia|
        china|japan|korea|south korea|singapore|malaysia|indonesia|philippines|thailand|vietnam|pakistan|bangladesh|
        sri lanka|nepal|brazil|mexico|argentina|chile|colombia|peru|hong kong|taiwan|
        méxico|the netherlands|czechia|türkiye|turkiye|ksa|morocco|tunisia|algeria|uganda|tanzania|rwanda|zimbabwe|zambia|botswana|namibia|
        iran|iraq|jordan|lebanon|cyprus|malta|luxembourg|iceland|estonia|latvia|lithuania|slovenia|croatia|serbia|
        bulgaria|slovakia|ecuador|venezuela|uruguay|paraguay|bolivia|costa rica|panama|guatemala|puerto rico|jamaica|
        cambodia|myanmar|mongolia|kazakhstan|uzbekistan|armenia|azerbaijan|northern ireland|
        new south wales|queensland|western australia|south australia|tasmania|northern territory|
        australian capital territory|manitoba|saskatchewan|nova scotia|new brunswick|newfoundland and labrador|
        prince edward island|gauteng|western cape|eastern cape|kwazulu-natal|free state|limpopo|mpumalanga|
        north west|northern cape|jalisco|nuevo león|nuevo leon|yucatán|minas gerais|metro manila|kanagawa|hokkaido|
        sindh|khyber pakhtunkhwa|balochistan|sultanate of oman|kingdom of saudi arabia|republic of korea|state of qatar|
        kingdom of bahrain|québec|people's republic of china|
        togo|senegal|sénégal|cameroon|cameroun|côte d'ivoire|cote d'ivoire|ivory coast|mali|niger|benin|bénin|burkina faso|
        congo|dr congo|drc|democratic republic of the congo|angola|mozambique|malawi|madagascar|mauritius|sudan|
        south sudan|somalia|eritrea|djibouti|libya|gabon|liberia|sierra leone|guinea|the gambia|gambia|lesotho|eswatini|
        afghanistan|bhutan|maldives|laos|lao pdr|brunei|timor-leste|papua new guinea|fiji|samoa|tonga|syria|yemen|
        palestine|kyrgyzstan|tajikistan|turkmenistan|belarus|moldova|albania|north macedonia|macedonia|
        bosnia and herzegovina|montenegro|kosovo|cuba|dominican republic|haiti|honduras|el salvador|nicaragua|
        trinidad and tobago|trinidad|barbados|bahamas|guyana|suriname|belize|monaco|liechtenstein|andorra|
        deutschland|españa|italia|österreich|schweiz|suisse|svizzera|brasil|perú|sverige|norge|danmark|suomi|polska|
        česko|česká republika|slovensko|magyarország|nederland|belgië|belgique|maroc|algérie|tunisie|hrvatska|srbija|
        éire|românia|việt nam|viet nam
        """.replacingOccurrences(of: "\n", with: "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) })

    /// Words that place names never are; a part containing one is a company, a title or prose.
    static let nonPlaceWords: Set<String> = [
        "at", "and", "for", "with", "in", "the", "to", "email", "phone", "present", "university", "college", "institute",
        "school", "inc", "inc.", "ltd", "ltd.", "llc", "limited", "company", "corporation", "technologies", "solutions",
        "services", "engineer", "developer", "manager", "analyst", "consultant", "intern", "gpa", "bachelor", "master",
        "hq", "headquarters", "office", "campus", "building", "floor", "suite", "street", "st", "st.", "road", "rd",
        "rd.", "avenue", "ave", "ave.", "lane", "way", "drive", "blvd",
        // A degree's grade ("First Class Honours", "Distinction") after a dash is no town.
        "honours", "honors", "class", "distinction", "merit", "laude",
        // "P.O. Box 1182", "Private Bag X12": a postal address, no place.
        "box", "bag", "p.o.", "po",
        // A hospital's site ("Nemocnica Ružinov") is no neighbourhood.
        "hospital", "hôpital", "ospedale", "krankenhaus", "klinikum", "clinic", "clínica", "clinica", "klinik", "klinika",
        "nemocnica", "nemocnice", "szpital", "bolnica", "sairaala", "sjukhus", "sykehus",
    ]

    static let placeParticles: Set<String> = [
        "de", "da", "do", "dos", "das", "del", "la", "le", "el", "di", "am", "an", "der", "sur", "upon", "on",
        // "Les Berges du Lac", "Hof bei Salzburg", "Nové Mesto nad Váhom", "Bergen op Zoom", "Alphen aan den Rijn".
        "du", "des", "bei", "im", "ob", "nad", "pod", "op", "aan", "den",
    ]

    static let streetWords: Set<String> = [
        "street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "lane", "ln", "ln.", "drive", "dr", "dr.",
        "blvd", "blvd.", "boulevard", "way", "court", "ct", "ct.", "place", "pl", "pl.", "terrace", "highway", "hwy",
    ]

    /// True for "CA", "Ohio", "India", "Tamil Nadu".
    public static func isRegion(_ part: String) -> Bool {
        let trimmed = part.trimming(.whitespaces)
        if usStateCodes.contains(trimmed) { return true }
        // "Co. Dublin", "County Cork": Irish and British counties.
        if (trimmed.hasPrefix("Co. ") || trimmed.hasPrefix("County ")), trimmed.split(separator: " ").count == 2 { return true }
        return regions.contains(trimmed.lowercased()) || namesAnAdministrativeRegion(trimmed)
    }

    /// "Umnugovi Province", "West Kazakhstan Region", "Anambra State", "Jimma Zone": a name and the kind
    /// of region it is, as countries name their provinces.
    static func namesAnAdministrativeRegion(_ text: String) -> Bool {
        // (Called for every part tested as a region: the last word's capital is checked on bytes first.)
        let utf8 = text.utf8
        guard let space = utf8.lastIndex(of: UInt8(ascii: " ")), let capital = utf8[utf8.index(after: space)...].first,
            regionKindCapitals.contains(capital), regionKinds.contains(String(text[text.index(after: space)...]))
        else { return false }
        let name = text[..<space]
        return (1...3).contains(name.split(separator: " ").count) && isPlaceName(String(name))
            && !Organizations.looksLikeSchool(String(name))
    }

    static let regionKinds: Set<String> = [
        "Province", "Region", "Prefecture", "Governorate", "Oblast", "State", "County", "Zone", "District", "Division",
    ]
    static let regionKindCapitals = Set(regionKinds.compactMap(\.utf8.first))

    /// "Maitighar, Kathmandu", "Koto-ku, Tokyo", "Les Berges du Lac, Tunis": a neighbourhood's or a
    /// ward's name before a known town, which names no company, school, title or skill.
    public static func neighbourhoodAndTown(_ parts: [String]) -> String? {
        guard parts.count == 2, parts[0].lowercased() != parts[1].lowercased(), isKnownCity(parts[1]) else { return nil }
        let neighbourhood = parts[0]
        guard (1...4).contains(ResumeText.words(neighbourhood).count), isPlaceName(neighbourhood), !isRegion(neighbourhood),
            !Organizations.looksLikeOrganization(neighbourhood), !Organizations.looksLikeSchool(neighbourhood),
            !ResumeText.isInitialism(neighbourhood), JobTitles.titleScore(neighbourhood) < 0.45,
            SkillTaxonomy.shared.skill(named: neighbourhood) == nil
        else { return nil }
        return parts.joined(separator: ", ")
    }

    /// "EMEA", "APAC", "North America": the part of the world a role covers ("Team Lead, EMEA"), which
    /// names no employer and no place the job was in.
    static func isMarketRegion(_ part: String) -> Bool {
        marketRegions.contains(part.trimming(.whitespaces).lowercased())
    }

    static let marketRegions: Set<String> = [
        "emea", "apac", "apj", "latam", "amer", "amers", "americas", "nordics", "dach", "benelux", "mena", "meta", "anz",
        "north america", "south america", "latin america", "asia pacific", "asia-pacific", "middle east", "europe", "asia",
        "africa", "global", "worldwide", "international",
    ]

    /// Towns and cities of 15,000 people or more, lower-cased (`cities.tsv`, from GeoNames; see
    /// `scripts/build-places.py`). Only where a name stands in a place's slot: after a company's
    /// separator, alone on a contact line, or as a region would ("Leith, Edinburgh").
    static let knownCities: Set<String> = {
        // Read as bytes: 54,000 lines split as Strings took a tenth of a second, at every start of `vitae analyze`.
        let (tab, newline) = (UInt8(ascii: "\t"), UInt8(ascii: "\n"))
        let bytes = [UInt8](ResourceFile.data("cities", extension: "tsv"))
        var names = Set<String>(minimumCapacity: 60_000)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: newline) ?? bytes.count
            defer { start = end + 1 }
            guard let nameEnd = bytes[start..<end].firstIndex(of: tab) else { continue }
            let name = bytes[start..<nameEnd]
            names.insert(name.allSatisfy { $0 < 0x80 }
                ? String(decoding: name.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
                : String(decoding: name, as: UTF8.self).lowercased())
        }
        return names
    }()

    /// True for "Lisbon", "Genoa", "Visby", "São Paulo": a town the world list knows by that name. Never
    /// a reason to doubt an employer's name ("Toyota", "Zurich" and "Nokia" are towns too).
    public static func isKnownCity(_ name: String) -> Bool {
        var folded = name.trimming(.whitespaces).lowercased()
        if knownCities.contains(folded) { return true }
        // "Pitești", "Timișoara": Romanian writes a comma below its s and t, GeoNames a cedilla.
        if folded.unicodeScalars.contains(where: { $0 == "\u{219}" || $0 == "\u{21B}" }) {
            folded = folded.replacingOccurrences(of: "\u{219}", with: "\u{15F}").replacingOccurrences(of: "\u{21B}", with: "\u{163}")
            if knownCities.contains(folded) { return true }
        }
        // "Al Khobar", "Al-Jubail", "El Jadida": the Arabic article the list may leave off.
        guard folded.count > 5, ["al ", "al-", "el ", "el-"].contains(where: folded.hasPrefix) else { return false }
        return knownCities.contains(String(folded.dropFirst(3)))
    }

    /// True for a region as resumes also write it: a known one, a short code in capitals ("AE", the
    /// United Arab Emirates) or a known region with a word more ("Delhi NCR").
    static func looksLikeRegion(_ part: String) -> Bool {
        if isRegion(part) { return true }
        let trimmed = part.trimming(.whitespaces)
        if trimmed.count <= 3, ResumeText.isAllCaps(trimmed) { return true }
        let words = trimmed.split(separator: " ")
        return words.count > 1 && (1..<words.count).contains { isRegion(words[..<$0].joined(separator: " ")) }
    }

    /// True when `part` reads like one capitalised place name: "Mountain View", "St. Louis", "NYC".
    static func isPlaceName(_ part: String) -> Bool {
        let words = ResumeText.words(part)
        guard (1...4).contains(words.count) else { return false }
        for (index, word) in words.enumerated() {
            // "Tlajomulco de Zúñiga", "Frankfurt am Main": a particle inside the name.
            if index > 0, index < words.count - 1, placeParticles.contains(String(word)) { continue }
            guard let first = word.first, first.isUppercase || first == "(" else { return false }
            // A school's word in any language ("Université de Yaoundé II") or the word that opens a company's
            // or an administration's name ("Gemeente Utrecht", "Banco Itaú") names no place.
            let folded = word.lowercased()
            if nonPlaceWords.contains(folded) || Organizations.schoolWords.contains(folded) || Organizations.companyPrefixes.contains(folded) {
                // "College Station", "University Park": towns named after their school.
                return words.count == 2 && index == 0 && Organizations.schoolWords.contains(folded) && isKnownCity(part)
            }
            if word.contains(where: { $0.isNumber || $0 == "@" || $0 == "/" }) { return false }
        }
        return true
    }

    /// "São Paulo, SP (remote)": how the job was worked is no part of the place (its closing bracket
    /// may already be trimmed off with the dates that followed it).
    static func withoutWorkArrangement(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "(")) ? workArrangementAside.replacing(in: text, with: "") : text
    }

    static let workArrangementAside = Pattern("\\s*\\((?:remote|hybrid|on-?site|wfh)\\)?$", caseInsensitive: true, literals: ["("])

    static let leadingPostCode = Pattern("^\\d{4,5}(?:\\s?[A-Z]{2})?\\s+")
    /// US ZIP, Indian PIN, British and Canadian post codes at the end ("Manchester M1 4BT", "Toronto, ON M5V 2T6").
    static let zipSuffix = Pattern(
        "\\s+\\d{5}(?:-\\d{4})?$|\\s+\\d{6}$|\\s+\\d{3}\\s?\\d{3}$|\\s+(?:[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}|[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d)$")
    static let townSlashState = Pattern("^([^/,]+?)\\s?/\\s?([A-Z]{2})$", literals: ["/"])
    static let brazilianStates: Set<String> = [
        "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR", "PE", "PI", "RJ", "RN",
        "RS", "RO", "RR", "SC", "SP", "SE", "TO",
    ]

    /// "Didsbury, Manchester M20": a British post code's first half alone, after a town.
    static let outwardCodeSuffix = Pattern("\\s+[A-Z]{1,2}\\d{1,2}[A-Z]?$")
    /// "Redcliffe QLD 4020", "Fitzroy VIC 3065": Australia's state letters and post code after the town.
    static let stateLettersAndPostCode = Pattern("^(.+\\s[A-Z]{2,3})\\s+\\d{4}$")
    /// "Auckland 1010", "Sandton, Johannesburg, 2196": a post code after the town's name or on its own.
    static let trailingPostCode = Pattern("(?:^|\\s+)\\d{4,6}$")
    /// "Montréal (Québec)", "Milano (MI)": the region in brackets after the town.
    static let regionInBrackets = Pattern("\\s*\\(([^()]+)\\)$", literals: ["("])

    /// The location in a "City, Region[, Country]" text, with a street address or post code removed;
    /// nil when the text is not a location. `allowBareCity` accepts a single capitalised name,
    /// for places where context already says "this is a location".
    public static func location(in text: String, allowBareCity: Bool = false) -> String? {
        let trimmed = text.trimming(.whitespaces)
        // "Belo Horizonte/MG": Brazil writes the town and its state's letters with a slash.
        if trimmed.utf8.contains(UInt8(ascii: "/")), let match = townSlashState.firstMatch(in: trimmed), let town = match.groups[1],
            let state = match.groups[2], brazilianStates.contains(state), isPlaceName(town)
        {
            return trimmed
        }
        var candidate = zipSuffix.replacing(in: trimmed, with: "")
        // A post code vouches for the town before it as a street does ("Manchester M1 4BT").
        var droppedStreet = candidate.utf8.count != trimmed.utf8.count
        if !droppedStreet, candidate.utf8.contains(UInt8(ascii: ",")) {
            candidate = outwardCodeSuffix.replacing(in: candidate, with: "")
        }
        if !droppedStreet, let match = stateLettersAndPostCode.firstMatch(in: candidate), let town = match.groups[1],
            let place = townAndStateLetters(town, vouched: true)
        {
            return place
        }
        candidate = withoutWorkArrangement(candidate)
        candidate = candidate.trimming(locationEdges)
        if candidate.hasSuffix(")"), let bracket = regionInBrackets.firstMatch(in: candidate), let region = bracket.groups[1],
            isKnownCity(leadingPostCode.replacing(in: (candidate as NSString).substring(to: bracket.range.location).split(separator: ",").last
                .map { $0.trimming(.whitespaces) } ?? "", with: ""))
        {
            candidate = (candidate as NSString).replacingCharacters(in: bracket.range, with: ", " + region)
        }
        var parts = candidate.split(separator: ",").map { $0.trimming(.whitespaces) }
        parts.removeAll(where: \.isEmpty)
        if parts.count >= 2, parts.contains(where: { $0.contains(where: \.isLetter) }) {
            // "123 Main Street, Leeds LS1 4AB, United Kingdom": a post code after the town inside the text.
            parts = parts.compactMap { part in
                let cut = zipSuffix.replacing(in: trailingPostCode.replacing(in: part, with: ""), with: "")
                return cut.isEmpty ? nil : cut
            }
        }
        // "Nørrebrogade 10, 2200 København N", "Via Roma 5, 20121 Milano": a street with its number
        // before the town.
        while parts.count >= 2, parts[0].contains(where: \.isNumber), parts[0].contains(where: \.isLetter),
            leadingPostCode.firstMatch(in: parts[0]) == nil,
            !parts[1].contains(where: \.isNumber) || leadingPostCode.firstMatch(in: parts[1]) != nil
        {
            parts.removeFirst()
            droppedStreet = true
        }
        // "Chennai, Tamil Nadu, Tamil Nadu", "Delhi, Delhi": say each place once.
        parts = parts.enumerated().filter { index, part in index == 0 || part.lowercased() != parts[index - 1].lowercased() }
            .map(\.element)
        // "2222 McCoy Road Columbus, Ohio": a street address run into the city without a comma.
        if parts.count >= 2, parts[0].first?.isNumber == true {
            let words = parts[0].split(separator: " ")
            if let street = words.lastIndex(where: { streetWords.contains($0.lowercased()) }), street < words.count - 1 {
                parts[0] = words[(street + 1)...].joined(separator: " ")
            }
        }
        // "123 Main St, Anywhere, USA", "Google HQ, Mountain View, CA": drop the street or building part.
        while parts.count > 2, let first = parts.first, first.first?.isNumber == true || !isPlaceName(first) {
            droppedStreet = droppedStreet || first.contains(where: \.isNumber)
            parts.removeFirst()
        }
        // "80802 München, Germany", "1012 AB Amsterdam": in Europe the post code comes before the city.
        // The post code vouches for the town after it.
        for index in parts.indices where parts[index].first?.isNumber == true {
            guard let match = leadingPostCode.firstMatch(in: parts[index]) else { continue }
            let city = String(parts[index].dropFirst(match.text.count))
            if isPlaceName(city) {
                parts[index] = city
                droppedStreet = true
            }
        }
        if parts.count == 2, parts[0].first?.isNumber == true { parts.removeFirst() }
        guard !parts.isEmpty, parts.count <= 4 else { return nil }
        // A known region vouches for the city before it, even typed in lower case ("hyderbad, Telangana").
        let lastIsRegion = parts.count >= 2 && isRegion(parts.last!)
        // A region is a place even when it is also a word ("IN", India's code, is "in").
        guard parts.enumerated().allSatisfy({ index, part in
            isPlaceName(part) || (index > 0 && isRegion(part)) || (lastIsRegion && index == 0 && isPlaceName(part.prefix(1).uppercased() + part.dropFirst()))
        }) else { return nil }
        if lastIsRegion, let first = parts.first?.first, first.isLowercase {
            parts[0] = parts[0].prefix(1).uppercased() + parts[0].dropFirst()
        }
        if parts.count == 1 {
            // "Brisbane QLD", "Austin TX": a town and its state's letters without a comma.
            if let place = townAndStateLetters(parts[0]) { return place }
            // "København N", "Aarhus C": a known town after its street, with its district's letter.
            let town = parts[0].count > 2 && parts[0].dropLast().hasSuffix(" ") && parts[0].last!.isUppercase ? String(parts[0].dropLast(2)) : parts[0]
            guard allowBareCity || isRegion(parts[0]) || droppedStreet && isKnownCity(town) else { return nil }
        } else if !(isRegion(parts.last!) || (parts.count >= 2 && parts.dropFirst().contains(where: isRegion))) {
            // "Foo, Bar" where neither looks like a region: only when the caller vouches for it, or a
            // known town does ("Leith, Edinburgh").
            // ("KPMG, Nairobi": a name in initials beside the town is an organisation's.)
            guard allowBareCity
                || parts.contains(where: isKnownCity) && !parts.contains(where: { Organizations.looksLikeSchool($0) || Organizations.looksLikeOrganization($0) })
                && !parts.contains(where: { ResumeText.isInitialism($0) && !isRegion($0) && !isKnownCity($0) })
            else { return nil }
        }
        return parts.joined(separator: ", ")
    }

    /// "IRD Montpellier", "IBM Bangalore": an organisation's initials before its town name the organisation.
    /// (Not in a line all in capitals: "MADHYA PRADESH".)
    static func opensWithInitials(_ part: String) -> Bool {
        let words = ResumeText.words(part)
        guard words.count >= 2, let first = words.first, !ResumeText.isAllCaps(part) else { return false }
        return ResumeText.isInitialism(first) && !isRegion(String(first))
    }

    /// "Vienna, Austria", "Brno, Czechia": known towns and regions, and nothing else.
    static func namesOnlyKnownPlaces(_ text: String) -> Bool {
        let parts = text.split(separator: ",").map { $0.trimming(.whitespaces) }
        return parts.count <= 3 && parts.allSatisfy { isKnownCity($0) || isRegion($0) }
    }

    /// "Brisbane QLD": a known town and its state's letters; `vouched` by a post code after them, any
    /// town's name.
    static func townAndStateLetters(_ text: String, vouched: Bool = false) -> String? {
        guard let space = text.lastIndex(of: " ") else { return nil }
        let letters = String(text[text.index(after: space)...]), town = String(text[..<space])
        guard (2...3).contains(letters.count), letters.allSatisfy({ $0.isASCII && $0.isUppercase }), isRegion(letters),
            isKnownCity(town) || vouched && isPlaceName(town) && !town.contains(",")
        else { return nil }
        return text
    }

    /// The location in a text that stands where a place would ("Zendesk | Lisbon"): as `location(in:)`,
    /// and a bare name too when it is a known town.
    public static func placeInPlaceSlot(_ text: String, allowBareCity: Bool = false) -> String? {
        location(in: text, allowBareCity: allowBareCity || isKnownCity(text.trimming(locationEdges)))
    }

    /// Splits "Title, Company, City, ST, Country" into the parts before the trailing location and the
    /// location itself: the longest run of trailing comma parts that reads as a place ending in a region.
    public static func splitTrailingLocation(_ parts: [String]) -> (rest: [String], location: String?) {
        if parts.count >= 2, let last = parts.last, let place = townAndStateLetters(last) { return (parts.dropLast(), place) }
        guard let last = parts.last, isRegion(last) else { return (parts, nil) }
        var start = parts.count - 1
        // Walk back over place-like parts; at most a city and a region before the last one.
        while start > 0, parts.count - start < 3, isPlaceName(parts[start - 1]),
            !JobTitles.looksLikeTitle(parts[start - 1]), !Organizations.looksLikeOrganization(parts[start - 1]),
            !opensWithInitials(parts[start - 1])
        {
            start -= 1
            if !isRegion(parts[start]) { break }  // a city ends the walk
        }
        return (Array(parts[..<start]), parts[start...].joined(separator: ", "))
    }
}
