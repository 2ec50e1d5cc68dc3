import Foundation

/// Which part of a position's lines is the title, the company and the place: separators, labels,
/// commas, employer headings and units.
extension ExperienceAnalyzer {
    /// " - ", " | ", " at ", and "@ " as "at" ("Process Associate@ Infosys"; an e-mail address has no space after its "@"),
    /// and a dash typed against the word before it ("HR Executive- Acme Corp"; "Co-founder" has no space after it).
    static let fieldSeparators = fieldSeparatorPattern(splittingAtWordAt: true)

    /// `fieldSeparators`, or the same without " at " where it is part of a name ("The University of
    /// Texas at Austin").
    static func fieldSeparatorPattern(splittingAtWordAt: Bool) -> Pattern {
        Pattern(
            "\\s+(?:-|–|—|\\||•|·|@\(splittingAtWordAt ? "|at" : ""))\\s+|\\s*[|•·]\\s*|\\s*@\\s+|\\s+-$|(?<=[A-Za-z.)])[-–]\\s+(?=[A-Z])",
            literals: ["-", "–", "—", "|", "•", "·", "@"] + (splittingAtWordAt ? ["at"] : []))
    }

    /// Assigns title, company and location from the context lines' parts.
    static let companyLabels: Set<String> = [
        "company", "employer", "organisation", "organization", "client", "company name", "employer name", "organisation name",
        "organization name", "name of employer", "name of company", "name of organisation", "name of organization",
    ]
    static let locationLabels: Set<String> = ["location", "company location", "job location", "place", "place of work", "city"]
    static let labelledField = Pattern("^\\s*(company name|employer name|organi[sz]ation name|name of (?:employer|company|organi[sz]ation)|company|employer|organi[sz]ation|client|position|designation|current designation|role|job role|current role|title|job title|location|company location|job location|place|place of work|city)(?:\\s*\\d{1,2})?\\s*:\\s*(.+)$", caseInsensitive: true, literals: [":"])

    /// "Data Engineer bij ING", "Ingenieurin bei Bosch", "Chargée de projet chez Orange": "at" in Dutch,
    /// German, French and Italian.
    static let foreignAt = Pattern("\\s(?:bij|bei|chez|presso)\\s", literals: ["bij", "bei", "chez", "presso"])

    /// "Company Location : Dhaka", "Place: Lusaka": the place a labelled line names.
    static func labelledPlace(_ line: String) -> String? {
        guard line.utf8.contains(UInt8(ascii: ":")), let match = labelledField.firstMatch(in: line),
            let label = match.groups[1]?.lowercased(), locationLabels.contains(label), let value = match.groups[2]
        else { return nil }
        return Places.location(in: value, allowBareCity: true)
    }

    /// "KPMG (Nairobi)": the place in brackets after a name.
    static let placeInBrackets = Pattern("^(.+?)\\s*\\(([^()]+)\\)$", literals: ["("])

    static let labelledList = Pattern("^[A-Za-z][A-Za-z /&'-]{0,30}:\\s", literals: [":"])

    /// "Organisation: Ethio Telecom | Position: Network Engineer | Period: …": labelled fields on one
    /// line, each to be read as its own line.
    static func labelledFieldsOfLine(_ line: String) -> [String] {
        guard line.utf8.contains(UInt8(ascii: "|")), line.utf8.contains(UInt8(ascii: ":")) else { return [line] }
        let segments = line.split(separator: "|").map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
        return segments.contains(where: labelledField.contains) ? segments : [line]
    }

