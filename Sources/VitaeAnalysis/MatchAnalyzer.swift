import Foundation
import VitaeEngine
import VitaeExtraction

/// Compares the resume with a job posting: which of the posting's required and preferred skills the
/// resume has, and how many of its keywords it covers. Writes nothing when the job has no posting.
public struct MatchAnalyzer: Analyzer {
    public static let name = "match"
    public static let summary = "compares skills and keywords with the job posting, when the job has one (--job)"

    public struct SkillCoverage: Codable, Sendable, Hashable {
        public var found: [String]
        public var missing: [String]

        /// Each skill once, in the posting's order; a skill found is never also missing.
        init(found: [String], missing: [String]) {
            var seen: Set<String> = []
            self.found = found.filter { seen.insert($0).inserted }
            self.missing = missing.filter { seen.insert($0).inserted }
        }
    }

    public struct Match: Codable, Sendable, Hashable {
        /// 0-100.
        public var score: Int
        public var requiredSkills: SkillCoverage
        public var preferredSkills: SkillCoverage
        /// Required then preferred skills the resume lacks.
        public var missingSkills: [String]
        /// 0...1: share of the posting's keywords that appear in the resume.
        public var keywordCoverage: Double
    }

    public struct Output: Codable, Sendable {
        /// Absent (omitted from the result) when the job has no posting.
        public var match: Match?
    }

    public init(options: NoOptions) {}

    public func analyze(_ input: AnalyzerInput) async throws -> Output {
        guard let posting = input.jobDescription else { return Output(match: nil) }
        let resumeLines = ResumeText.cleanLines(input)
        // Against a posting every mention is evidence, also one the skills step leaves out (a skill
        // named once outside the skills section); the step adds the listed items the taxonomy lacks.
        let listed = input.results[SkillsAnalyzer.self]?.skills.map(\.name) ?? []
        let resumeSkills = Set((listed + SkillsAnalyzer.taxonomySkills(lines: resumeLines).map(\.name)).map(Self.sameSkill))
        return Output(match: Self.match(postingLines: ResumeText.cleanLines(posting), resumeLines: resumeLines, resumeSkills: resumeSkills))
    }

    static let preferredCue = Pattern("\\b(?:preferred|nice[- ]to[- ]have|bonus|a plus|plus|desirable|good to have|optional|familiarity)\\b", caseInsensitive: true)

    /// Headings of a posting's lists of what the job asks for, where every line is a skills list
    /// ("• 10+ years of product management", "• Excellent communication skills"); not "Benefits".
    static let askingHeading = Pattern(
        "\\b(?:requirements?|qualifications?|skills|responsibilities|duties|what you(?:'|’)?ll (?:need|bring|do)|you have|must[- ]haves?|nice[- ]to[- ]haves?|preferred|experience)\\b",
        caseInsensitive: true)

    /// "frameworks such as React, Vue, or Angular", "at least one web framework (JSF, Wicket, GWT)":
    /// the skills after it are examples, any one of which meets the requirement.
    static let examplesCue = Pattern(
        "\\b(?:such as|e\\.g\\.|for example|like|at least one(?: of)?|one or more(?: of)?|any of)(?=\\W)", caseInsensitive: true)

    /// Headings of the parts of a posting that ask for nothing.
    static let otherHeading = Pattern(
        "\\b(?:benefits|perks|about|how to apply|compensation|salary|who we are|our company|equal opportunity|we offer|why join|culture)\\b",
        caseInsensitive: true)

    /// One thing the posting asks for: a skill, or alternatives any one of which will do.
    struct Requirement: Hashable {
        var skills: [String]
        var preferred: Bool
    }

    /// A posting's items (a bullet with the lines it wrapped onto, or a paragraph line) with what
    /// their headings say about them.
    struct PostingItem {
        var text: String
        /// Under a heading of what the job asks for: a list, where soft skills and short names count.
        var asks: Bool
        var preferred: Bool
    }

    static func items(of postingLines: [String]) -> [PostingItem] {
        var items: [PostingItem] = []
        var underPreferredHeading = false, underAskingHeading = false
        var continues = false  // the last item is a bullet whose text may wrap onto the next line
        for line in postingLines {
            guard !line.isEmpty else { continues = false; continue }
            let isBullet = ResumeText.isBullet(line)
            let isHeading = ResumeText.words(line).count <= 5 && !isBullet && !line.hasSuffix(".")
            // Only a heading that names a part of the posting changes what the lines under it are; a
            // short line such as "Kubernetes" under "Requirements" is one of them.
            let namesAPart = askingHeading.contains(line) || preferredCue.contains(line) || otherHeading.contains(line)
            if isHeading, namesAPart, line.first?.isUppercase == true {
                underPreferredHeading = preferredCue.contains(line)
                underAskingHeading = askingHeading.contains(line)
                // "Preferred: Go, Rust": the heading's own skills count too.
                items.append(PostingItem(text: line, asks: underAskingHeading, preferred: underPreferredHeading))
                continues = false
                continue
            }
            if continues, !isBullet, line.first?.isLowercase == true || items.last.map({ !$0.text.hasSuffix(".") }) == true {
                items[items.count - 1].text += " " + line
                items[items.count - 1].preferred = items[items.count - 1].preferred || preferredCue.contains(line)
                continue
            }
            items.append(PostingItem(text: line, asks: underAskingHeading, preferred: underPreferredHeading || preferredCue.contains(line)))
            continues = isBullet
        }
        return items
    }

