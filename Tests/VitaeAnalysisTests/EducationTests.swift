import VitaeEngine
import VitaeExtraction
import Testing
@testable import VitaeAnalysis
import VitaeTesting

@Suite struct EducationTests {
    @Test func degreeSchoolYearAndLevel() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            B.Tech in Information Technology
            GMR Institute of Technology - Kakinada, Andhra Pradesh
            2013
            Class XII
            Pratibha Junior College
            2009
            """)
        #expect(output.education.count == 2)
        let first = try #require(output.education.first)
        #expect(first.degree == "B.Tech in Information Technology")
        #expect(first.field == "Information Technology")
        #expect(first.level == .bachelor)
        #expect(first.institution == "GMR Institute of Technology")
        #expect(first.location == "Kakinada, Andhra Pradesh")
        #expect(first.graduationYear == 2013)
        #expect(output.education.last?.level == .highSchool)
        #expect(output.education.last?.graduationYear == 2009)
    }

    /// A school line that carries its own dates takes the degree under it; an unknown name with a year
    /// before a degree is the school.
    struct SchoolAboveDegree: Sendable, CustomTestStringConvertible {
        let text: String
        let institution: String
        let degree: String
        let field: String
        let year: Int
        var testDescription: String { institution }
    }

    static let schoolsAboveDegrees = [
        SchoolAboveDegree(text: """
            EDUCATION
            University of La Verne, La Verne, CA Expected Graduation: June 2016
            Bachelor of Arts, Business Administration
            GPA: 3.5
            """, institution: "University of La Verne", degree: "Bachelor of Arts", field: "Business Administration", year: 2016),
        SchoolAboveDegree(text: """
            EDUCATION
            UC Berkeley 2019
            Bachelor of Science, Computer Science
            """, institution: "UC Berkeley", degree: "Bachelor of Science", field: "Computer Science", year: 2019),
    ]

    @Test(arguments: schoolsAboveDegrees) func aSchoolLineAboveADegreeIsItsSchool(_ example: SchoolAboveDegree) async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: example.text)
        #expect(output.education.count == 1)
        let entry = try #require(output.education.first)
        #expect(entry.institution == example.institution)
        #expect(entry.degree == example.degree)
        #expect(entry.field == example.field)
        #expect(entry.graduationYear == example.year)
    }

    @Test(arguments: [
        ("Érettségi", EducationAnalyzer.Level.highSchool), ("Maturitná skúška", .highSchool), ("Studentereksamen", .highSchool),
        ("Reife- und Diplomprüfung", .highSchool), ("Diplôme d'études secondaires", .highSchool), ("F.Sc. (Pre-Medical)", .highSchool),
        ("Diplomă de bacalaureat", .highSchool), ("Ensino Médio", .highSchool), ("ISC", .highSchool),
        ("Magíster en Ciencias Agrarias", .master), ("Laurea Magistrale in Architettura", .master), ("Magistar ekonomije", .master),
        ("Maîtrise en droit", .master), ("Dottorato di ricerca", .doctorate), ("Doutorado em Física", .doctorate),
        ("Bakalaureus", .bachelor), ("Bacharel em Direito", .bachelor), ("Diplomă de licență", .bachelor),
        ("Certificat en santé publique", .diploma), ("DCA", .diploma), ("Técnico em Edificações", .diploma),
    ])
    func degreesOfMoreCountries(_ degree: String, _ level: EducationAnalyzer.Level) {
        #expect(EducationAnalyzer.degreeLevel(in: degree) == level)
    }

    @Test func aStreamInBracketsIsNoPartOfTheDegree() {
        #expect(EducationAnalyzer.withoutStreamInBrackets("BFA (Applied Arts)") == "BFA")
        #expect(EducationAnalyzer.withoutStreamInBrackets("B.Ed. (English & Social Science)") == "B.Ed.")
        #expect(EducationAnalyzer.withoutStreamInBrackets("BSc (Hons)") == "BSc (Hons)")
        #expect(EducationAnalyzer.withoutStreamInBrackets("Magister (Mgr.)") == "Magister (Mgr.)")
        #expect(EducationAnalyzer.withoutStreamInBrackets("Master of Science (MSc)") == "Master of Science (MSc)")
        #expect(EducationAnalyzer.withoutStreamInBrackets("Harvard (Extension)") == "Harvard (Extension)", "no degree before the bracket")
    }

    /// A neighbourhood before a known town is part of the school's place; a subject before it is not.
    @Test func aSchoolsNeighbourhoodBeforeItsTown() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            St. Xavier's College, Maitighar, Kathmandu
            BSc Physics
            2004
            Savitribai Phule Pune University, Computer Science, Pune
            Master of Computer Applications
            2009
            """)
        #expect(output.education.map(\.location) == ["Maitighar, Kathmandu", "Pune"])
    }

    @Test func twoUnknownLinesStartingAnEntryAreItsDegreeAndSchool() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            MCL in Computer Application

            IGNOU

            BACHELOR'S IN SCIENCE in COMPUTER NETWORKING

            Karnataka State University

            IBM Jazz

            Quality Center (ALM)
            """)
        #expect(output.education.map(\.degree) == ["MCL in Computer Application", "BACHELOR'S IN SCIENCE in COMPUTER NETWORKING"])
        #expect(output.education.map(\.institution) == ["IGNOU", "Karnataka State University"])
        let placed = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            Widget Studies
            Dadabari -  Ajmer, Rajasthan
            """)
        #expect(placed.education.first?.institution == "Dadabari")
        #expect(placed.education.first?.location == "Ajmer, Rajasthan")
        // A course's name is no school.
        let course = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: "EDUCATION\nNetworking Basics\nTraining Program\n")
        #expect(course.education.allSatisfy { $0.institution == nil })
    }

    @Test func bracketsThatCloseANameStayEmptyOnesGo() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            B-tech (CSE)
            Adhiparasakthi Engineering College (Anna University)
            2001 to 2005
            B.Sc (2010)
            Widget College
            """)
        #expect(output.education.map(\.degree) == ["B-tech (CSE)", "B.Sc"])
        #expect(output.education.first?.institution == "Adhiparasakthi Engineering College (Anna University)")
    }

    @Test func aLongDegreeThePatternsDoNotKnowIsStillTheDegreeBeforeASchool() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            BE in Computer Science and Engineering

            Vivekananda Engineering College -  Chennai, Tamil Nadu

            2013

            BTEC HNC in Aviation in Hospitality and Travel Management

            Frankfinn Institute of Training -  Calicut, Kerala

            2008
            """)
        #expect(output.education.map(\.degree) == [
            "BE in Computer Science and Engineering", "BTEC HNC in Aviation in Hospitality and Travel Management",
        ])
        #expect(output.education.last?.institution == "Frankfinn Institute of Training")
    }

    @Test func sampleEducationWithGPA() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, options: .init(), on: try Fixtures.document("john_smith"))
        let entry = try #require(output.education.first)
        #expect(entry.degree == "Bachelor of Business Administration")
        #expect(entry.institution == "Kent State University")
        #expect(entry.graduationYear == 2018)
        #expect(entry.gpa == "3.6")
        #expect(entry.level == .bachelor)
    }
}