    static func fill(_ position: inout Position, from context: [String]) {
        let context = context.map { foreignAt.replacing(in: withoutLeadingDuration(ResumeText.strippingBullet($0)), with: " at ") }.flatMap(labelledFieldsOfLine)
        var parts: [String] = []
        var lineOfParts: [Int] = []
        var namedBeforeAs: [String] = []
        var employerOfLine: [Int: String] = [:]
        for (lineIndex, line) in context.enumerated() {
            // "Company: Acme Corp" / "Company 1: Acme Corp, Pune" / "Position: Analyst" say what they are.
            if let match = labelledField.firstMatch(in: line), let label = match.groups[1]?.lowercased(), let value = match.groups[2] {
                if locationLabels.contains(label) {
                    position.location = position.location ?? Places.location(in: value, allowBareCity: true)
                } else if companyLabels.contains(label) {
                    var valueParts = mergeSuffixes(commaSeparated(value))
                    if valueParts.count >= 2, let place = Places.location(in: valueParts.last!, allowBareCity: true) {
                        position.location = position.location ?? place
                        valueParts.removeLast()
                    }
                    // "Name and address of employer: Barilla S.p.A., Via Mantova 166, 43122 Parma": the street,
                    // also after a dash ("Comune di Parma – Strada Repubblica 1").
                    while valueParts.count >= 2, valueParts.last!.contains(where: \.isNumber) { valueParts.removeLast() }
                    if let first = valueParts.first, let dash = first.range(of: " – ") ?? first.range(of: " - "),
                        first[dash.upperBound...].contains(where: \.isNumber)
                    {
                        valueParts[0] = String(first[..<dash.lowerBound])
                    }
                    position.company = position.company ?? valueParts.joined(separator: ", ")
                } else {
                    position.title = position.title ?? value
                }
                continue
            }
            // "Product Technologies: Cloud, DevOps, Visual Studio": a label and its list, no name; ": WinSCP,
            // PuTTY" is a list whose label the table's other column kept.
            if line.utf8.contains(UInt8(ascii: ":")), labelledList.contains(line) || line.hasPrefix(":") { continue }
            let fields = ResumeText.splitSegments(fieldSeparators.replacing(in: line, with: " | "))
            var lineParts: [String] = []
            // "Data Scientist" / "Contoso Analytics, Leeds" or "Contoso | Leeds": a company line under a
            // title (on another line) names the employer, then its town.
            let titleElsewhere = position.title != nil
                || context.indices.contains { $0 != lineIndex && titleLikeness(context[$0]) >= 0.45 }
            // "INFOSYS as Process Associate": the title stays in its place; the company before "as"
            // comes after the line's other parts, which name the company more surely when they do
            // ("Infosys group as a Test Analyst - Infosys Ltd").
            for field in fields.flatMap({ field -> [String] in
                guard let split = companyAsTitle(field) else { return companyRunIntoTitle(field) ?? [field] }
                namedBeforeAs.append(split[0])
                return [split[1]]
            }) {
                var commaParts = joiningRankAndItsFunction(mergeSuffixes(commaSeparated(Places.withoutWorkArrangement(field))))
                    .map { part in
                        guard position.location == nil, let split = placeInBrackets.firstMatch(in: part), let name = split.groups[1],
                            let place = split.groups[2], !ResumeText.isAllCaps(place),
                            Places.isKnownCity(place) || place.contains(",") && Places.location(in: place) != nil
                        else { return part }
                        position.location = Places.location(in: place, allowBareCity: true)
                        return name
                    }
                    .flatMap { titleAndEmployerInBrackets($0) ?? [$0] }
                let (rest, location) = Places.splitTrailingLocation(commaParts)
                if let location, position.location == nil {
                    position.location = location
                    commaParts = rest
                } else if position.location == nil, field != fields.first,
                    titleElsewhere && !lineParts.isEmpty && lineParts.allSatisfy({ titleLikeness($0) < 0.45 })
                        || fields.count >= 3 && field == fields.last && lineParts.count >= 2,
                    let place = Places.neighbourhoodAndTown(commaParts)
                {
                    // "Bandai Namco Studios Inc. | Koto-ku, Tokyo" under its title: after the employer and a
                    // separator, a ward before the town. (After a title, "Adyen, Amsterdam" names the employer.)
                    position.location = place
                    commaParts = []
                } else if position.location == nil,
                    let city = cityAfterCompany(commaParts, afterAt: field != fields.first && ResumeText.contains(line, " at " + field),
                        underTitle: titleElsewhere && fields.count == 1)
                {
                    position.location = city
                    commaParts.removeLast()
                    // "Reddington Hospital, Victoria Island, Lagos": an institution, its neighbourhood, the town.
                    if commaParts.count >= 2, Organizations.namesAnInstitution(commaParts[commaParts.count - 2]),
                        let place = Places.neighbourhoodAndTown([commaParts[commaParts.count - 1], city])
                    {
                        position.location = place
                        commaParts.removeLast()
                    }
                } else if commaParts.count >= 1, position.location == nil, fields.count > 1, field != fields.first,
                    let place = Places.placeInPlaceSlot(field, allowBareCity: field.utf8.contains(UInt8(ascii: ",")) || titleElsewhere && afterPipe(field, in: line))
                {
                    // "Infosys Ltd - Delhi, Delhi": a place after a dash. After "at" a company comes first:
                    // "Test Analyst at Oracle, Hyderabad" names the company and a city. Without "at" or a
                    // region, capitalised names after a separator ("Apple , Google, Microsoft") are no place.
                    let placeParts = place.split(separator: ",").map { $0.trimming(.whitespaces) }
                    if placeParts.count < 2 || placeParts.dropFirst().contains(where: Places.looksLikeRegion)
                        || titleElsewhere && afterPipe(field, in: line) && titleLikeness(fields[0]) < 0.45
                    {
                        position.location = place
                        continue
                    }
                    if ResumeText.contains(line, " at " + field) {
                        position.location = placeParts.last
                        lineParts += placeParts.dropLast()
                        continue
                    }
                }
                lineParts += commaParts.filter { !$0.isEmpty }
            }
            if let employer = employerAmongClients(lineParts) {
                employerOfLine[lineIndex] = employer
                lineParts.removeAll { $0 != employer && isOtherOrganization($0) }
            }
            parts += lineParts
            lineOfParts += Array(repeating: lineIndex, count: lineParts.count)
        }
        parts += namedBeforeAs
        lineOfParts += Array(repeating: -1, count: namedBeforeAs.count)
        let cleanedParts = zip(parts, lineOfParts).map { (withoutGrades(withoutLeadingLabel(withoutStrayOpeningBracket($0))), $1) }
            .filter { isNamePart($0.0) }
        parts = cleanedParts.map(\.0)
        lineOfParts = cleanedParts.map(\.1)
        // "Title" / "Company - City, Region -" (Indeed's layout): the line that ends in a dash names
        // the company; the other line is the title even when its words are not title words, and all
        // of it when it has commas ("Unix, CA7 scheduler") unless a part of it is a title on its own
        // ("Test Engineer, Infosys": a title line that names its company).
        // The company of Indeed's dashed line, for a title line whose other part is a skill, not a
        // company: "Unix, CA7 scheduler" / "Infosys Limited -".
        var dashedCompany: String?
        if position.title == nil, position.company == nil, context.count == 2,
            let dashed = context.firstIndex(where: { $0.hasSuffix(" -") }),
            let company = employerOfLine[dashed]
                ?? ResumeText.splitSegments(fieldSeparators.replacing(in: context[dashed], with: " | ")).first.map(withoutLeadingLabel),
            parts.contains(company), looksLikeCompany(company)
        {
            let other = context[1 - dashed].trimming(.whitespaces)
            // "Test Management Tool" / "QualityCenter -": the label of a tools table and the tool it names,
            // no title and no employer.
            if namesAKindOfTool(other) || headsProjects(other) || namesAProduct(other, ofVendor: company) { return }
            let otherParts = other.split(separator: ",").map { $0.trimming(.whitespaces) }
            if otherParts.allSatisfy({ parts.contains($0) && titleLikeness($0) < 0.45 }), titleLikeness(company) < 0.45,
                !Places.isRegion(other), !JobTitles.namesATopic(other), !namesASoftware(other)
            {
                position.company = company
                position.title = other
                return
            }
            // "Lead Engineer - Automation & Testing" / "Cisco Systems -": a title with its field after a
            // dash is one title; the dash does not make its field a second name.
            if titleLikeness(company) < 0.45, isTitleWithItsField(other) {
                position.company = company
                position.title = other
                return
            }
            // "Sr. Program Manager / Product Owner, Architect, Consultant" / "Microsoft India -": roles held
            // together, every comma part a title, are one title line, not the most title-like of them.
            if otherParts.count >= 2, otherParts.allSatisfy({ parts.contains($0) && titleLikeness($0) >= 0.45 }),
                titleLikeness(company) < 0.45
            {
                position.company = company
                position.title = other
                return
            }
            if titleLikeness(company) < 0.45, SkillTaxonomy.shared.skill(named: company) == nil { dashedCompany = company }
        }
        if position.title != nil || position.company != nil {
            // Labelled fields already said it; fill only the missing one.
            if position.title == nil { position.title = parts.first(where: { titleLikeness($0) >= 0.45 }) }
            if position.company == nil { position.company = parts.first(where: { looksLikeCompany($0) && titleLikeness($0) < 0.45 }) }
            return
        }
        guard !parts.isEmpty else { return }
        // The most title-like part is the title; the first other part is the company.
        let scored = parts.enumerated().map { (offset: $0.offset, text: $0.element, score: titleLikeness($0.element)) }
        if let best = scored.max(by: { $0.score < $1.score || ($0.score == $1.score && $0.offset > $1.offset) }),
            best.score >= 0.45
        {
            position.title = best.text
            // "Senior Consultant – SAP FICO · Deloitte USI": a skill dashed onto the title is its specialty.
            let companies = scored.filter { part in
                part.offset != best.offset && looksLikeCompany(part.text)
                    && !(SkillTaxonomy.shared.skill(named: part.text) != nil && lineOfParts[part.offset] == lineOfParts[best.offset]
                        && lineOfParts[part.offset] >= 0
                        && [" - ", " – ", " — "].contains { ResumeText.contains(context[lineOfParts[part.offset]], best.text + $0 + part.text) })
            }
            let titleLine = lineOfParts[best.offset]
            if let beside = companies.first, lineOfParts[beside.offset] == titleLine, titleLine >= 0,
                let onItsOwnLine = companies.first(where: { lineOfParts[$0.offset] != titleLine && lineOfParts[$0.offset] >= 0 }),
                namesUnitOfEmployer(beside.text, onTitleLine: context[titleLine], employer: onItsOwnLine.text)
            {
                position.company = company(dashedCompany, or: onItsOwnLine.text)
            } else {
                // "Research Fellow, Department of Geography, University of Dhaka": the department is the
                // employer's unit; the employer is the name after it.
                let employer = companies.first.flatMap { first in
                    namesUnit(first.text) ? companies.dropFirst().first(where: { lineOfParts[$0.offset] == lineOfParts[first.offset] }) : nil
                } ?? companies.first
                position.company = company(dashedCompany, or: employer?.text)
            }
        } else if let company = company(dashedCompany, or: parts.first(where: looksLikeCompany)) {
            position.company = company
        }
    }

