import Foundation
import VitaeEngine
import VitaeExtraction

/// Scores the resume 0-100 with the rubric the pipeline file declares under `with: criteria:`.
///
/// Each criterion reads one metric of the earlier analyzers' outputs, turns it into a 0...1 fraction
/// (through its thresholds, or directly for metrics that are fractions already) and earns that share
/// of its points. Points are scaled so the rubric totals 100 and rounded so the breakdown adds up to
/// the score exactly.
public struct ScoreAnalyzer: Analyzer {
    public static let name = "score"
    public static let summary = "scores 0-100 with a breakdown, from the rubric in the pipeline file (options: criteria)"

    public struct Options: Decodable, Sendable {
        public var criteria: [Criterion]
        public init(criteria: [Criterion]) { self.criteria = criteria }
    }

    public struct Criterion: Decodable, Sendable, Hashable {
        public var id: String
        public var label: String
        /// Relative weight; the rubric is scaled to 100 in total.
        public var points: Double
        public var metric: String
        /// First matching threshold (in order) gives the fraction earned; none matching earns 0.
        public var thresholds: [Threshold]?
        /// Shown when the criterion earns less than its maximum.
        public var suggestion: String?

        public init(id: String, label: String, points: Double, metric: String, thresholds: [Threshold]? = nil, suggestion: String? = nil) {
            self.id = id
            self.label = label
            self.points = points
            self.metric = metric
            self.thresholds = thresholds
            self.suggestion = suggestion
        }
    }

    public struct Threshold: Decodable, Sendable, Hashable {
        public var atLeast: Double?
        public var atMost: Double?
        /// Share of the criterion's points, 0...1.
        public var earns: Double

        public init(atLeast: Double? = nil, atMost: Double? = nil, earns: Double) {
            self.atLeast = atLeast
            self.atMost = atMost
            self.earns = earns
        }

        func holds(for value: Double) -> Bool {
            (atLeast.map { value >= $0 } ?? true) && (atMost.map { value <= $0 } ?? true)
        }
    }

    public struct BreakdownItem: Codable, Sendable, Hashable {
        public var id: String
        public var label: String
        public var points: Int
        public var maxPoints: Int
        public var reason: String
        public var suggestion: String?
    }

    public struct Output: Codable, Sendable {
        public var score: Int
        public var breakdown: [BreakdownItem]
    }

    /// A bad rubric, reported when the pipeline file is loaded.
    public struct RubricError: Error, CustomStringConvertible {
        public var description: String
    }

    let criteria: [Criterion]
    let maxPoints: [Int]

