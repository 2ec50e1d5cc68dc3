import Foundation
import Testing
import VitaeEngine

/// `JSONValue(encoding:)` builds the tree itself; it must be the tree JSONEncoder's text parses to.
@Suite struct JSONTreeEncoderTests {
    enum Kind: String, Codable { case first, second }

    struct Inner: Codable, Equatable {
        var name: String
        var note: String?
        var kind: Kind
    }

    struct Sample: Codable {
        var text = "Grace \"Hopper\" é ✓ \n"
        var whole = 85
        var fraction = 0.1
        var large = 1e300
        var tiny = 5e-324
        var negativeZero = -0.0
        var float: Float = 0.1
        var biggest = Int64.max
        var unsigned = UInt64.max
        var small: Int8 = -7
        var flag = true
        var missing: String? = nil
        var present: Int? = 3
        var items = [Inner(name: "a", note: nil, kind: .first), Inner(name: "b", note: "n", kind: .second)]
        var nested = [[1, 2], [], [3]]
        var byNumber = [2: "two", 10: "ten"]
        var byName = ["x": [0.5], "y": []]
        var json: JSONValue = ["score": 85, "ratio": 0.25, "none": nil, "list": [true, "s"]]
    }

    /// What `JSONValue(encoding:)` gave before the tree encoder: JSONEncoder's text, parsed.
    static func throughText(_ value: some Encodable) throws -> JSONValue {
        try JSONValue(parsing: String(decoding: JSONEncoder().encode(value), as: UTF8.self))
    }

    @Test func givesTheTreeOfJSONEncodersText() throws {
        let sample = Sample()
        #expect(try JSONValue(encoding: sample) == Self.throughText(sample))
        #expect(try JSONValue(encoding: sample).jsonText == Self.throughText(sample).jsonText)
    }

    @Test func encodesTopLevelFragments() throws {
        #expect(try JSONValue(encoding: "text") == Self.throughText("text"))
        #expect(try JSONValue(encoding: 42) == Self.throughText(42))
        #expect(try JSONValue(encoding: [Kind.first]) == Self.throughText([Kind.first]))
        #expect(try JSONValue(encoding: Optional<Int>.none) == Self.throughText(Optional<Int>.none))
    }

    /// Values JSONEncoder writes by its own strategies still go through it.
    @Test func leavesDatesDataAndURLsToJSONEncoder() throws {
        struct Special: Codable {
            var date = Date(timeIntervalSinceReferenceDate: 12.5)
            var data = Data([1, 2, 3])
            var url = URL(string: "https://example.com/a")!
        }
        #expect(try JSONValue(encoding: Special()) == Self.throughText(Special()))
    }

    @Test func failsAsJSONEncoderDoes() {
        #expect(throws: EncodingError.self) { try JSONValue(encoding: [Double.nan]) }
    }
}