    /// "Data Analyst" / "Contoso" / "Galway" / "Feb 2022 – Present": three short lines standing alone
    /// above the dates are title, company and town; the one next to the dates is the town, a bare name
    /// as Europeans write it. Two lines above the dates are title and company only.
    static func titleCompanyAndTown(
        above index: Int, nearby: [Int], lines: [String], candidates: Set<Int>, taken: Set<Int>, map: SectionMap
    ) -> (names: [Int], town: Int)? {
        let first = index - 3
        guard nearby == [index - 2, index - 1], first >= 0, candidates.contains(first), !taken.contains(first), !map.isHeading(first),
            !lines[first].isEmpty, !ResumeText.isBullet(lines[first]), !isProse(lines[first]), isNamePart(lines[first]),
            first == 0 || lines[first - 1].isEmpty || map.isHeading(first - 1) || ResumeText.isBullet(lines[first - 1]) || isProse(lines[first - 1]),
            // The town's name is no title ("Product Owner, Contoso"); what follows its comma is its county.
            let place = Places.location(in: lines[index - 1], allowBareCity: true),
            titleLikeness(place.split(separator: ",").first.map(String.init) ?? place) < 0.45,
            !Organizations.looksLikeOrganization(lines[index - 1]),
            // "ROLE" / "Developer" / "PERIOD" / "October 2013 to November 2014": labels in capitals and
            // their values, no town. An employer known by its initials ("KPMG", "HSBC") opens the block.
            !(first..<index).contains(where: {
                ResumeText.isAllCaps(lines[$0]) && !($0 == first && ResumeText.isInitialism(lines[$0])) || detailLabel.contains(lines[$0])
            })
        else { return nil }
        return ([first, index - 2], index - 1)
    }

