import Foundation

/// Positions once read: the same job said twice, one spelling per employer, clients and offices that
/// are no employer, and titles without their asides.
extension ExperienceAnalyzer {
    /// "Principal Engineer" / "ORACLE -" / "September 2005 to Present" below "Principal Engineer
    /// Technical Staff" / "Oracle India Private Limited" of the same months: a position written out
    /// again (a summary table, then the details) is one job. A dated position with another's start
    /// and end, its employer or none, and its title's words or some of them is dropped; the first of
    /// two alike stays and takes the place the other had.
    static func withoutRestatedPositions(_ positions: [Position]) -> [Position] {
        var kept: [Position] = []
        for position in positions {
            if let index = kept.firstIndex(where: { sameJob(restating: position, $0) }) {
                kept[index].location = kept[index].location ?? position.location
            } else if let index = kept.firstIndex(where: { sameJob(restating: $0, position) }) {
                // The later mention has the fuller title: it stands for both, where the first was.
                var fuller = position
                fuller.location = position.location ?? kept[index].location
                kept[index] = fuller
            } else {
                kept.append(position)
            }
        }
        return kept
    }

    /// `restating` names the job of `other` again: the same months, the same employer or none, and
    /// title words all in `other`'s title.
    static func sameJob(restating position: Position, _ other: Position) -> Bool {
        position.start != nil && position.start == other.start && position.end == other.end && position.current == other.current
            && namesNoOtherEmployer(position, than: other) && hasTitleWords(of: position, in: other)
    }

    /// `position` names no company, or `other`'s in another spelling ("Infosys limited", "INFOSYS LTD").
    static func namesNoOtherEmployer(_ position: Position, than other: Position) -> Bool {
        guard let company = position.company else { return true }
        guard let otherCompany = other.company else { return false }
        let core = Set(ResumeText.alphanumericTokens(company)).subtracting(companyNoise)
        let otherCore = Set(ResumeText.alphanumericTokens(otherCompany)).subtracting(companyNoise)
        return company == otherCompany || !core.isEmpty && core == otherCore
    }

    /// "Member of the Cultural Committee", "Searching for good salary": a position's name that says no
    /// job was held, but a membership or the job wished for (in the title's place or the company's).
    static func namesNoJobHeld(_ position: Position) -> Bool {
        isMembership(position.title) || [position.title, position.company].contains { $0.map(jobWish.contains) == true }
    }

    static let jobWish = Pattern("^(?:searching|looking|seeking|hunting)\\b", caseInsensitive: true)

    /// The employer a company slot names, without what is no part of the name; nil when it names no
    /// employer at all.
    static func employerName(_ company: String, clients: Set<String>) -> String? {
        if selfEmployment.contains(company) || namesAProductModule(company) || listsASoftware(company) { return nil }
        return withoutClient(withoutSiteAfterIn(withoutLowerCaseTail(company)), clients: clients)
    }

    /// "oracle" / "• Analyst in Oracle India Pvt Ltd. (through …)": a company typed in lower case in
    /// haste, whose full name, capitalised and with its legal form, the section writes elsewhere.
    static func fullSpelling(of company: String, in lines: [String]) -> String? {
        let name = ResumeText.words(company).map { $0.lowercased() }
        guard !name.isEmpty else { return nil }
        for line in lines where line.range(of: company, options: .caseInsensitive) != nil {
            let words = ResumeText.words(line).map(String.init)
            guard words.count > name.count else { continue }
            for start in 0...(words.count - name.count) where words[start].first?.isUppercase == true
                && zip(words[start...], name).allSatisfy({ $0.lowercased() == $1 })
            {
                var end = start + name.count
                while end < words.count, end - start < 6, words[end].first?.isUppercase == true {
                    end += 1
                    if words[end - 1].last.map({ ".,;:".contains($0) }) == true { break }
                }
                let spelling = words[start..<end].joined(separator: " ").trimming(punctuation)
                if end - start > name.count, Organizations.looksLikeOrganization(spelling) { return spelling }
            }
        }
        return nil
    }