@Suite struct EducationEdgeTests {
    @Test func monthsAreStrippedOnlyBeforeYearsAndOrphanYearsAreDropped() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            Foundation Training Program in Networking
            2016
            MBA in Marketing
            IIT Roorkee - Roorkee, Uttarakhand
            May 2010
            """)
        let entry = try #require(output.education.first)
        #expect(output.education.count == 1)
        #expect(entry.degree == "MBA in Marketing")
        #expect(entry.field == "Marketing")
        #expect(entry.level == .master)
        #expect(entry.institution == "IIT Roorkee")
        #expect(entry.location == "Roorkee, Uttarakhand")
        #expect(entry.graduationYear == 2010)
    }
}

@Suite struct EducationBoardTests {
    @Test func examinationBoardsAreNeitherDegreesNorSchools() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            Bachelor of Commerce
            Osmania University - Hyderabad, Telangana
            2015
            Board of Secondary Education
            2010
            Bihar School Examination Board
            2008
            Class XII
            Delhi Public School, CBSE Board
            2011
            """)
        #expect(output.education.map(\.degree) == ["Bachelor of Commerce", "Class XII"])
        #expect(output.education.map(\.institution) == ["Osmania University", "Delhi Public School"])
        #expect(output.education.map(\.graduationYear) == [2015, 2011])
    }
}

