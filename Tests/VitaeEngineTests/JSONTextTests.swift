import Foundation
import Testing
import VitaeEngine

/// The hand-written JSON must be what JSONEncoder writes, so stored events read back the same.
@Suite struct JSONTextTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let updates: [JobUpdate] = [
        JobUpdate(jobId: "resume-1-1699267200000", status: .queued, progress: 0, stage: nil, message: "Job queued"),
        JobUpdate(jobId: "j", status: .inProgress, progress: 42, stage: .parsing, message: "Reading \"page\" 2/3 \\ tab\there\nnew line é ✓ \u{1} \u{1f}"),
        JobUpdate(jobId: "j", status: .failed, progress: 17, stage: .fetching, message: "boom", error: "It broke: <b>",
                  errorCode: "corrupt_file"),
        JobUpdate(jobId: "j", status: .completed, progress: 100, stage: .storing, message: "done",
                  result: ["score": 85, "ratio": 0.1, "tiny": 1e-7, "big": 1.5e20, "neg": -3, "flag": true, "none": nil,
                           "list": ["a/b", 2.5, ["nested": "x"]], "empty": [:], "url": "https://example.com/x"]),
    ]

    @Test(arguments: updates) func matchesJSONEncoder(_ update: JobUpdate) throws {
        let expected = String(decoding: try Self.encoder.encode(update), as: UTF8.self)
        #expect(update.jsonText == expected)
        #expect(try JSONDecoder().decode(JobUpdate.self, from: Data(update.jsonText.utf8)) == update)
    }
}
