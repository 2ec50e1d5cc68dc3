import VitaeEngine
import VitaeExtraction
import Testing
@testable import VitaeAnalysis
import VitaeTesting

@Suite struct SectionsTests {
    @Test func headingsFromTextAndFontHints() async throws {
        let document = Document(format: .pdf, pageCount: 1, lines: [
            TextLine(text: "Jane Roe", fontSize: 20, isBold: true),
            TextLine(text: "Where I Have Worked", fontSize: 14, isBold: true),  // no keyword: not a heading
            TextLine(text: "My Experience", fontSize: 14, isBold: true),
            TextLine(text: "Engineer at Acme", fontSize: 10),
            TextLine(text: "Education", fontSize: 10),
            TextLine(text: "BSc Physics", fontSize: 10),
            TextLine(text: "TECHNICAL SKILLS:", fontSize: 10),
            TextLine(text: "Swift, Go", fontSize: 10),
        ])
        let output = try await AnalyzerHarness.run(SectionsAnalyzer.self, options: .init(), on: document)
        #expect(output.sections.map(\.kind) == [.experience, .education, .skills])
        #expect(output.sections.map(\.startLine) == [2, 4, 6])
        #expect(output.sections.map(\.endLine) == [3, 5, 7])
    }

    /// "Projects Undertaken" in plain text ends the skills list above it: the projects' prose is no list.
    @Test func projectsUndertakenHeadsProjects() async throws {
        let output = try await AnalyzerHarness.run(
            SectionsAnalyzer.self, options: .init(), on: Document(plainText: "Jo Bloggs\nTechnical Expertise\nSwift, Go\nProjects Undertaken\nBilling portal"))
        #expect(output.sections.map(\.kind) == [.skills, .projects])
    }

    /// Plain text has no font hints: these headings are known by their words alone.
    @Test func plainHeadingsOfUSAndEuropeanResumes() async throws {
        let output = try await AnalyzerHarness.run(SectionsAnalyzer.self, onText: """
            Jo Bloggs
            Career Summary
            Engineer with ten years in payments.
            Research Experience
            Research Assistant, University of Leeds, 2010 - 2012
            Technical Proficiencies
            MATLAB, Python
            Key Achievements
            Cut costs by a third
            Languages Spoken
            French, German
            Software
            AutoCAD, Revit
            Service
            Reviewer for a journal
            ACADEMIC APPOINTMENTS
            2021–present  Lecturer, University of Leeds
            """)
        #expect(output.sections.map(\.kind) == [.summary, .experience, .skills, .awards, .languages, .skills, .other, .experience])
    }

    @Test func anAcademicCVsAppointmentsAreItsExperience() async throws {
        for heading in ["Academic Appointments", "APPOINTMENTS", "Positions Held", "Academic Positions"] {
            #expect(SectionsAnalyzer.headingKind(heading, styled: false) == .experience, "\(heading)")
        }
        let output = try await AnalyzerHarness.run(SectionsAnalyzer.self, onText: """
            Dr Jo Bloggs
            Summary
            Legal historian.
            Academic Appointments
            2019–present   Senior Lecturer, Faculty of Law, University of Northmoor
            """)
        #expect(output.sections.map(\.kind) == [.summary, .experience])
    }

    @Test func aSkillsHeadingAfterADatedEducationLineHeadsTheSkills() async throws {
        let output = try await AnalyzerHarness.run(SectionsAnalyzer.self, onText: """
            Jo Bloggs
            Education

            BSc Informatica, Hogeschool van Amsterdam, 2016

            Skills

            - Kubernetes, Helm
            """)
        #expect(output.sections.map(\.kind) == [.education, .skills])
    }