@Suite struct EducationOrderTests {
    /// A school on its own line, then the degree with its GPA and dates: one entry, the layout of
    /// OpenResume and many US templates.
    @Test func aDegreeLineWithGPAAndDatesUnderItsSchool() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            Lakeside State University
            Master of Science in Data Engineering - 3.9 GPA Aug 2018 - Jun 2020
            • Thesis on streaming joins, presented at the 2019 student symposium
            Hillcrest College
            Bachelor of Arts in Economics Sep 2014 - May 2018
            """)
        #expect(output.education.map(\.institution) == ["Lakeside State University", "Hillcrest College"])
        #expect(output.education.map(\.degree) == ["Master of Science in Data Engineering", "Bachelor of Arts in Economics"])
        #expect(output.education.map(\.graduationYear) == [2020, 2018])
        #expect(output.education.first?.gpa == "3.9")
        #expect(output.education.first?.level == .master)
    }

    @Test func aDegreeAfterASchoolAndYearStartsTheNextEntry() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            B. E. in CSE
            Chitkara University
            2014 to 2018
            Class XII
            Triple M Public School
            2013 to 2014
            """)
        #expect(output.education.map(\.degree) == ["B. E. in CSE", "Class XII"])
        #expect(output.education.map(\.level) == [.bachelor, .highSchool])
        #expect(output.education.map(\.institution) == ["Chitkara University", "Triple M Public School"])
        #expect(output.education.map(\.graduationYear) == [2018, 2014])
    }
}

