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

        var fraction: Double? { found.isEmpty && missing.isEmpty ? nil : Double(found.count) / Double(found.count + missing.count) }
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
        let resumeSkills = Set((listed + SkillsAnalyzer.taxonomySkills(lines: resumeLines).map(\.name)).map { $0.lowercased() })
        return Output(match: Self.match(postingLines: ResumeText.cleanLines(posting), resumeLines: resumeLines, resumeSkills: resumeSkills))
    }

    static let preferredCue = Pattern("\\b(?:preferred|nice[- ]to[- ]have|bonus|a plus|plus|desirable|good to have|optional|familiarity)\\b", caseInsensitive: true)

    /// Headings of a posting's lists of what the job asks for, where every line is a skills list
    /// ("• 10+ years of product management", "• Excellent communication skills"); not "Benefits".
    static let askingHeading = Pattern(
        "\\b(?:requirements?|qualifications?|skills|responsibilities|duties|what you(?:'|’)?ll (?:need|bring|do)|you have|must[- ]haves?|nice[- ]to[- ]haves?|preferred|experience)\\b",
        caseInsensitive: true)

    static func match(postingLines: [String], resumeLines: [String], resumeSkills: Set<String>) -> Match {
        // A line is "preferred" when it says so or sits under a heading that does; a line under a
        // heading of what the job asks for is a list, where soft skills and short names count.
        var preferredLines: Set<Int> = []
        var askingLines: Set<Int> = []
        var underPreferredHeading = false, underAskingHeading = false
        for (index, line) in postingLines.enumerated() {
            let isHeading = ResumeText.words(line).count <= 5 && !ResumeText.isBullet(line) && !line.hasSuffix(".")
            if isHeading, !line.isEmpty, line.contains(where: \.isLetter) {
                underPreferredHeading = preferredCue.contains(line)
                underAskingHeading = askingHeading.contains(line)
                continue
            }
            if underPreferredHeading || preferredCue.contains(line) { preferredLines.insert(index) }
            if underAskingHeading { askingLines.insert(index) }
        }
        func skills(where include: (Int) -> Bool) -> [SkillsAnalyzer.FoundSkill] {
            SkillsAnalyzer.taxonomySkills(lines: postingLines.enumerated().map { include($0.offset) ? $0.element : "" }, isListLine: askingLines.contains)
        }
        let all = skills { _ in true }
        let preferredOnly = Set(skills(where: preferredLines.contains).map(\.name))
        let requiredOnly = Set(skills { !preferredLines.contains($0) }.map(\.name))
        var required = SkillCoverage(found: [], missing: [])
        var preferred = SkillCoverage(found: [], missing: [])
        for skill in all.map(\.name) {
            let has = resumeSkills.contains(skill.lowercased())
            if requiredOnly.contains(skill) || !preferredOnly.contains(skill) {
                has ? required.found.append(skill) : required.missing.append(skill)
            } else {
                has ? preferred.found.append(skill) : preferred.missing.append(skill)
            }
        }
        let keywordCoverage = Self.keywordCoverage(posting: postingLines, resume: resumeLines)
        // Required skills weigh most; a posting with no preferred skills gives their share to required.
        var weighted = 0.0, weights = 0.0
        if let fraction = required.fraction { weighted += 0.6 * fraction; weights += 0.6 }
        if let fraction = preferred.fraction { weighted += 0.2 * fraction; weights += 0.2 }
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
