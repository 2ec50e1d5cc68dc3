import Foundation
import VitaeAnalysis
import VitaeEngine
import VitaeExtraction

/// Fixture files (pdftotext output of the sample resumes, see Fixtures/CREDITS.md) and the shipped pipeline.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name + ".txt"), encoding: .utf8)
    }

    static func document(_ name: String) throws -> Document { Document(plainText: try text(name)) }

    static var pipelineYAML: String {
        get throws {
            let url = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Pipelines/resume-analysis.yaml")
            return try String(contentsOf: url, encoding: .utf8)
        }
    }
}