@Suite struct EducationUnknownDegreeTests {
    @Test func aLineBeforeTheSchoolLineIsItsDegree() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            TYBMS in Management Studies
            Vedanta College of Management - Mumbai, Maharashtra
            2015 to 2018
            H.S.C
            Guru Nanak High School
            2013 to 2015
            University / Board
            """)
        #expect(output.education.map(\.degree) == ["TYBMS in Management Studies", "H.S.C"])
        #expect(output.education.first?.field == "Management Studies")
        #expect(output.education.first?.level == nil)
        #expect(output.education.map(\.institution) == ["Vedanta College of Management", "Guru Nanak High School"])
        #expect(output.education.map(\.graduationYear) == [2018, 2015])
    }
}

@Suite struct EducationLongLineTests {
    @Test func yearsBeforeALongCommaSeparatedDegreeLine() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            Education
            2014 – 2016 Master of Science in Computer Science, Specialization in AI, MIT, Cambridge,
            USA
            2010 – 2014 Bachelor of Science in Computer Science, UC San Diego, San Diego, USA
            """)
        #expect(output.education.map(\.degree) == ["Master of Science in Computer Science", "Bachelor of Science in Computer Science"])
        #expect(output.education.map(\.institution) == ["MIT", "UC San Diego"])
        #expect(output.education.map(\.graduationYear) == [2016, 2014])
        #expect(output.education.last?.location == "San Diego, USA")
    }

    @Test func aCityRunIntoTheSchoolNameIsTakenBack() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            Bachelor of Business Administration Expected Graduation: May 2018
            Kent State University Kent, Ohio
            """)
        #expect(output.education.first?.institution == "Kent State University")
        #expect(output.education.first?.location == "Kent, Ohio")
        let anna = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: "EDUCATION\nB.E.\nAnna University Chennai, Tamil Nadu\n2015\n")
        #expect(anna.education.first?.institution == "Anna University")
        #expect(anna.education.first?.location == "Chennai, Tamil Nadu")
        // "of …" after the school word is part of its name.
        let california = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: "EDUCATION\nB.S.\nUniversity of California, CA\n2015\n")
        #expect(california.education.first?.institution == "University of California")
    }

    @Test func schoolsWithoutSchoolWordsBeforeAPlace() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            PGDBM in Business Management

            Narsee Monji -  Hyderabad, Telangana

            masters in journalism

            amity -  Noida, Uttar Pradesh

            B-TECH

            JAWAHARLAL NEHRU TECHNOLOGICAL UNIVERSITY

            2005

            Class XII

            U.P. Board -  Bareilly, Uttar Pradesh
            """)
        // A name that could be a place is the school when the place follows it after a dash; a school
        // in capitals with a heading keyword ("TECHNOLOGICAL") is no heading; a board is no school
        // but its place is the entry's.
        #expect(output.education.map(\.institution) == ["Narsee Monji", "amity", "JAWAHARLAL NEHRU TECHNOLOGICAL UNIVERSITY", nil])
        #expect(output.education.map(\.location) == ["Hyderabad, Telangana", "Noida, Uttar Pradesh", nil, "Bareilly, Uttar Pradesh"])
    }

    @Test func anUnknownDegreeAfterACompleteEntryStartsTheNext() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            B.Sc. in Physics

            Karnataka State University -  Ghaziabad, Uttar
            Pradesh

            Computer Networking

            Aptech Institute of Technology
            """)
        // A name standing between blank lines is the next entry's degree; a wrapped "Pradesh" is not.
        #expect(output.education.map(\.degree) == ["B.Sc. in Physics", "Computer Networking"])
        #expect(output.education.map(\.institution) == ["Karnataka State University", "Aptech Institute of Technology"])
    }

    @Test func aSchoolAfterFromAndNoEducationInAcademicProjects() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            TECHNICAL QUALIFICATION:
            Obtained Post graduate diploma in Industrial Plant Automation from Prolific Systems
            ACADEMIC PROJECT:
            Siemens S7-300 SIMATIC MANAGER-5.4
            """)
        #expect(output.education.map(\.degree) == ["Post graduate diploma in Industrial Plant Automation"])
        #expect(output.education.map(\.institution) == ["Prolific Systems"])
    }

    @Test func wrappedDegreesJoinAndBoardsAreNoSchools() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            Post Graduate Program in Business Analytics & Business Intelligence in
            BUSINESS

            Great Lakes Institute Of Management -  Chennai, Tamil Nadu

            2017 to 2018

            BACHELOR OF ENGINEERING in ELECTRONICS & COMMUNICATION
            ENGINEERING

            Shri Vaishnav Institute of Technology and Science, RGPV University -  Indore, Madhya Pradesh

            2001 to 2005

            SSLC

            Kerala State Board

            2000
            """)
        #expect(output.education.map(\.degree) == [
            "Post Graduate Program in Business Analytics & Business Intelligence in BUSINESS",
            "BACHELOR OF ENGINEERING in ELECTRONICS & COMMUNICATION ENGINEERING", "SSLC",
        ])
        #expect(output.education.map(\.institution) == [
            "Great Lakes Institute Of Management", "Shri Vaishnav Institute of Technology and Science, RGPV University", nil,
        ])
        let repeated = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            Bachelor of Engineering in Instrumentation Technology in
            Instrumentation Technology

            B.Tech in Computer Science in Computer Science
            """)
        #expect(repeated.education.map(\.degree) == ["Bachelor of Engineering in Instrumentation Technology", "B.Tech in Computer Science"])
    }
}

