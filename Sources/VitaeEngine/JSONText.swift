/// JSON text written by hand for the values on the hot path: every job update is written to the
/// event log and framed for SSE, and JSONEncoder costs tens of microseconds each time on Linux.
/// The output is byte for byte what JSONEncoder gives with `.sortedKeys` and `.withoutEscapingSlashes`.
public enum JSONText {
    /// `value` as a JSON string literal, quotes included.
    public static func quoted(_ value: String, into out: inout String) {
        out.append("\"")
        // Most strings need no escape and are copied whole.
        if !value.utf8.contains(where: needsEscape) {
            out.append(value)
        } else {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(value.utf8.count + 8)
            for byte in value.utf8 {
                guard needsEscape(byte) else {
                    bytes.append(byte)
                    continue
                }
                let escape = switch byte {
                case 0x22: "\\\""
                case 0x5C: "\\\\"
                case 0x0A: "\\n"
                case 0x0D: "\\r"
                case 0x09: "\\t"
                case 0x08: "\\b"
                case 0x0C: "\\f"
                default: "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                }
                bytes.append(contentsOf: escape.utf8)
            }
            out.append(String(decoding: bytes, as: UTF8.self))
        }
        out.append("\"")
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }
}

extension JSONValue {
    public var jsonText: String {
        var out = ""
        write(into: &out)
        return out
    }

    public func write(into out: inout String) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n):
            // As `encode(to:)`: whole numbers as integers, so a score reads `85`, not `85.0`.
            if n.rounded() == n, abs(n) < 1e15 { out.append(String(Int64(n))) } else if n.isFinite { out.append("\(n)") } else { out.append("null") }
        case .string(let s): JSONText.quoted(s, into: &out)
        case .array(let items):
            out.append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(",") }
                item.write(into: &out)
            }
            out.append("]")
        case .object(let members):
            out.append("{")
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out.append(",") }
                JSONText.quoted(key, into: &out)
                out.append(":")
                members[key]!.write(into: &out)
            }
            out.append("}")
        }
    }
}

extension JobUpdate {
    /// The update as JSON, as the event log stores it and SSE sends it.
    public var jsonText: String {
        var out = "{"
        out.reserveCapacity(160)
        var separator = ""
        // Members in sorted key order; nil ones are left out, as synthesized `Encodable` does. Each key
        // comes with its quotes and colon as one literal: building them per member cost an allocation each.
        func member(_ quotedKey: String, _ value: String?) {
            guard let value else { return }
            out.append(separator)
            separator = ","
            out.append(quotedKey)
            JSONText.quoted(value, into: &out)
        }
        member("\"error\":", error)
        member("\"errorCode\":", errorCode)
        member("\"jobId\":", jobId)
        member("\"message\":", message)
        out.append(separator)
        separator = ","
        out.append("\"progress\":")
        out.append(String(progress))
        if let result {
            out.append(",\"result\":")
            result.write(into: &out)
        }
        member("\"stage\":", stage?.rawValue)
        member("\"status\":", status.rawValue)
        member("\"type\":", type)
        out.append("}")
        return out
    }
}