    /// "Contoso | Leeds", "Contoso · Leeds": the field follows a pipe or a bullet, which only set fields
    /// apart. A dash after a company also joins its division or client ("Contoso - Payments").
    static func afterPipe(_ field: String, in line: String) -> Bool {
        ["|", "| ", "· ", "• "].contains { ResumeText.contains(line, $0 + field) }
    }

    /// "Contoso Ltd. Field Technician", "Fabrikam Group Site Supervisor" (columns whose gap was lost): a
    /// legal form, or the country of a company's arm, ends the company's name, and the title-like
    /// words after it are the title.
    static func companyRunIntoTitle(_ field: String) -> [String]? {
        let words = ResumeText.words(field)
        guard words.count >= 3, let end = words.indices.dropFirst().dropLast().first(where: { index in
            let word = String(words[index])
            let bare = word.lowercased().trimming(punctuation)
            // "Contoso Canada Store Associate": a country after a company's name is its arm there.
            return Organizations.legalForms.contains(bare) || bare == "group" || Places.isRegion(word) && word.count > 3
                || ResumeText.isAllCaps(word) && Organizations.legalFormsAbroad.contains(bare)
        }) else { return nil }
        let company = words[...end].joined(separator: " ")
        let title = words[(end + 1)...].joined(separator: " ")
        guard title.first?.isUppercase == true, titleLikeness(title) >= 0.45, titleLikeness(company) < 0.45,
            !words[..<end].contains(where: { rankWords.contains($0.lowercased()) })
        else { return nil }
        return [company, title]
    }