    public init(options: Options) throws {
        guard !options.criteria.isEmpty else {
            throw RubricError(description: "the rubric has no criteria; list them under `with: criteria:`")
        }
        var seen: Set<String> = []
        for criterion in options.criteria {
            let name = "criterion '\(criterion.id)'"
            guard !criterion.id.isEmpty else { throw RubricError(description: "a criterion has an empty id") }
            guard seen.insert(criterion.id).inserted else { throw RubricError(description: "\(name) appears twice") }
            guard criterion.points.isFinite, criterion.points > 0 else {
                throw RubricError(description: "\(name) has points \(criterion.points); points must be a number above 0")
            }
            guard let metric = Metric(rawValue: criterion.metric) else {
                throw RubricError(description: "\(name) uses unknown metric '\(criterion.metric)'; known metrics: \(Metric.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let thresholds = criterion.thresholds {
                guard !thresholds.isEmpty else { throw RubricError(description: "\(name) has an empty thresholds list") }
                for threshold in thresholds {
                    guard (0...1).contains(threshold.earns) else {
                        throw RubricError(description: "\(name) has a threshold earning \(threshold.earns); `earns` is a share of the points, 0 to 1")
                    }
                    guard threshold.atLeast != nil || threshold.atMost != nil else {
                        throw RubricError(description: "\(name) has a threshold without `atLeast` or `atMost`")
                    }
                }
            } else if !metric.isFraction {
                throw RubricError(description: "\(name): metric '\(metric.rawValue)' is a count, not a 0-1 fraction; give it `thresholds`")
            }
        }
        criteria = options.criteria
        maxPoints = Self.apportion(options.criteria.map(\.points), total: 100)
    }

    /// Integer shares of `total` proportional to `weights` that add up to `total` exactly (largest remainder).
    static func apportion(_ weights: [Double], total: Int) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { $0 / sum * Double(total) }
        var shares = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(shares[$0]), -$0) > (exact[$1] - Double(shares[$1]), -$1) }
        for index in order.prefix(total - shares.reduce(0, +)) { shares[index] += 1 }
        return shares
    }

    public func analyze(_ input: AnalyzerInput) async throws -> Output {
        let facts = Facts(input)
        var breakdown: [BreakdownItem] = []
        for (index, criterion) in criteria.enumerated() {
            let metric = Metric(rawValue: criterion.metric)!
            let value = metric.value(in: facts)
            let fraction: Double
            if let thresholds = criterion.thresholds {
                fraction = thresholds.first(where: { $0.holds(for: value) })?.earns ?? 0
            } else {
                fraction = min(max(value, 0), 1)
            }
            let points = Int((fraction * Double(maxPoints[index])).rounded())
            breakdown.append(BreakdownItem(
                id: criterion.id, label: criterion.label, points: points, maxPoints: maxPoints[index],
                reason: metric.reason(value: value, facts: facts),
                suggestion: points < maxPoints[index] ? criterion.suggestion : nil))
        }
        return Output(score: breakdown.reduce(0) { $0 + $1.points }, breakdown: breakdown)
    }

    /// What the metrics read, gathered once from the earlier analyzers.
    struct Facts {
        var contact: ContactAnalyzer.Contact?
        var sections: [SectionsAnalyzer.Section]
        var skills: [SkillsAnalyzer.FoundSkill]
        var experience: ExperienceAnalyzer.Output?
        var education: [EducationAnalyzer.Entry]
        var signals: SignalsAnalyzer.Signals?

        init(_ input: AnalyzerInput) {
            contact = input.results[ContactAnalyzer.self]?.contact
            sections = SectionsAnalyzer.sections(for: input)
            skills = input.results[SkillsAnalyzer.self]?.skills ?? []
            experience = input.results[ExperienceAnalyzer.self]
            education = input.results[EducationAnalyzer.self]?.education ?? []
            signals = input.results[SignalsAnalyzer.self]?.signals
        }
    }

    /// The measurements a rubric criterion can use.
    public enum Metric: String, CaseIterable, Sendable {
        /// Fraction of name, email, phone, location found.
        case contactCompleteness
        /// Fraction of summary, experience, education, skills sections present.
        case sectionCoverage
        case skillCount
        case experienceYears
        case positionCount
        /// 0 none, 1 high school, 2 diploma, 3 associate, 4 bachelor, 5 master, 6 doctorate.
        case educationLevel
        case quantifiedAchievements
        case actionVerbLines
        case wordCount
        case pageCount
        /// 1 when every position has dates and there are no gaps over six months; less per problem.
        case datesConsistency
        /// Share of ordinary words in the extracted text.
        case readability

        var isFraction: Bool { [.contactCompleteness, .sectionCoverage, .datesConsistency, .readability].contains(self) }

        static let coreSections: [SectionKind] = [.summary, .experience, .education, .skills]

        func value(in facts: Facts) -> Double {
            switch self {
            case .contactCompleteness:
                guard let contact = facts.contact else { return 0 }
                let present = [contact.name != nil, !contact.emails.isEmpty, !contact.phones.isEmpty, contact.location != nil]
                return Double(present.filter { $0 }.count) / 4
            case .sectionCoverage:
                let kinds = Set(facts.sections.map(\.kind))
                return Double(Self.coreSections.filter(kinds.contains).count) / Double(Self.coreSections.count)
            case .skillCount: return Double(facts.skills.count)
            case .experienceYears: return Double(facts.experience?.totalExperienceMonths ?? 0) / 12
            case .positionCount: return Double(facts.experience?.listedPositions.count ?? 0)
            case .educationLevel:
                return facts.education.compactMap(\.level).max().map { Double($0.rank + 1) } ?? 0
            case .quantifiedAchievements: return Double(facts.signals?.quantifiedAchievements ?? 0)
            case .actionVerbLines: return Double(facts.signals?.actionVerbLines ?? 0)
            case .wordCount: return Double(facts.signals?.wordCount ?? 0)
            case .pageCount: return Double(facts.signals?.pageCount ?? 0)
            case .datesConsistency:
                guard let signals = facts.signals, let positions = facts.experience?.listedPositions, !positions.isEmpty else { return 0 }
                let problems = signals.undatedPositions + signals.gaps.count
                return max(0, 1 - Double(problems) / Double(positions.count + 1))
            case .readability: return facts.signals?.readability ?? 0
            }
        }

        func reason(value: Double, facts: Facts) -> String {
            switch self {
            case .contactCompleteness:
                let contact = facts.contact
                var found: [String] = []
                if contact?.name != nil { found.append("name") }
                if contact?.emails.isEmpty == false { found.append("email") }
                if contact?.phones.isEmpty == false { found.append("phone") }
                if contact?.location != nil { found.append("location") }
                return "\(found.count) of 4 contact details found" + (found.isEmpty ? "" : " (\(found.joined(separator: ", ")))")
            case .sectionCoverage:
                let kinds = Set(facts.sections.map(\.kind))
                let missing = Self.coreSections.filter { !kinds.contains($0) }.map(\.rawValue)
                return missing.isEmpty ? "summary, experience, education and skills sections present"
                    : "missing section\(missing.count > 1 ? "s" : ""): \(missing.joined(separator: ", "))"
            case .skillCount: return "\(Int(value)) skill\(value == 1 ? "" : "s") recognised"
            case .experienceYears: return String(format: "%.1f years of experience (overlaps counted once)", value)
            case .positionCount: return "\(Int(value)) position\(value == 1 ? "" : "s") found"
            case .educationLevel:
                let level = facts.education.compactMap(\.level).max()
                return level.map { "highest education: \($0.rawValue)" } ?? "no degree found"
            case .quantifiedAchievements: return "\(Int(value)) achievement\(value == 1 ? "" : "s") with numbers"
            case .actionVerbLines: return value == 1 ? "1 line or sentence opens with an action verb" : "\(Int(value)) lines or sentences open with an action verb"
            case .wordCount: return "\(Int(value)) words"
            case .pageCount: return "\(Int(value)) page\(value == 1 ? "" : "s")"
            case .datesConsistency:
                let undated = facts.signals?.undatedPositions ?? 0
                let gaps = facts.signals?.gaps.count ?? 0
                if facts.experience?.listedPositions.isEmpty ?? true { return "no dated positions found" }
                return undated + gaps == 0 ? "every position dated, no gaps over 6 months"
                    : "\(undated) undated position\(undated == 1 ? "" : "s"), \(gaps) gap\(gaps == 1 ? "" : "s") over 6 months"
            case .readability: return String(format: "%.0f%% of the words read cleanly (no garbled glyphs)", value * 100)
            }
        }
    }
}