    static func requirements(of items: [PostingItem]) -> [Requirement] {
        var requirements: [Requirement] = []
        for item in items {
            func skills(in text: String) -> [String] {
                SkillsAnalyzer.taxonomySkills(lines: [text], isListLine: { _ in item.asks }).map(\.name)
            }
            func alone(_ names: [String]) -> [Requirement] { names.map { Requirement(skills: [$0], preferred: item.preferred) } }
            if let cue = examplesCue.firstMatch(in: item.text) {
                // "Knowledge of JavaScript and libraries like jQuery": what comes before the cue is asked for itself.
                let text = item.text as NSString
                requirements += alone(skills(in: text.substring(to: cue.range.location)))
                let after = text.substring(from: cue.range.location)
                let examples = skills(in: after)
                // "such as HTML, CSS, and JavaScript" lists what is asked; "React, Vue, or Angular" and a
                // bare "(JSF, Wicket, GWT)" offer a choice.
                let enumerates = ResumeText.contains(after.lowercased(), " and ") && !ResumeText.contains(after.lowercased(), " or ")
                requirements += examples.count > 1 && !enumerates ? [Requirement(skills: examples, preferred: item.preferred)] : alone(examples)
            } else {
                let names = skills(in: item.text)
                // "Python or Go", "Prometheus, Grafana or Datadog"; not "Java and Python or Go".
                let lowercased = item.text.lowercased()
                let either = names.count >= 2 && ResumeText.contains(lowercased, " or ") && !ResumeText.contains(lowercased, " and ")
                requirements += either ? [Requirement(skills: names, preferred: item.preferred)] : alone(names)
            }
        }
        // A skill asked for twice counts once, as required if either time is; "HTML, CSS" in the summary
        // and "HTML5, CSS3" in the list are asked once.
        func key(_ requirement: Requirement) -> Requirement {
            Requirement(skills: requirement.skills.map(sameSkill), preferred: requirement.preferred)
        }
        let requiredAlone = Set(requirements.filter { !$0.preferred && $0.skills.count == 1 }.map { sameSkill($0.skills[0]) })
        var seen: Set<Requirement> = []
        return requirements.filter { requirement in
            if requirement.preferred, requirement.skills.count == 1, requiredAlone.contains(sameSkill(requirement.skills[0])) { return false }
            return seen.insert(key(requirement)).inserted
        }
    }

    /// A skill's name without case or version, for telling one asked twice.
    static func sameSkill(_ name: String) -> String {
        let lowercased = name.lowercased()
        return withoutVersion(lowercased) ?? lowercased
    }

    /// "html5" -> "html", "css3" -> "css": a version of a skill is that skill, whichever side names
    /// the version. ("s3" and "ec2" are names, not versions: too little is left.)
    static func withoutVersion(_ name: String) -> String? {
        var base = Substring(name)
        while base.last?.isNumber == true { base = base.dropLast() }
        guard base.count < name.count, base.count >= 3, base.last?.isLetter == true else { return nil }
        return String(base)
    }

    /// `resumeSkills`: the resume's skill names as `sameSkill` writes them.
    static func match(postingLines: [String], resumeLines: [String], resumeSkills: Set<String>) -> Match {
        var found: (required: [String], preferred: [String]) = ([], [])
        var missing: (required: [String], preferred: [String]) = ([], [])
        var requiredMet = 0, requiredCount = 0, preferredMet = 0, preferredCount = 0
        for requirement in requirements(of: items(of: postingLines)) {
            let has = requirement.skills.filter { resumeSkills.contains(sameSkill($0)) }
            // Alternatives met by one of them leave the others unlisted: nobody is missing Vue who has React.
            let lacks = has.isEmpty ? requirement.skills : []
            if requirement.preferred {
                found.preferred += has
                missing.preferred += lacks
                preferredCount += 1
                if !has.isEmpty { preferredMet += 1 }
            } else {
                found.required += has
                missing.required += lacks
                requiredCount += 1
                if !has.isEmpty { requiredMet += 1 }
            }
        }
        let required = SkillCoverage(found: found.required, missing: missing.required)
        let preferred = SkillCoverage(found: found.preferred, missing: missing.preferred)
        let keywordCoverage = Self.keywordCoverage(posting: postingLines, resume: resumeLines)
        // Required skills weigh most; a posting with no preferred skills gives their share to required.
        var weighted = 0.0, weights = 0.0
        if requiredCount > 0 { weighted += 0.6 * Double(requiredMet) / Double(requiredCount); weights += 0.6 }
        if preferredCount > 0 { weighted += 0.2 * Double(preferredMet) / Double(preferredCount); weights += 0.2 }
        weighted += 0.2 * keywordCoverage
        weights += 0.2
        return Match(
            score: Int((weighted / weights * 100).rounded()), requiredSkills: required, preferredSkills: preferred,
            missingSkills: required.missing + preferred.missing,
            keywordCoverage: (keywordCoverage * 100).rounded() / 100)
    }

    static let stopwords: Set<String> = Set("""
        about above after again against all also and any are because been before being below between both but can could
        did does doing down during each etc few for from further had has have having her here hers him his how including
        into its itself just more most must not now off once only other our ours out over own same she should some such
        than that the their theirs them then there these they this those through too under until very was well were
        what when where which while who whom why will with within would you your yours work working team teams job role
        years year experience ability strong skills skill knowledge using use etc we us apply join including related
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Share of the posting's distinct content words (4+ letters, not stopwords) found in the resume.
    static func keywordCoverage(posting: [String], resume: [String]) -> Double {
        let keywords = Set(ResumeText.alphanumericTokens(posting.joined(separator: " "))
            .filter { $0.count >= 4 && !stopwords.contains($0) && !$0.allSatisfy(\.isNumber) })
        guard !keywords.isEmpty else { return 0 }
        let resumeWords = Set(ResumeText.alphanumericTokens(resume.joined(separator: " ")))
        return Double(keywords.filter(resumeWords.contains).count) / Double(keywords.count)
    }
}