    @Test func indeedGroupsHeadsASectionOfItsOwn() async throws {
        let output = try await AnalyzerHarness.run(SectionsAnalyzer.self, onText: """
            Jo Bloggs
            SKILLS
            LINUX (Less than 1 year), VMWARE (Less than 1 year)
            GROUPS
            AWWA
            November 2015 to Present
            """)
        #expect(output.sections.map(\.kind) == [.skills, .other])
        #expect(output.sections.first?.endLine == 2)
    }

    @Test func aHeadingWordEndingAWrappedSentenceIsNoHeading() async throws {
        let output = try await AnalyzerHarness.run(SectionsAnalyzer.self, onText: """
            Jo Bloggs
            Azure Developer with 9 years and 8 months of working experience in Dot Net
            Technologies
            EXPERIENCE
            Architect
            Skills
            Azure
            """)
        #expect(output.sections.map(\.kind) == [.experience, .skills])
    }

    @Test func plainTitleCaseSkillsLabelsHeadListsOnlyOnceAndOutsidePositions() async throws {
        let output = try await AnalyzerHarness.run(SectionsAnalyzer.self, onText: """
            Jo Bloggs
            WORK EXPERIENCE
            Consultant
            SAP Expertise
            FI, CO
            ADDITIONAL INFORMATION
            Client: Acme Bank
            Software /Tools:
            Toad
            Client: Beta Bank
            Software /Tools:
            Java
            Key Technical Skills
            Java, SQL
            IV. Trainings
            Agile coach
            """)
        // "SAP Expertise" labels the position's skills; "Software /Tools:" repeats for each project;
        // "Key Technical Skills" heads a list; "IV." numbers the trainings heading.
        #expect(output.sections.map(\.kind) == [.experience, .other, .skills, .certifications])
        #expect(output.sections.map(\.heading).last == "IV. Trainings")
    }

    @Test func aPlainHeadingWordUnderADatedEntryIsItsTitle() async throws {
        let text = """
            Jo Bloggs
            VOLUNTEER EXPERIENCE
            Harbour Food Pantry, Riverton, OR  March 2019 – Present
            Volunteer
            • Sort donations every Saturday
            SKILLS
            Excel
            """
        let output = try await AnalyzerHarness.run(SectionsAnalyzer.self, onText: text)
        #expect(output.sections.map(\.kind) == [.other, .skills])
        let positions = try await AnalyzerHarness.run(
            ExperienceAnalyzer.self, options: .init(asOf: YearMonth(year: 2024, month: 12)), on: .init(plainText: text),
            after: [AnalyzerStep<SectionsAnalyzer>(options: .init())]).experience
        #expect(positions.first?.title == "Volunteer")
        #expect(positions.first?.company == "Harbour Food Pantry")
        #expect(!ExperienceAnalyzer.isBareTitleLine("Portland"))  // a city under the heading line is no title
        // A heading word with no dated entry above it still heads a section.
        let plain = try await AnalyzerHarness.run(SectionsAnalyzer.self, onText: "Jo Bloggs\nEXPERIENCE\nClerk\nVolunteer\n• Sorted donations\n")
        #expect(plain.sections.map(\.kind) == [.experience, .other])
    }

    @Test func sampleSections() async throws {
        let output = try await AnalyzerHarness.run(SectionsAnalyzer.self, options: .init(), on: try Fixtures.document("john_doe"))
        #expect(output.sections.map(\.kind) == [.summary, .skills, .experience, .education, .certifications])
    }

    @Test func aHeadingBehindAHeavyMarkButNoBulletItem() async throws {
        let text = "Jane Doe\n■ Career\nEngineer, Contoso, 2020 – 2022\n■ Education\nBSc, Fabrikam University, 2019\nSTRENGTHS\n• Leadership\n• Teamwork"
        let output = try await AnalyzerHarness.run(SectionsAnalyzer.self, options: .init(), on: Document(plainText: text))
        #expect(output.sections.map(\.kind) == [.experience, .education, .other])
        #expect(output.sections.map(\.heading) == ["■ Career", "■ Education", "STRENGTHS"])
    }
}
