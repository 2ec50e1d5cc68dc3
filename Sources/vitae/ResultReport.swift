import Foundation
import VitaeEngine

/// A finished analysis laid out for a terminal.
struct ResultReport {
    var file: String
    var result: JSONValue

    func render() -> String {
        var out: [String] = []
        let score = result["score"]?.doubleValue.map { String(Int($0)) } ?? "?"
        out.append("\(file): score \(score)/100")
        if let contact = result["contact"] {
            var parts: [String] = []
            if let name = contact["name"]?.stringValue { parts.append(name) }
            parts += strings(contact["emails"]) + strings(contact["phones"])
            if let location = contact["location"]?.stringValue { parts.append(location) }
            if !parts.isEmpty { out.append("  " + parts.joined(separator: " · ")) }
        }
        for item in result["breakdown"]?.arrayValue ?? [] {
            let points = item["points"]?.doubleValue ?? 0
            let possible = item["maxPoints"]?.doubleValue ?? 0
            let label = item["label"]?.stringValue ?? item["id"]?.stringValue ?? "?"
            out.append(String(format: "  %5.1f/%-4.0f %@", points, possible, label))
            if let reason = item["reason"]?.stringValue { out.append("             \(reason)") }
            if points < possible, let suggestion = item["suggestion"]?.stringValue, !suggestion.isEmpty {
                out.append("             → \(suggestion)")
            }
        }
        let skills = (result["skills"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue ?? $0.stringValue }
        if !skills.isEmpty { out.append("  skills: " + skills.joined(separator: ", ")) }
        if let match = result["match"], let matchScore = match["score"]?.doubleValue {
            out.append("  job match: \(Int(matchScore))/100")
            let found = strings(match["requiredSkills"]?["found"]) + strings(match["preferredSkills"]?["found"])
            let missing = strings(match["missingSkills"])
            if !found.isEmpty { out.append("    has: " + found.joined(separator: ", ")) }
            if !missing.isEmpty { out.append("    missing: " + missing.joined(separator: ", ")) }
            if found.isEmpty, missing.isEmpty {
                out.append("    the posting names no skill in the taxonomy; the score is its keyword coverage alone")
            }
        }
        return out.joined(separator: "\n")
    }

    private func strings(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
