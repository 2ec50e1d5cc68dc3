import Foundation
import Testing
import VitaeEngine

/// The hand-written parser reads what JSONDecoder reads, and refuses what it refuses.
@Suite struct JSONParserTests {
    static let valid = [
        #"{"resumeId":"r1","fileName":"3f2c-ada.pdf"}"#,
        #"  {"a": [1, -2.5, 3e2, 0, -0.125, 1E-7], "b": {"c": null, "d": true, "e": false}, "f": ""}  "#,
        #"{"esc":"q\"b\\s\/n\nt\tu\u00e9\ud83d\ude00 é ✓","k\"ey":[]}"#,
        #"[[], {}, [[{"deep": [1]}]]]"#,
        #""just a string""#, "42", "null",
    ]

    static let invalid = [
        "", "{", #"{"a":}"#, #"{"a" 1}"#, "[1,]", "[1 2]", "01", "+1", ".5", "1.", #""unterminated"#, #""bad \x escape""#,
        #""\ud83d alone""#, "tru", "{} extra", "\"tab\there\"", "nan", String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ]

    @Test(arguments: valid.indices) func readsWhatJSONDecoderReads(_ index: Int) throws {
        let text = Self.valid[index]
        let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test(arguments: invalid.indices) func refusesInvalidText(_ index: Int) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Self.invalid[index]) }
    }

    @Test func roundTripsWhatJSONTextWrites() throws {
        let value: JSONValue = ["score": 85, "ratio": 0.1, "names": ["Ada", "Grace \"Hopper\""], "nested": ["empty": [:], "none": nil]]
        #expect(try JSONValue(parsing: value.jsonText) == value)
    }
}
