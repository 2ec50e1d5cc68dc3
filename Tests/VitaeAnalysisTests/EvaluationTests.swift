import Testing
import VitaeAnalysis
import VitaeEngine

@Suite struct EvaluationTests {
    @Test func jaccardOfTokenSets() {
        #expect(Evaluation.jaccard(["a", "b"], ["a", "b"]) == 1)
        #expect(Evaluation.jaccard(["hyderabad", "telangana"], ["hyderabad"]) == 0.5)
        #expect(Evaluation.jaccard([], []) == 0)
    }

    @Test func matchingIsCaseAndPunctuationBlindWithAHalfJaccardBar() {
        // "B.Tech in IT" vs "b tech in it": same tokens.
        #expect(Evaluation.compare(predicted: ["B.Tech in IT"], labelled: ["b tech in it\n"]) == .init(matched: 1, predicted: 1, labelled: 1))
        // {chennai, tamil, nadu} vs {chennai}: 1/3 < 0.5.
        #expect(Evaluation.compare(predicted: ["Chennai, Tamil Nadu"], labelled: ["Chennai"]).matched == 0)
        #expect(Evaluation.compare(predicted: ["Hyderabad, Telangana"], labelled: ["Hyderabad"]).matched == 1)
    }

    @Test func duplicatesCountOnceAndEachLabelMatchesOnePrediction() {
        let counts = Evaluation.compare(
            predicted: ["Oracle", "oracle", "Oracle India", "Infosys"],
            labelled: ["Oracle", "Oracle ", "ORACLE"])
        // Predictions {oracle}, {oracle, india}, {infosys}; one label {oracle}: one match.
        #expect(counts == .init(matched: 1, predicted: 3, labelled: 1))
        #expect(counts.precision == 1.0 / 3)
        #expect(counts.recall == 1)
        #expect(abs(counts.f1 - 0.5) < 1e-9)
    }

    @Test func bestPairsAreTakenFirst() {
        // "Senior Engineer" could pair with either label; the exact one must win so both labels match.
        let counts = Evaluation.compare(
            predicted: ["Senior Engineer", "Engineer"], labelled: ["Engineer", "Senior Engineer"])
        #expect(counts.matched == 2)
    }

    @Test func emptySidesGiveZeroNotNaN() {
        let none = Evaluation.compare(predicted: [], labelled: [])
        #expect(none.precision == 0 && none.recall == 0 && none.f1 == 0)
    }

    @Test func skillSpansAreSplitIntoItems() {
        let items = Evaluation.skillItems("""
            Languages: C, C++ (3 years), Java/J2EE | Python; Go
            • Spring Boot (Less than 1 year)
            A sentence that is far too long to be a skill
            """)
        #expect(items == ["C", "C++", "Java", "J2EE", "Python", "Go", "Spring Boot"])
    }

    @Test func labelsAndPredictionsAreReadFromTheResultSchema() throws {
        let line = #"{"content":"x","annotation":[{"label":["Skills"],"points":[{"start":0,"end":1,"text":"Java, Go"}]},{"label":["Email Address"],"points":[{"start":0,"end":1,"text":"indeed.com/r/x"}]},{"label":[],"points":[]}]}"#
        let resume = try #require(try Evaluation.load(jsonl: line + "\n").first)
        #expect(resume.labels(for: .skills) == ["Java", "Go"])
        let result: JSONValue = [
            "contact": ["name": "Ann Lee", "location": "Pune, Maharashtra", "city": "Pune", "region": "Maharashtra"],
            "experience": [["title": "Engineer", "company": "Acme", "location": "Delhi"]],
            "education": [["institution": "X University", "degree": "BSc", "graduationYear": 2015, "location": "Goa"]],
            "skills": [["name": "Java"]],
        ]
        #expect(Evaluation.Field.name.predictions(in: result) == ["Ann Lee"])
        // The mapping the accuracy target is defined on: every place the result names.
        #expect(Evaluation.Field.location.predictions(in: result) == ["Pune, Maharashtra", "Delhi", "Goa"])
        #expect(Evaluation.Field.graduationYear.predictions(in: result) == ["2015"])
        #expect(Evaluation.Field.degree.predictions(in: result) == ["BSc"])
        #expect(Evaluation.Field.college.predictions(in: result) == ["X University"])
        #expect(Evaluation.Field.skills.predictions(in: result) == ["Java"])
    }

    @Test func percentilesOfTimings() {
        let report = Evaluation.Report(fields: [], millisecondsPerResume: (1...100).map(Double.init))
        #expect(report.percentile(50) == 50)
        #expect(report.percentile(99) == 99)
        #expect(report.mean == 50.5)
    }
}
