import Foundation

/// Rules that tell what part of a company slot names the employer.
extension ExperienceAnalyzer {
    /// "Contoso in Fabrikam", "Contoso in Pune": the employer is named first; what follows "in" is
    /// where the work was done (a client's site, a city), no part of the employer's name.
    static func withoutSiteAfterIn(_ company: String) -> String {
        guard ResumeText.contains(company, " in "), let match = nameBeforeIn.firstMatch(in: company), let name = match.groups[1],
            looksLikeCompany(name), let first = ResumeText.words(name).first, !verbsOpeningASentence.contains(first.lowercased())
        else { return company }
        return name
    }

    /// Up to four capitalised words, "in", and a capitalised name; a sentence ("Worked in Pune",
    /// "Worked as a guard in Pune") opens with a verb or has lower-case words before "in".
    static let nameBeforeIn = Pattern("^([A-Z0-9][\\w&.'’-]*(?:\\s+[A-Z0-9][\\w&.'’-]*){0,3})\\s+in\\s+[A-Z0-9]")

    /// "8 Fabrikam Motors -" where the resume also writes "Fabrikam Motors": a number typed before the
    /// name (a list's or a project's) is no part of it when the name is written elsewhere without
    /// it. A name with a number of its own ("24 Hour Fitness") has it wherever it is written.
    static func withoutStrayLeadingNumber(_ company: String, in lines: [String]) -> String {
        guard company.first?.isNumber == true, let match = leadingNumber.firstMatch(in: company), let number = match.groups[1],
            let name = match.groups[2], looksLikeCompany(name), !ResumeText.words(name).allSatisfy({ Organizations.companySuffixes.contains($0.lowercased()) })
        else { return company }
        let nameTokens = ResumeText.alphanumericTokens(name)
        for line in lines where line.range(of: nameTokens[0], options: .caseInsensitive) != nil {
            let tokens = ResumeText.alphanumericTokens(line)
            guard tokens.count >= nameTokens.count else { continue }
            for start in 0...(tokens.count - nameTokens.count)
            where (start == 0 || tokens[start - 1] != number) && Array(tokens[start..<(start + nameTokens.count)]) == nameTokens {
                return name
            }
        }
        return company
    }

    static let leadingNumber = Pattern("^(\\d{1,2})\\s+([A-Z].*)$")

    /// "Senior Web Developer – Microsoft Technology" over "Fabrikam Systems -": the stack the job used,
    /// a software vendor's name and "technology", and not the employer, which the dashed line names.
    static func namesAVendorsTechnology(_ name: String) -> Bool {
        let words = ResumeText.words(name)
        guard words.count == 2, ["technology", "technologies"].contains(words[1].lowercased()) else { return false }
        return isSoftwareVendor(words[0].lowercased())
    }

    /// A word that opens the names of several programs the taxonomy knows ("Microsoft", "Oracle",
    /// "Adobe"): a software vendor's.
    static func isSoftwareVendor(_ word: String) -> Bool {
        guard let entries = SkillTaxonomy.shared.entries[word] else { return false }
        return Set(entries.lazy.filter { $0.tokens.count >= 2 }.map(\.skill)).count >= 5
    }
}

extension ExperienceAnalyzer {
    /// "Commerzbank, Fabrikam BPO Ltd -", "Cloud Services - Fabrikam BPO Ltd -": outsourcing staff name
    /// the client or the department beside their employer on the company line; the employer is the
    /// one name there with a legal form, written after the others. The name parts of one line.
    static func employerAmongClients(_ names: [String]) -> String? {
        let withLegalForm = names.filter(hasLegalForm)
        guard withLegalForm.count == 1, let employer = withLegalForm.first, let position = names.firstIndex(of: employer),
            names[..<position].contains(where: isOtherOrganization)
        else { return nil }
        return employer
    }

    /// A name part that is no title: a client, a department or another company.
    static func isOtherOrganization(_ name: String) -> Bool {
        looksLikeCompany(name) && titleLikeness(name) < 0.45 && !hasLegalForm(name)
    }

    /// "Fabrikam BPO Ltd", "Contoso Pvt. Ltd.", "Northwind Inc": a name with the legal form that only
    /// companies carry (not "Services" or "Bank", which departments and clients also end in).
    static func hasLegalForm(_ name: String) -> Bool {
        // "PVT.LTD" is two words run together.
        ResumeText.words(name).contains { word in
            word.lowercased().split(separator: ".").contains {
                Organizations.legalForms.contains(String($0).trimming(Organizations.punctuationAndBrackets))
            }
        }
    }
}

extension ExperienceAnalyzer {
    /// "ms office" / "Microsoft -": a program in the title's place and its maker in the company's is a
    /// skill written into the job's form, no job held. The program's name starts with the company's.
    static func namesAProduct(_ line: String, ofVendor company: String) -> Bool {
        guard namesASoftware(line), let product = SkillTaxonomy.shared.skill(named: line),
            let vendor = ResumeText.words(company).first, ResumeText.words(company).count == 1
        else { return false }
        return ResumeText.words(product.name).first?.lowercased() == vendor.lowercased()
    }
}