    /// "Contoso LLP | Boston, MA" / "Tax Senior | 2019 – 2021" / "Tax Associate | 2017 – 2019": titles
    /// listed one under the other below one employer were all held there. A dated title with no
    /// company, right under another position's line (its bullets between at most), takes that one's.
    /// LinkedIn's export: "Northwestern Memorial Hospital" / "5 years 2 months" / "Registered Nurse" /
    /// "March 2021 - Present (3 years 10 months)" / … / "Staff Nurse" / "October 2019 - February 2021": an
    /// employer over the whole time spent there heads every title below it, up to the next such employer.
    static func inheritEmployerOverItsTenure(_ positions: inout [Position], lines: [String], candidateLines: [Int]) {
        var employers: [(line: Int, name: String)] = []
        for index in candidateLines where lines[index].utf8.count <= 30 && durationOnly.contains(lines[index]) {
            guard let above = (0..<index).reversed().first(where: { !lines[$0].isEmpty }), isNamePart(lines[above]),
                !DateRanges.containsDate(lines[above]), titleLikeness(lines[above]) < 0.45
            else { continue }
            employers.append((index, lines[above]))
        }
        guard !employers.isEmpty else { return }
        for position in positions.indices {
            guard let employer = employers.last(where: { $0.line < positions[position].line }) else { continue }
            // "Registered Nurse, Medical ICU" under it: the name after the title's comma is its unit.
            let unitAfterTitle = positions[position].title.flatMap { title in
                positions[position].company.map { company in
                    ((employer.line + 1)..<positions[position].line).contains { ResumeText.contains(lines[$0], title + ", " + company) }
                }
            } ?? false
            if positions[position].company == nil || unitAfterTitle { positions[position].company = employer.name }
        }
    }