    /// "FTP and TELNET", "Oracle & Java": tools listed where the employer goes; a name joined with "and"
    /// ("Larsen and Toubro") names no program.
    static func listsASoftware(_ company: String) -> Bool {
        guard ResumeText.contains(company, " and ") || ResumeText.contains(company, " & ") else { return false }
        return company.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " & ") }
            .contains { namesASoftware($0.trimming(.whitespaces)) }
    }

    /// "Self employed", "Freelancer": how the candidate worked, no one's name.
    static let selfEmployment = Pattern("^(?:self[- ]?employed|self[- ]?employment|freelanc(?:e|er|ing))$", caseInsensitive: true)

    /// "Self-employed in Family Business": the title is the status; where it was exercised is no part of it.
    static func withoutStatusPlace(_ title: String) -> String {
        guard let match = statusInPlace.firstMatch(in: title), let status = match.groups[1] else { return title }
        return status
    }

    /// "Tour Guide (Freelance)", "Hygiéniste dentaire (remplacements)", "Biomedical Scientist (Band 5)": a
    /// note in brackets after a title (how, when or at what grade the job was held) is no part of it.
    /// Initials in capitals ("Operations Manager (OCSM)") and a second title ("Lecturer (Assistant
    /// Professor)") stay: they name the role.
    static func withoutNoteInBrackets(_ title: String) -> String {
        guard let (before, inside) = ResumeText.splittingTrailingBracket(title), JobTitles.titleScore(before) >= 0.45 else { return title }
        // A note: in lower case ("(remplacements)", "(part-time)"), with a number ("(Band 5)"), or how the
        // job was held ("(Freelance)", "(Contract)"). "(Back-End)", "(Domestic, International)" say what the
        // job was, and stay.
        let firstWord = inside.split(whereSeparator: { !$0.isLetter && $0 != "-" }).first.map { $0.lowercased() } ?? ""
        guard inside.first?.isLowercase == true || inside.contains(where: \.isNumber) || employmentNotes.contains(firstWord) else {
            return title
        }
        return before
    }

    static let employmentNotes: Set<String> = [
        "freelance", "freelancer", "contract", "contractual", "contractor", "part-time", "full-time", "temporary", "temp",
        "seasonal", "internship", "trainee", "co-op", "volunteer", "voluntary", "remote", "hybrid", "locum", "permanent",
        "fixed-term", "maternity", "cover", "interim", "weekends", "weekend", "casual", "relief", "summer", "probation",
    ]

    /// "Special Police Officer during the elections": when the job was held is no part of its title.
    static func withoutOccasion(_ title: String) -> String {
        guard ResumeText.contains(title, " during "), let match = titleDuring.firstMatch(in: title), let bare = match.groups[1] else {
            return title
        }
        return bare
    }

    static let titleDuring = Pattern("^(\\S.*?)\\s+during\\s+\\S", caseInsensitive: true)

    static let statusInPlace = Pattern("^(self[- ]?employed|freelancer|freelance)\\s+(?:in|at|with)\\s+\\S", caseInsensitive: true)

    /// "SAP ABAP", "SAP FI": a product and its module, which SAP consultants type where the employer
    /// goes; "SAP Labs" and "SAP SE" are the company. A vendor the taxonomy knows as a skill, then
    /// nothing but module acronyms or skills.
    static func namesAProductModule(_ company: String) -> Bool {
        let words = ResumeText.words(company).map(String.init)
        guard (2...3).contains(words.count), SkillTaxonomy.shared.skill(named: words[0]) != nil else { return false }
        return words.dropFirst().allSatisfy { word in
            let isAcronym = (2...4).contains(word.count) && word.allSatisfy { $0.isUppercase || $0.isNumber }
                && !Organizations.namesLegalForm(word)
            return isAcronym || SkillTaxonomy.shared.skill(named: word) != nil
        }
    }

    /// "Contoso and copy paste work": a name capitalises its words; lower-case words after "and" are
    /// the rest of a sentence typed into the company slot.
    static func withoutLowerCaseTail(_ company: String) -> String {
        guard ResumeText.contains(company, " and "), let match = lowerCaseTail.firstMatch(in: company), let name = match.groups[1] else {
            return company
        }
        return name
    }

    static let lowerCaseTail = Pattern("^(\\S.*?)\\s+and\\s+[a-z]")

    /// "Northwind Fabrikam" where the resume says "Client: Fabrikam": outsourcing staff type the client
    /// after their employer; the employer is the name before it.
    static func withoutClient(_ company: String, clients: Set<String>) -> String {
        guard !clients.isEmpty else { return company }
        let words = ResumeText.words(company)
        guard words.count >= 2, let last = words.last, clients.contains(last.lowercased()) else { return company }
        let employer = words.dropLast().joined(separator: " ")
        return looksLikeCompany(employer) ? employer : company
    }

    /// The first words of the clients a resume names ("Client: Fabrikam Networks", "Client Fabrikam"),
    /// lower-cased.
    static func clientNames(in lines: [String]) -> Set<String> {
        var clients: Set<String> = []
        for line in lines where line.count > 7 && (line.hasPrefix("Client") || line.hasPrefix("CLIENT")) {
            if let match = clientLine.firstMatch(in: line), let name = match.groups[1] { clients.insert(name.lowercased()) }
        }
        return clients
    }

    static let clientLine = Pattern("^(?i:client)(?:\\s+(?i:name))?\\s*[:\\-–]?\\s*([A-Z][A-Za-z0-9&]+)")

    /// "Stripe San Francisco, CA" with no company: the PDF lost the gap between a company and its
    /// city, and the place took both. A city the resume names elsewhere (the candidate's own, or a
    /// one- or two-word city of another position) tells where the company's name ends.
    static func companiesRunIntoCities(_ positions: [Position], candidateCity: String?) -> [Position] {
        let cities = Set(([candidateCity] + positions.map { $0.location?.split(separator: ",").first.map(String.init) })
            .compactMap { $0?.trimming(.whitespaces) }.filter { (1...2).contains(ResumeText.words($0).count) })
        guard !cities.isEmpty else { return positions }
        var result = positions
        for index in result.indices where result[index].company == nil {
            guard let location = result[index].location, let comma = location.firstIndex(of: ",") else { continue }
            let place = String(location[..<comma])
            for city in cities where place.count > city.count && place.lowercased().hasSuffix(" " + city.lowercased()) {
                let company = String(place.dropLast(city.count)).trimming(.whitespaces)
                guard looksLikeCompany(company) else { continue }
                result[index].company = company
                result[index].location = city + location[comma...]
                break
            }
        }
        return result
    }

    /// Words a company's name carries in some mentions and not in others.
    static let companyNoise: Set<String> = [
        "ltd", "limited", "pvt", "private", "inc", "llc", "corp", "corporation", "co", "company", "the", "india", "group",
        "plc", "gmbh",
    ]

    /// "Oracle" in one position and "Oracle India Pvt Ltd" or "ORACLE" in another: one employer, so
    /// every mention takes the spelling of the first (most recent) one that has it all.
    static func sameCompanyOneSpelling(_ positions: [Position]) -> [Position] {
        var spellings: [(core: Set<String>, name: String)] = []
        var result = positions
        for index in result.indices {
            guard let company = result[index].company else { continue }
            let tokens = Set(ResumeText.alphanumericTokens(company))
            let core = tokens.subtracting(companyNoise)
            guard !core.isEmpty else { continue }
            // "Contoso Group" is a whole name of its own: it does not become "Contoso Fabrikam" (Contoso
            // for its client Fabrikam) named before it; a bare "Contoso" does.
            let isWholeName = tokens.count > core.count
            if let known = spellings.first(where: { $0.core.isSubset(of: core) || core.isSubset(of: $0.core) && !(isWholeName && core != $0.core) }) {
                result[index].company = known.name
            } else {
                spellings.append((core, company))
            }
        }
        return result
    }

    /// "Technical Lead (Contoso)" / "Client Fabrikam Systems -": the company line names the client the
    /// work was for; the employer is the name in brackets after the title.
    static func employerInBracketsOverClient(_ position: inout Position) {
        guard let company = position.company, company.lowercased().hasPrefix("client "), let title = position.title,
            let match = titleWithEmployer.firstMatch(in: title), let bare = match.groups[1], let employer = match.groups[2],
            titleLikeness(employer) < 0.45
        else { return }
        position.title = bare
        position.company = employer
    }

    static let titleWithEmployer = Pattern("^(.+?)\\s*\\(([A-Z][\\w&. ]{1,40})\\)$")

    /// "Member of the Cultural Committee", "Member of Rotaract Club": a membership held at college
    /// or on the side, not a job ("Member of Technical Staff" is one). "Member" alone under a club's
    /// name says the same: a job names what its holder does.
    static func isMembership(_ title: String?) -> Bool {
        guard let title else { return false }
        return membership.contains(title) || title.caseInsensitiveCompare("member") == .orderedSame
    }

    static let membership = Pattern(
        "^member\\s+(?:of|in)\\s+.*\\b(?:committee|club|society|council|association|cell|chapter|union|forum)\\b", caseInsensitive: true)
}
