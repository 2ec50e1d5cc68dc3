import Foundation
import VitaeEngine

/// Prints finished jobs: JSON lines on stdout, or a report a person reads.
struct OutputWriter {
    var format: Analyze.Format

    func write(file: String, outcome: JobUpdate) {
        switch format {
        case .json: writeJSON(file: file, outcome: outcome)
        case .text: writeText(file: file, outcome: outcome)
        }
    }

    private func writeJSON(file: String, outcome: JobUpdate) {
        var document: [String: JSONValue] = [
            "file": .string(file), "jobId": .string(outcome.jobId), "status": .string(outcome.status.rawValue),
            "progress": .number(Double(outcome.progress)), "message": .string(outcome.message),
        ]
        if let result = outcome.result { document["result"] = result }
        if let error = outcome.error { document["error"] = .string(error) }
        if let code = outcome.errorCode { document["errorCode"] = .string(code) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(JSONValue.object(document))) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    private func writeText(file: String, outcome: JobUpdate) {
        guard outcome.status == .completed, let result = outcome.result else {
            let line = "\(file): error: \(outcome.error ?? outcome.message)" + (outcome.errorCode.map { " [\($0)]" } ?? "") + "\n"
            FileHandle.standardError.write(Data(line.utf8))
            return
        }
        print(ResultReport(file: file, result: result).render())
    }
}