    static func inheritEmployerOfTitlesBelowIt(_ positions: inout [Position], lines: [String]) {
        for index in positions.indices.dropFirst() where positions[index].title != nil {
            let above = positions[index - 1]
            // "Engineer at Contoso (2020 – 2022)" / "Analyst at acme.io (2018 – 2020)": a company named on
            // the position's own line is that line's, not a heading's over the titles below.
            guard let company = above.company, above.line < positions[index].line, !ResumeText.contains(lines[above.line], company),
                ((above.line + 1)..<positions[index].line).allSatisfy({ ResumeText.isBullet(lines[$0]) || isProse(lines[$0]) })
            else { continue }
            // "Contoso Hotels — Doha" / "Hotel Manager, Contoso Pearl Resort (2019 – 2022)" / "Director of
            // Rooms, Contoso Marina Hotel (2016 – 2019)": the name beside a title under the heading is its
            // property or unit, as it was for the title above.
            if let own = positions[index].company {
                let line = lines[positions[index].line]
                guard !ResumeText.contains(line, " at " + own), !Organizations.looksLikeOrganization(own) || Organizations.looksLikeOrganization(company),
                    namesSomethingBesideItsTitle(lines[above.line])
                else { continue }
            }
            positions[index].company = company
        }
    }

    /// "Nordwind GmbH, Hamburg", "Acme Group, Lyon", "Engineer at acme.io, Leiden": one place name after
    /// a company's name is the town the job was in, written without its region as Europeans do. Only
    /// after a name that a legal form, "at" or a title before it marks as the employer's; "Apple,
    /// Google" stays two names.
    static func cityAfterCompany(_ parts: [String], afterAt: Bool, underTitle: Bool = false) -> String? {
        guard parts.count >= 2, let city = parts.last, Places.isPlaceName(city), ResumeText.words(city).count <= 2,
            !Organizations.looksLikeOrganization(city), !Organizations.looksLikeSchool(city), titleLikeness(city) < 0.45
        else { return nil }
        // "Dubai, AE", "Gurgaon, Delhi NCR": a town and its region, no company before a town.
        guard !Places.looksLikeRegion(city) else { return nil }
        let company = parts[parts.count - 2]
        let legalForm = ResumeText.words(company).last.map { ResumeText.isAllCaps(String($0)) && Organizations.namesLegalForm(String($0)) } ?? false
        // "Product Manager, Contoso, Lyon": after a title and a company, the third name is the town.
        // On a company line of its own under the title, "Name, Town" (no more names: "Apple, Google,
        // Microsoft" lists employers), the name after the company's is its town.
        let afterTitle = parts.count >= 3 ? titleLikeness(parts[parts.count - 3]) >= 0.45 : underTitle && titleLikeness(company) < 0.45
        return afterAt || legalForm || afterTitle || Organizations.looksLikeOrganization(company) || Places.isKnownCity(city) ? city : nil
    }

    /// "Director, Plant Operations", "Intern, Brake Testing", "Staff Nurse, Cardiac Unit": a rank with the
    /// function it heads, or a title with its unit, written with a comma where "Director of Plant
    /// Operations" has "of"; one title. "Software Engineer, Acme Corp" and "Intern, Contoso" name
    /// the employer after the comma and stay two parts.
    static func joiningRankAndItsFunction(_ parts: [String]) -> [String] {
        guard parts.count >= 2 else { return parts }
        var joined: [String] = []
        for part in parts {
            if let title = joined.last, namesFunction(part, of: title) {
                joined[joined.count - 1] = title + ", " + part
            } else {
                joined.append(part)
            }
        }
        return joined
    }

