import ArgumentParser
import Foundation
import VitaeAnalysis
import VitaeEngine
import VitaeExtraction

struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure field extraction on labelled resumes: precision, recall and F1 per field, and timing.",
        discussion: """
            Reads JSONL with `content` (resume text) and `annotation` labels, runs the field analyzers on \
            each text (no extraction) and compares their output with the labels. See docs/result-schema.md.
            """)

    @Argument(help: ArgumentHelp("Labelled JSONL file.", valueName: "path"))
    var path = "../shared/corpus/labelled/dev.jsonl"

    @Option(help: ArgumentHelp("Where the skills analyzer looks for taxonomy skills: document or skillsSections.", valueName: "scope"))
    var skillsScope: String = "skillsSections"

    @Option(name: .customLong("repeat"), help: ArgumentHelp("Time each resume this many times and keep the fastest (for busy machines).", valueName: "n"))
    var repeats: Int = 1

    @Option(help: ArgumentHelp("Also print each resume's predictions and labels for this field (e.g. Degree).", valueName: "label"))
    var show: String?

    @Option(help: ArgumentHelp("Write each resume's predictions, labels and counts per field to this JSONL file (for failure analysis scripts such as scripts/eval-failures.py).", valueName: "path"))
    var dump: String?

    func run() async throws {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
        let resumes = try Evaluation.load(jsonl: text)
        guard let scope = SkillsAnalyzer.Options.Scope(rawValue: skillsScope) else {
            throw ValidationError("--skills-scope must be document or skillsSections")
        }
        let steps = try StandardAnalyzers.fieldSteps(skills: .init(scope: scope))
        let report = try await Evaluation.run(resumes, steps: steps, repeats: repeats)
        print("\(resumes.count) resumes from \(path)")
        print("field                 precision  recall     F1   (matched/predicted/labelled)")
        for (field, counts) in report.fields {
            let name = field.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            print(name + String(format: "  %9.3f  %6.3f  %5.3f   (%d/%d/%d)", counts.precision, counts.recall, counts.f1,
                                counts.matched, counts.predicted, counts.labelled))
        }
        if let show, let field = Evaluation.Field(rawValue: show) {
            for (index, resume) in resumes.enumerated() {
                let result = try await ResumeAnalysis.run(steps, on: Document(plainText: resume.content)).json
                let counts = Evaluation.compare(predicted: field.predictions(in: result), labelled: resume.labels(for: field))
                guard counts.matched != counts.predicted || counts.matched != counts.labelled else { continue }
                print("#\(index) \(counts.matched)/\(counts.predicted)/\(counts.labelled)")
                print("  predicted: \(field.predictions(in: result))")
                print("  labelled:  \(resume.labels(for: field))")
            }
        }
        if let dump { try await writeDump(resumes, steps: steps, to: dump) }
        print("per analyzer (mean ms): " + report.millisecondsPerStep.map { String(format: "%@ %.2f", $0.step, $0.milliseconds) }.joined(separator: ", "))
        print(String(format: "analysis time per resume (excluding extraction%@): mean %.2f ms, p50 %.2f ms, p99 %.2f ms",
                     repeats > 1 ? ", best of \(repeats)" : "", report.mean, report.percentile(50), report.percentile(99)))
        print(String(format: "process CPU time per analysis: mean %.2f ms", report.cpuMillisecondsPerResume))
    }

    /// One JSON line per resume: `{"index", "fields": {label: {"predicted", "labelled", "matched"}}}`.
    func writeDump(_ resumes: [Evaluation.LabelledResume], steps: [any PipelineStep], to path: String) async throws {
        var lines: [String] = []
        for (index, resume) in resumes.enumerated() {
            let result = try await ResumeAnalysis.run(steps, on: Document(plainText: resume.content)).json
            var fields: [String: Any] = [:]
            for field in Evaluation.Field.allCases {
                let predicted = field.predictions(in: result), labelled = resume.labels(for: field)
                let counts = Evaluation.compare(predicted: predicted, labelled: labelled)
                fields[field.rawValue] = [
                    "predicted": predicted, "labelled": labelled,
                    "counts": [counts.matched, counts.predicted, counts.labelled],
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: ["index": index, "fields": fields], options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