@Suite struct EducationQualificationNameTests {
    @Test func amieAndALevelsAreDegrees() async throws {
        #expect(EducationAnalyzer.degreeLevel(in: "AMIE") == .bachelor)
        #expect(EducationAnalyzer.degreeLevel(in: "A.M.I.E.T.E.") == .bachelor)
        #expect(EducationAnalyzer.degreeLevel(in: "'A' Level") == .highSchool)
        #expect(EducationAnalyzer.degreeLevel(in: "GCE O-Level") == .highSchool)
        #expect(EducationAnalyzer.degreeLevel(in: "A Levels") == .highSchool)
        #expect(EducationAnalyzer.degreeLevel(in: "raised the team to a level of trust") == nil)
        // Class 12 as Indian resumes also write it.
        #expect(EducationAnalyzer.degreeLevel(in: "pass 12 in science") == .highSchool)
        #expect(EducationAnalyzer.degreeLevel(in: "Std. XII") == .highSchool)
        #expect(EducationAnalyzer.degreeLevel(in: "Passed 10th") == .highSchool)
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            AMIE in Mechanical Engineering
            Institution of Engineers - Kolkata, West Bengal
            2016

            'A' Level in Computer Science
            Harbour Lights Academy
            2010

            O Level
            Harbour Lights Academy
            2008
            """)
        #expect(output.education.map(\.degree) == ["AMIE in Mechanical Engineering", "'A' Level in Computer Science", "O Level"])
        #expect(output.education.map(\.level) == [.bachelor, .highSchool, .highSchool])
        #expect(output.education.first?.institution == "Institution of Engineers")
    }

    @Test func classTwelveWrittenAsPassTwelve() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            pass 12 in science

            riverside college - Springfield, Illinois

            June 2014 to May 2016
            """)
        #expect(output.education.map(\.degree) == ["pass 12 in science"])
        #expect(output.education.first?.level == .highSchool)
        #expect(output.education.first?.institution == "riverside college")
        #expect(output.education.first?.graduationYear == 2016)
    }

    @Test func anActivityAtACollegeIsNoSchool() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            B.Sc. in Physics

            Riverside College

            2016

            Did anchoring in College Events

            Organised the Inter College Quiz
            """)
        #expect(output.education.map(\.institution) == ["Riverside College"])
    }

    @Test func aCollegeKeepsTheUniversityAfterItsComma() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            Bachelor of Science in Botany
            Sunrise College of Arts, Eastfield University - Nashik, Maharashtra
            2014

            Master of Science in Botany
            Eastfield University, Nashik, Maharashtra
            2016
            """)
        #expect(output.education.map(\.institution) == ["Sunrise College of Arts, Eastfield University", "Eastfield University"])
        #expect(output.education.first?.location == "Nashik, Maharashtra")
    }

    @Test func aStateUniversityKeepsItsCampus() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            University of California, Berkeley — B.A. Computer Science, May 2017
            Anna University, Chennai, Tamil Nadu — B.E. Mechanical Engineering, 2012
            """)
        #expect(output.education.map(\.institution) == ["University of California, Berkeley", "Anna University"])
        #expect(output.education.last?.location == "Chennai, Tamil Nadu")
    }

    @Test func aSchoolKnownByItsCapitalsBeforeItsPlace() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            Master of Business Administration
            INSEAD, Fontainebleau, France
            2019
            B.Tech
            Delhi, New Delhi, India
            2015
            """)
        #expect(output.education.map(\.institution) == ["INSEAD", nil])
        #expect(output.education.map(\.location) == ["Fontainebleau, France", "Delhi, New Delhi, India"])
    }

    @Test func aHighSchoolDiplomaIsTheDegreeNotTheSchool() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            High School Diploma, Lincoln High School, Portland, OR, 2008
            """)
        let entry = try #require(output.education.first)
        #expect(entry.degree == "High School Diploma")
        #expect(entry.level == .highSchool)
        #expect(entry.institution == "Lincoln High School")
    }

    @Test func anEntryListedTwiceIsOneEntry() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            Secondary School Certificate in Science

            Kerala Board of Public Examinations -  Kochi, Kerala

            2010

            B.Tech in Civil Engineering

            Cochin University of Science and Technology -  Kochi, Kerala

            2014

            Secondary School Certificate

            Kerala Board of Public Examinations -  Kochi, Kerala
            """)
        #expect(output.education.map(\.degree) == ["Secondary School Certificate in Science", "B.Tech in Civil Engineering"])
        #expect(output.education.first?.graduationYear == 2010)
    }

    @Test func aSchoolNamedWithAtPipeSeparatedLinesAndColumns() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            B.S. in Computer Science, The University of Texas at Austin, 2014
            B.Tech in Computer Science and Engineering | National Institute of Technology, Tiruchirappalli | 2019 | CGPA 8.4/10
            2012\tUniversity of Illinois\tB.A., Communication
            """)
        #expect(output.education.map(\.institution) == [
            "The University of Texas at Austin", "National Institute of Technology", "University of Illinois",
        ])
        #expect(output.education.map(\.degree) == ["B.S. in Computer Science", "B.Tech in Computer Science and Engineering", "B.A."])
        #expect(output.education.map(\.graduationYear) == [2014, 2019, 2012])
        #expect(output.education[1].gpa == "8.4/10")
    }

    @Test(arguments: [
        ("BFA, Graphic Design", EducationAnalyzer.Level.bachelor), ("MPH in Epidemiology", .master),
        ("Diplom-Ingenieur (Dipl.-Ing.) Mechanical Engineering", .master), ("Licenciatura en Biología", .bachelor),
        ("Abitur", .highSchool), ("WASSCE", .highSchool), ("International Baccalaureate", .highSchool),
        ("UX Design Certificate", .diploma), ("Certificate of Qualification", .diploma), ("Data Science Bootcamp", .diploma),
        ("Mag. phil.", .master), ("Dipl.-Kfm.", .master), ("cand.scient.", .master), ("Diplom-Kaufmann", .master),
        ("Título de Ingeniero Agrónomo", .bachelor), ("Ingeniero en Sistemas", .bachelor), ("Licenciado en Derecho", .bachelor),
        ("Bakalár – Ošetrovateľstvo", .bachelor), ("BDS", .bachelor), ("Diplôme d'ingénieur en génie civil", .bachelor),
        ("OND Civil Engineering Technology", .diploma), ("BTS Commerce International", .diploma),
        ("DEC en Techniques d'hygiène dentaire", .diploma), ("Certificate IV in Aeroskills (Mechanical)", .diploma),
        ("UACE", .highSchool), ("HKDSE", .highSchool), ("+2 Science", .highSchool), ("Foundation in Engineering", .diploma),
        ("Licence Information-Communication", .bachelor), ("Licence professionnelle Logistique", .bachelor), ("VWO", .highSchool),
        ("Magister inżynier", .master), ("Licencjat", .bachelor), ("Bakalář", .bachelor), ("Yüksek Lisans", .master),
        ("Cử nhân Hệ thống Thông tin", .bachelor),
    ])
    func degreesWrittenAbroadOrInTheArts(_ degree: String, _ level: EducationAnalyzer.Level) {
        #expect(EducationAnalyzer.degreeLevel(in: degree) == level)
    }

    @Test func theYearOnTheGPALineAndASchoolWordAbroad() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            Georgia Institute of Technology, Atlanta, GA
            Bachelor of Science in Industrial Engineering
            Expected May 2025 | GPA: 3.71/4.00 | Dean's List
            BSc Informatica, Hogeschool van Amsterdam, 2016
            """)
        #expect(output.education.map(\.graduationYear) == [2025, 2016])
        #expect(output.education.map(\.institution) == ["Georgia Institute of Technology", "Hogeschool van Amsterdam"])
    }

    /// Schools named in their own language, with no English school word: Québec's cégeps, Australia's
    /// TAFE institutes, a Finnish yliopisto, a Hungarian egyetem.
    @Test func schoolWordsOfOtherCountries() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            DEC en Techniques d'hygiène dentaire
            Cégep de Saint-Hyacinthe, 2016
            Certificate IV in Aeroskills (Mechanical), TAFE NSW, 2015
            Kauppatieteiden maisteri, Aalto-yliopisto, 2012
            M.A. in Library and Information Science, Eötvös Loránd Tudományegyetem, 2009
            """)
        #expect(output.education.map(\.institution) == ["Cégep de Saint-Hyacinthe", "TAFE NSW", "Aalto-yliopisto", "Eötvös Loránd Tudományegyetem"])
        #expect(output.education.map(\.graduationYear) == [2016, 2015, 2012, 2009])
    }

    /// "Tertiary:", "Secondary:": the stage of schooling labels the entry and is no part of it.
    @Test func aStageLabelBeforeTheEntry() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            Tertiary: Bachelor of Science in Tourism Management
            University of Santo Tomas, Manila
            2011 – 2015

            Secondary: Antipolo National High School
            2007 – 2011
            """)
        #expect(output.education.map(\.degree) == ["Bachelor of Science in Tourism Management", nil])
        #expect(output.education.map(\.institution) == ["University of Santo Tomas", "Antipolo National High School"])
    }

    /// A school's name in another language is no town, though a country follows it.
    @Test func aSchoolBeforeItsCountryIsNoPlace() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            Licence en Sciences Économiques
            Université de Yaoundé II, Cameroun — 2012
            """)
        #expect(output.education.first?.institution == "Université de Yaoundé II")
        #expect(output.education.first?.location == "Cameroun")
    }

    @Test func aGenericWordOrACourseIsNoSchool() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION

            Higher Secondary Certificate
            STATE
            2009

            Diploma in Networking
            Training Program
            2011

            B Tech in Civil Engineering
            College of Engineering - Guindy, Tamil Nadu
            2015
            """)
        #expect(output.education.map(\.institution) == [nil, nil, "College of Engineering"])
        #expect(output.education.map(\.degree) == ["Higher Secondary Certificate", "Diploma in Networking", "B Tech in Civil Engineering"])
    }

    @Test func degreesAndSchoolsNamedAsTheirCountriesNameThem() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            MPharm, Contoso College of Pharmacy, Dublin — 2016
            BCompt Honours – Fabrikam University – 2014
            National Senior Certificate (Matric) – Hoërskool Woodgrove – 2010
            Leaving Certificate, Coláiste Litware, Galway — 2008
            """)
        #expect(output.education.map(\.degree) == ["MPharm", "BCompt Honours", "National Senior Certificate (Matric)", "Leaving Certificate"])
        #expect(output.education.map(\.level) == [.master, .bachelor, .highSchool, .highSchool])
        #expect(output.education.map(\.institution) == ["Contoso College of Pharmacy", "Fabrikam University", "Hoërskool Woodgrove", "Coláiste Litware"])
    }

    @Test func aSubjectAfterTheDegreesDashIsNoPlace() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            Education
            Bachelor of Science in Game Development – Programming
            Contoso University, Campus Gotland, Visby
            2013–2016
            """)
        #expect(output.education.count == 1)
        #expect(output.education.first?.institution == "Contoso University")
        #expect(output.education.first?.location != "Programming")
    }

    @Test func degreesAbroadAndARemarkInBrackets() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            LL.M. in International Business Law, Contoso College London, London, UK              2014 – 2015
            Ingeniería en Informática – Universidad Fabrikam, Santiago – 2012
            B.A. in Economics — Litware University, Haifa — 2007
            (completed during the flight academy)
            Sijil Pelajaran Malaysia (SPM), SMK Contoso, Klang, 2005
            """)
        #expect(output.education.map(\.degree) == [
            "LL.M. in International Business Law", "Ingeniería en Informática", "B.A. in Economics", "Sijil Pelajaran Malaysia (SPM)",
        ])
        #expect(output.education.map(\.level) == [.master, .bachelor, .bachelor, .highSchool])
    }

    @Test func degreesListedUnderOneSchoolAreAllItsAndTheirClassIsNoSchool() async throws {
        let output = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: """
            EDUCATION
            Contoso University, Legon
            Master of Arts in Social Work, 2020 (part-time)
            Bachelor of Arts in Social Work and Psychology, 2015 — Second Class Upper

            Fabrikam High School, Cape Coast
            WASSCE, 2011
            """)
        #expect(output.education.map(\.institution) == ["Contoso University", "Contoso University", "Fabrikam High School"])
        #expect(output.education.map(\.graduationYear) == [2020, 2015, 2011])
    }
}