    static func namesFunction(_ part: String, of title: String) -> Bool {
        let words = ResumeText.words(part)
        guard part.first?.isUppercase == true, (1...5).contains(words.count), !Organizations.looksLikeOrganization(part),
            !Organizations.looksLikeSchool(part), !Places.isRegion(part), isNamePart(part)
        else { return false }
        if let last = words.last, unitWords.contains(last.lowercased()) { return titleLikeness(title) >= 0.45 && titleLikeness(part) < 0.45 }
        // A bare rank's function may use title words ("Director, Quality Assurance"). A one-word name
        // after it is more often the employer ("Intern, Contoso").
        let titleWords = ResumeText.alphanumericTokens(title)
        return words.count >= 2 && titleWords.contains(where: executiveRanks.contains)
            && titleWords.allSatisfy { executiveRanks.contains($0) || rankWords.contains($0) }
    }

    /// "Clinical Nurse Specialist – Emergency Department" / "The Royal Melbourne Hospital", "Senior
    /// Associate, Audit & Assurance" / "KPMG Professional Services, Lagos": a name on a line of its own
    /// is the employer; a name dashed onto the title, a department, or a plain name after the title's
    /// comma where the other line has a company's ending, is the unit, client or site of the job.
    /// "Test Analyst at Oracle" / "Infosys Ltd -" and "Engineer - Infosys Limited" / "LabVIEW, Perforce
    /// -" keep the employer the title line named.
    static func namesUnitOfEmployer(_ beside: String, onTitleLine line: String, employer: String) -> Bool {
        let (besideIsCompany, employerIsCompany) = (Organizations.looksLikeOrganization(beside), Organizations.looksLikeOrganization(employer))
        guard !ResumeText.contains(line, " at " + beside), SkillTaxonomy.shared.skill(named: employer) == nil,
            employerIsCompany || !besideIsCompany
        else { return false }
        return namesUnit(beside) || [" - ", " – ", " — "].contains { ResumeText.contains(line, $0 + beside) }
            || employerIsCompany && !besideIsCompany
    }

    /// "Emergency Department", "Department of Medicine", "Division of Cardiology": a unit of an employer.
    static func namesUnit(_ name: String) -> Bool {
        let words = ResumeText.alphanumericTokens(name)
        guard let first = words.first, let last = words.last else { return false }
        return unitWords.contains(last) || unitWords.contains(first) && words.dropFirst().first == "of"
    }

    /// Ranks that name no work of their own: a "Director" or an "Intern" is one of some function.
    static let executiveRanks: Set<String> = ["president", "vice", "vp", "svp", "evp", "avp", "director", "head", "chair", "intern", "trainee"]
    static let unitWords: Set<String> = ["unit", "department", "dept", "division", "ward", "faculty"]

    /// The company of the title line's parts, unless it is a skill the taxonomy knows ("Unix, CA7
    /// scheduler" / "Acme Ltd -") or a topic ("Mobile Banking Projects" / "Acme Ltd -"), when Indeed's
    /// dashed company line names the employer instead.
    static func company(_ dashedCompany: String?, or fromParts: String?) -> String? {
        guard let dashedCompany else { return fromParts }
        guard let fromParts else { return dashedCompany }
        return SkillTaxonomy.shared.skill(named: fromParts) != nil || JobTitles.namesATopic(fromParts) || namesAVendorsTechnology(fromParts)
            ? dashedCompany : fromParts
    }

    /// A short capitalised line with no separators, no organization, school or place in it, made of
    /// words job titles use ("Volunteer"), though not enough of them to read as a title on its own.
    static func isBareTitleLine(_ line: String) -> Bool {
        guard let first = line.first, first.isUppercase, (1...4).contains(ResumeText.words(line).count), isNamePart(line),
            !line.contains(where: { ",|•·@–—".contains($0) }), !ResumeText.contains(line, " - ")
        else { return false }
        return !Organizations.looksLikeOrganization(line) && !Organizations.looksLikeSchool(line)
            && Places.location(in: line) == nil && titleLikeness(line) >= 0.25
    }

