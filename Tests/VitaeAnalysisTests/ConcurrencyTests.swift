import Testing
import VitaeAnalysis
import VitaeEngine

@Suite struct ConcurrencyTests {
    /// The server runs jobs in parallel; shared taxonomies and compiled patterns must cope.
    @Test func analysesRunInParallelWithTheSameResults() async throws {
        let names = sampleContacts.map(\.fixture)
        let documents = try names.map { try Fixtures.document($0) }
        let serial = try await documents.asyncMap { try await ResumeAnalysis.run(StandardAnalyzers.fieldSteps(), on: $0).json }
        let parallel = try await withThrowingTaskGroup(of: (Int, JSONValue).self) { group in
            for round in 0..<4 {
                for (index, document) in documents.enumerated() {
                    group.addTask { (index, try await ResumeAnalysis.run(StandardAnalyzers.fieldSteps(), on: document).json) }
                }
                _ = round
            }
            var results: [(Int, JSONValue)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(parallel.count == documents.count * 4)
        for (index, json) in parallel { #expect(json == serial[index]) }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