    /// "MS Office", "Java" alone on the title line: a program or a language, which no one is employed
    /// as; practices the taxonomy also knows ("Digital Marketing", "Customer Service") can name a job.
    static func namesASoftware(_ line: String) -> Bool {
        guard let skill = SkillTaxonomy.shared.skill(named: line), !skill.isAmbiguous else { return false }
        return skill.category.localizedCaseInsensitiveContains("software") || softwareCategories.contains(skill.category)
    }

    static let softwareCategories: Set<String> = ["Programming languages", "Databases", "Operating systems", "Web frameworks", "Cloud platforms"]

    /// "Test Management Tool", "Build Tools": what a tools table's row is about.
    static func namesAKindOfTool(_ line: String) -> Bool {
        guard let last = ResumeText.words(line).last?.lowercased() else { return false }
        return last == "tool" || last == "tools"
    }

    /// "Software Testing Projects" / "Contoso Bank -": projects done for a client, listed in the job's
    /// form; the client is no employer. ("Analyst in Contoso project" names a job.)
    static func headsProjects(_ line: String) -> Bool {
        ResumeText.words(line).last?.lowercased() == "projects"
    }

    /// "Lead Engineer - Automation & Testing", "Analyst - Payments": a title, a dash, and what the job
    /// is about, with no comma, no organization and no place after the dash.
    static func isTitleWithItsField(_ line: String) -> Bool {
        guard !line.utf8.contains(UInt8(ascii: ",")), !line.hasSuffix(" -") else { return false }
        let segments = ResumeText.splitSegments(fieldSeparators.replacing(in: line, with: " | "))
        guard segments.count == 2, titleLikeness(segments[0]) >= 0.45, isNamePart(segments[1]),
            ResumeText.contains(line, " - ") || ResumeText.contains(line, " – ")
        else { return false }
        let field = segments[1]
        return !Organizations.looksLikeOrganization(field) && !Organizations.looksLikeSchool(field)
            && Places.placeInPlaceSlot(field) == nil && ResumeText.words(field).count <= 4
    }

    /// "INFOSYS as Process Associate", "Acme Corp as a Test Analyst": a company and the title held
    /// there, when the words after "as" are a title and those before it are not.
    static func companyAsTitle(_ field: String) -> [String]? {
        guard ResumeText.contains(field, " as "), let match = asTitle.firstMatch(in: field),
            let company = match.groups[1], let title = match.groups[2],
            company.first?.isUppercase == true || company.first?.isNumber == true,
            titleLikeness(title) >= 0.45, titleLikeness(company) < 0.45, ResumeText.words(company).count <= 5
        else { return nil }
        return [company, title]
    }

    /// "Senior Analyst (Fabrikam Ltd)": a title with its employer in brackets, which the legal form
    /// would otherwise make one company's name.
    static func titleAndEmployerInBrackets(_ part: String) -> [String]? {
        guard part.hasSuffix(")"), let match = titleWithEmployer.firstMatch(in: part), let title = match.groups[1],
            let employer = match.groups[2], Organizations.looksLikeOrganization(employer), JobTitles.looksLikeTitle(title),
            // "(Client of Infosys Technologies)", "(via Contoso Ltd)": how the job was held, not the employer.
            !ResumeText.alphanumericTokens(employer).prefix(1).contains(where: engagementWords.contains)
        else { return nil }
        return [title, employer]
    }

    static let engagementWords: Set<String> = ["client", "contract", "contractor", "via", "through", "for", "deputed", "onsite", "on"]

    static let asTitle = Pattern("^(.+?)\\s+as\\s+(?:an?\\s+)?(.+)$")
}
