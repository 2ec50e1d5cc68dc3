import VitaeEngine
import VitaeExtraction
import Testing
@testable import VitaeAnalysis
import VitaeTesting

/// `looksLikeCompany` takes each of `companies` and none of `notCompanies`.
func expectCompanyNames(_ companies: [String], notCompanies: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for name in companies { #expect(ExperienceAnalyzer.looksLikeCompany(name), "\(name)", sourceLocation: sourceLocation) }
    for name in notCompanies { #expect(!ExperienceAnalyzer.looksLikeCompany(name), "\(name)", sourceLocation: sourceLocation) }
}

@Suite struct ExperienceTests {
    let asOf = YearMonth(year: 2024, month: 12)

    func experience(_ text: String) async throws -> ExperienceAnalyzer.Output {
        try await AnalyzerHarness.run(ExperienceAnalyzer.self, options: .init(asOf: asOf), on: .init(plainText: text))
    }

    /// The positions' titles, companies and places, in order.
    func expectPositions(
        _ output: ExperienceAnalyzer.Output, titles: [String?], companies: [String?], locations: [String?],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(output.experience.map(\.title) == titles, sourceLocation: sourceLocation)
        #expect(output.experience.map(\.company) == companies, sourceLocation: sourceLocation)
        #expect(output.experience.map(\.location) == locations, sourceLocation: sourceLocation)
    }

    @Test func overlappingPositionsAreCountedOnce() async throws {
        let output = try await experience("""
            Ann Lee
            EXPERIENCE
            Senior Engineer, Acme Corp, Boston, MA, Jan 2020 - Dec 2021
            Consultant, Beta LLC, Boston, MA, Jan 2021 - Jun 2022
            Engineer, Gamma Inc., Austin, TX, Jan 2015 - Dec 2015
            """)
        #expect(output.experience.count == 3)
        // Jan 2020 - Jun 2022 is 30 months, plus 12 in 2015; the 12 overlapping months count once.
        #expect(output.totalExperienceMonths == 42)
    }

    @Test func presentMeansCurrentWithNoEnd() async throws {
        let output = try await experience("EXPERIENCE\nSoftware Engineer\nStripe\nJan 2023 - Present\nSan Francisco, CA\n")
        let position = try #require(output.experience.first)
        #expect(position.title == "Software Engineer")
        #expect(position.company == "Stripe")
        #expect(position.start == YearMonth(year: 2023, month: 1))
        #expect(position.end == nil)
        #expect(position.current)
        #expect(output.totalExperienceMonths == 24)
    }

    @Test func titleAndCompanyAreToldApartInEitherOrder() async throws {
        let output = try await experience("WORK EXPERIENCE\nABC Company\nSoftware Engineer\n\nMay 2023 - Present\n")
        #expect(output.experience.first?.title == "Software Engineer")
        #expect(output.experience.first?.company == "ABC Company")
    }

    @Test func oneEmployerKeepsOneSpelling() async throws {
        let output = try await experience("""
            EXPERIENCE
            Senior Systems Engineer, Infosys Limited, Jan 2020 - Dec 2021
            Systems Engineer, INFOSYS, Jan 2017 - Dec 2019
            Analyst, Oracle India Pvt Ltd, Jan 2015 - Dec 2016
            Intern, Oracle, Jan 2014 - Jun 2014
            """)
        #expect(output.experience.map(\.company) == ["Infosys Limited", "Infosys Limited", "Oracle India Pvt Ltd", "Oracle India Pvt Ltd"])
    }

    @Test func aHeadingLineWithDatesTakesTheMissingNameFromTheLineUnderIt() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            Kent State University, Kent, Ohio August 2015 - Present
            Resident Advisor
            • Organised a fundraiser for 200 attendees, raising $500 for community charity.
            Senior Software Engineer Jan 2023 - Present
            Stripe
            • Built a fraud detection pipeline
            Dean's List Fall 2013 - Spring 2014
            ON CAMPUS INVOLVEMENT
            """)
        #expect(output.experience.map(\.title) == ["Resident Advisor", "Senior Software Engineer", "Dean's List"])
        #expect(output.experience.map(\.company) == ["Kent State University", "Stripe", nil])
        #expect(output.experience.first?.location == "Kent, Ohio")
    }

    /// With no experience heading every section is searched, but an honour's or a certificate's dates
    /// date no job.
    @Test func withoutAnExperienceHeadingHonoursAndCertificatesAreNoPositions() async throws {
        let output = try await experience("""
            EDUCATION
            Riverside College, Springfield, IL Expected Graduation: May 2027
            HONORS/AWARDS
            President's Honor Roll Fall 2024 – Spring 2025
            CERTIFICATIONS
            First Aid and CPR, Red Cross June 2024 – June 2026
            CAMPUS INVOLVEMENT
            Chess Club, Riverside College September 2024 – Present
            Treasurer
            • Kept the accounts of a club of 40 members
            """)
        #expect(output.experience.map(\.title) == ["Treasurer"])
        #expect(output.experience.map(\.company) == ["Chess Club"])
    }

    @Test func aHeadingLineWithDatesTakesTheCompanyAboveOrThePlaceBelow() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            ABC Company
            Software Engineer May 2023 - Present
            • Led a cross-functional team of 5 engineers in developing a search bar
            Senior Data Engineer, Northwind Freight Mar 2021 - Apr 2023
            Seattle, WA
            • Designed a streaming platform
            """)
        expectPositions(
            output,
            titles: ["Software Engineer", "Senior Data Engineer"],
            companies: ["ABC Company", "Northwind Freight"],
            locations: [nil, "Seattle, WA"])
    }

    @Test func aHeadingLineEndingInOneMonthOrSeasonIsAShortStint() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            DEF Organization
            Software Engineer Intern Summer 2022
            • Re-architected the content editor to be mobile responsive
            Research Assistant, XYZ University March 2021
            • Awarded a prize in March 2020
            """)
        #expect(output.experience.map(\.title) == ["Software Engineer Intern", "Research Assistant"])
        #expect(output.experience.map(\.company) == ["DEF Organization", "XYZ University"])
        #expect(output.experience.first?.start == YearMonth(year: 2022, month: 6))
        #expect(output.experience.first?.end == YearMonth(year: 2022, month: 8))
        #expect(output.experience.last?.end == YearMonth(year: 2021, month: 3))
        #expect(output.totalExperienceMonths == 4)
    }

    @Test func aSeasonalJobOverSeveralYearsRunsFromTheFirstSeasonToTheLast() async throws {
        let output = try await experience("""
            VOLUNTEER EXPERIENCE
            Harbor Aquatics Club, Salem, OR\tSummer 2019, 2020
            Lifeguard
            • Watched over swimmers of all ages
            """)
        let position = try #require(output.experience.first)
        #expect(output.experience.count == 1)
        #expect(position.title == "Lifeguard")
        #expect(position.company == "Harbor Aquatics Club")
        #expect(position.start == YearMonth(year: 2019, month: 6))
        #expect(position.end == YearMonth(year: 2020, month: 8))
        #expect(DateRanges.trailingMonth(in: "Camp Counselor  Summers 2016 and 2018")?.end == YearMonth(year: 2018, month: 8))
    }

    @Test func aCityNamedElsewhereEndsACompanyRunIntoIt() async throws {
        let text = """
            John Doe
            john.doe@email.com , San Francisco, CA
            EXPERIENCE
            Senior Software Engineer Jan 2023 - Present
            Stripe San Francisco, CA
            • Designed a fraud detection pipeline
            Software Engineer Jun 2021 - Dec 2022
            Figma Widgets Mountain View, CA
            """
        let output = try await AnalyzerHarness.run(
            ExperienceAnalyzer.self, options: .init(asOf: asOf), on: .init(plainText: text),
            after: [AnalyzerStep<SectionsAnalyzer>(options: .init()), AnalyzerStep<ContactAnalyzer>(options: .init())])
        #expect(output.experience.first?.company == "Stripe")
        #expect(output.experience.first?.location == "San Francisco, CA")
        // A city named nowhere else gives no cue where the name ends.
        #expect(output.experience.last?.company == nil)
    }

    @Test func aProjectRoleRepeatingTheDatedTitleIsNoPositionOfItsOwn() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            SAP SD lead
            Acme IT -
            January 2015 to Present
            Project: Billing rollout
            Role: SAP SD lead
            Project: Go-live
            Role: Cutover Manager
            """)
        #expect(output.experience.map(\.title) == ["SAP SD lead", "Cutover Manager"])
    }

    @Test func namesAfterASeparatorNeedARegionToBeAPlace() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            Sales Trainee
            Apple , Google, Microsoft -
            2017 to Present
            Sales Executive
            Al Futtaim - Dubai, AE -
            January 2015 to December 2016
            """)
        #expect(output.experience.map(\.location) == [nil, "Dubai, AE"])
    }

    @Test func anAtSignFollowedByASpaceMeansAt() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            Process Associate@ Infosys
            HR SPOC -  Bengaluru, Karnataka -
            May 2011 to June 2012
            """)
        #expect(output.experience.first?.title == "Process Associate")
        #expect(output.experience.first?.company == "Infosys")
    }

    @Test func aPhraseAboutATopicIsNoTitle() async throws {
        #expect(!JobTitles.looksLikeTitle("Exchange Server Knowledge"))
        #expect(JobTitles.looksLikeTitle("Exchange Server Administrator"))
        let output = try await experience("""
            WORK EXPERIENCE
            Exchange Server Knowledge
            ➢ Exchange Server 2010
            ➢ Exchange Server 2013
            """)
        #expect(output.experience.isEmpty)
    }

    @Test func positionsAfterASkillsHeadingTypedBetweenThemArePositions() async throws {
        let text = """
            WORK EXPERIENCE
            Architect
            Acme India -  Hyderabad, Telangana -
            February 2016 to Present
            • Led the DevOps programme.
            Key Skills
            Sr consultant
            Acme India -  Hyderabad, Telangana -
            June 2008 to March 2016
            Sr Test Engineer
            Acme India -  Hyderabad, Telangana -
            February 2005 to June 2008
            SQL Server 2014, Test automation using Selenium.
            """
        let output = try await experience(text)
        #expect(output.experience.map(\.title) == ["Architect", "Sr consultant", "Sr Test Engineer"])
        let skills = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: text)).skills.map(\.name)
        #expect(!skills.contains("Sr consultant") && !skills.contains("Acme India"))
        #expect(skills.contains("Selenium"))
    }

    @Test func indeedLayoutNamesTheCompanyOnTheDashedLine() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            App develop
            Microsoft -
            August 2016 to Present
            Hyderabad from Nov 2011 to Feb 2016
            """)
        #expect(output.experience.count == 1)  // "Hyderabad from" is the middle of a sentence
        #expect(output.experience.first?.title == "App develop")
        #expect(output.experience.first?.company == "Microsoft")
    }

    @Test func indeedTitleWithItsFieldAfterADashIsOneTitle() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            Staff Engineer - Payments & Billing
            Northwind Freight -
            March 2019 to Present
            Analyst - Acme Corp
            Beta Labs -
            June 2016 to February 2019
            """)
        #expect(output.experience.map(\.title) == ["Staff Engineer - Payments & Billing", "Analyst"])
        #expect(output.experience.first?.company == "Northwind Freight")
        #expect(!ExperienceAnalyzer.isTitleWithItsField("Analyst - Acme Corp"))
        #expect(!ExperienceAnalyzer.isTitleWithItsField("Analyst - Seattle, WA"))
        #expect(!ExperienceAnalyzer.isTitleWithItsField("Analyst - Pune"))
        // Two capitalised words after the dash are a function, not a town nobody knows.
        #expect(ExperienceAnalyzer.isTitleWithItsField("Officer - Customer Service"))
    }

    @Test func indeedRolesHeldTogetherAreOneTitleLine() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            Lead Architect / Product Owner, Scrum Master, Consultant
            Northwind Traders -
            May 2012 to Present
            Testing Executive, Contoso Ltd, Chennai
            Beta Publishing -
            May 2009 to April 2012
            """)
        #expect(output.experience.map(\.title) == ["Lead Architect / Product Owner, Scrum Master, Consultant", "Testing Executive"])
        #expect(output.experience.first?.company == "Northwind Traders")
    }

    @Test func aCompanyAsATitleNamesBoth() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            Contoso group as a Test Analyst - Contoso Ltd, Apr 2018 - Present
            NORTHWIND as Process Associate, Jan 2016 - Mar 2018
            """)
        #expect(output.experience.map(\.title) == ["Test Analyst", "Process Associate"])
        // The company before "as" gives way to one the line names after a separator.
        #expect(output.experience.map(\.company) == ["Contoso Ltd", "NORTHWIND"])
    }

    @Test func sentenceDatesBracketsAndFirstPersonLinesMakeNoNames() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            Senior Travel Operations (Domestic, International & Leisure)
            International Travel House Limited -
            May 2015 to Present
            Hyderabad from Nov 2011 to Feb17 2016
            Beta Tester
            Microsoft -
            January 2018 to Present
            I am a beta tester
            """)
        // A date after "from" is mid-sentence even though "Feb17" leaves a stray year; commas inside
        // brackets do not split a title; "I am …" is a sentence, not an undated title.
        #expect(output.experience.map(\.title) == ["Senior Travel Operations (Domestic, International & Leisure)", "Beta Tester"])
        #expect(output.experience.map(\.company) == ["International Travel House Limited", "Microsoft"])
        #expect(ExperienceAnalyzer.withoutStrayOpeningBracket("Production Support Analyst (Microsoft") == "Production Support Analyst")
        #expect(!ExperienceAnalyzer.isNamePart("Switching Router)"))
    }

    /// After "at" the company comes before the city; after a title and a company, a third name is the town.
    @Test(arguments: [
        ("Test Analyst at Oracle, Hyderabad, Nov 2011 - Feb 2016", "Test Analyst", "Oracle", "Hyderabad"),
        ("Product Manager, Contoso, Lyon — Sep 2019 – Present", "Product Manager", "Contoso", "Lyon"),
    ])
    func titleCompanyAndTownOnOneDatedLine(line: String, title: String, company: String, town: String) async throws {
        let output = try await experience("EXPERIENCE\n\(line)\n")
        let position = try #require(output.experience.first)
        #expect(position.title == title)
        #expect(position.company == company)
        #expect(position.location == town)
    }

    @Test func numberedCompanyLabelAndItsCity() async throws {
        let output = try await experience("""
            EXPERIENCE
            Company 1: Oracle India Private Limited, Bangalore
            Designation: Principal Engineer Technical Staff
            Duration: September 2005 - December 2010
            """)
        let position = try #require(output.experience.first)
        #expect(position.company == "Oracle India Private Limited")
        #expect(position.location == "Bangalore")
        #expect(position.title == "Principal Engineer Technical Staff")
    }

    @Test func monthsRegionsAndPlaceholdersAreNotCompanies() {
        #expect(!ExperienceAnalyzer.looksLikeCompany("February"))
        #expect(!ExperienceAnalyzer.looksLikeCompany("Karnataka"))
        #expect(!ExperienceAnalyzer.looksLikeCompany("Company Name"))
        #expect(ExperienceAnalyzer.looksLikeCompany("Marchex"))
    }

    @Test func jobRoleLabelNamesTheTitle() async throws {
        let output = try await experience("EXPERIENCE\nKotak Mahindra Bank\nJob role: Branch Manager\nJan 2015 - Dec 2016\n")
        #expect(output.experience.first?.title == "Branch Manager")
        #expect(output.experience.first?.company == "Kotak Mahindra Bank")
    }

    @Test func samplePositions() async throws {
        let output = try await AnalyzerHarness.run(
            ExperienceAnalyzer.self, options: .init(asOf: asOf), on: try Fixtures.document("bruce_wayne_fullstack"))
        #expect(output.experience.map(\.company) == ["OpenAI", "Uber", "Facebook"])
        #expect(output.experience.map(\.title) == ["MERN Stack Developer", "Full Stack Developer", "Software Developer"])
        #expect(output.experience.first?.location == "San Francisco, USA")
        #expect(output.experience.map { $0.start?.description } == ["2020-06", "2015-07", "2012-06"])
    }

    @Test func encodesMonthsAsTextAndOmitsNothingButTheEnd() async throws {
        let output = try await experience("EXPERIENCE\nAnalyst, Acme Corp, Mar 2020 - Present\n")
        let json = try JSONValue(encoding: output)
        let position = try #require(json["experience"]?.arrayValue?.first)
        #expect(position["start"]?.stringValue == "2020-03")
        #expect(position["end"] == nil || position["end"] == .null)
        #expect(position["current"] == .bool(true))
        #expect(position["title"]?.stringValue == "Analyst")
        #expect(position["company"]?.stringValue == "Acme Corp")
    }
}

@Suite struct ExperienceCompanyNameTests {
    func experience(_ text: String) async throws -> ExperienceAnalyzer.Output {
        try await AnalyzerHarness.run(ExperienceAnalyzer.self, options: .init(asOf: YearMonth(year: 2024, month: 12)), on: .init(plainText: text))
    }

    @Test func indeedDashedLineNamesTheEmployerWhenTheTitleLineNamesASkill() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Linux, Batch Scheduler

            Northwind Traders Limited -

            March 2016 to Present

            Test Analyst at Contoso, Pune

            Fabrikam Ltd -  Pune, Maharashtra -

            June 2012 to February 2016
            """)
        #expect(output.experience.map(\.company) == ["Northwind Traders Limited", "Contoso"])
    }

    @Test func labelsCertificationsAndSentencesAreNoCompanies() async throws {
        expectCompanyNames(
            ["Marchex", "Red Hat", "Leading Edge Ltd", "United Breweries", "Periodic Systems", "Profile Dynamics"],
            notCompanies: ["DURATION", "Period:", "Job Profile with Contoso", "CCNP", "MCSA", "Oracle Certified Professional",
                           "Microsoft Certification", "Performed four roles", "Handled three accounts"])
        let output = try await experience("""
            WORK EXPERIENCE

            Support Engineer
            DURATION
            March 2016 to Present

            Network Administrator
            CCNP
            June 2012 to February 2016

            Team Lead
            Handled three accounts
            May 2010 to May 2012
            """)
        #expect(output.experience.map(\.title) == ["Support Engineer", "Network Administrator", "Team Lead"])
        #expect(output.experience.allSatisfy { $0.company == nil })
    }

    @Test func aWholeCompanyNameIsNotMergedIntoALongerOne() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Technical Lead

            Contoso Fabrikam -

            July 2015 to Present

            Software Engineer

            Contoso Group -

            May 2012 to June 2015

            Software Engineer

            Northwind Traders Ltd -

            Jan 2010 to April 2012

            Intern

            NORTHWIND TRADERS -

            Jan 2009 to Dec 2009
            """)
        #expect(output.experience.map(\.company) == ["Contoso Fabrikam", "Contoso Group", "Northwind Traders Ltd", "Northwind Traders Ltd"])
    }
}

extension ExperienceTests {
    @Test func aDutyWrittenAsAnOrderIsNoTitleOrCompany() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Accounts Executive

            Lakeside Traders Pvt Ltd -

            March 2016 to Present

            Duties:
            Update the vendor ledger daily
            Clear the pending invoices

            Accounts Executive
            Archive the old records
            """)
        #expect(output.experience.compactMap(\.company) == ["Lakeside Traders Pvt Ltd"])
        #expect(!output.experience.contains { $0.title?.contains("the") == true })
    }

    @Test func bracketsAroundTheDatesGoWithThem() async throws {
        let output = try await experience("""
            EXPERIENCE
            Data Analyst (March 2015 - June 2017), Globex Ltd, Pune, Maharashtra
            """)
        #expect(output.experience.first?.title == "Data Analyst")
        #expect(output.experience.first?.company == "Globex Ltd")
    }

    @Test func datesSaidAgainUnderAPlaceAreNoSecondPosition() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Operations Analyst

            Harbor Freight Lines -  Chennai, Tamil Nadu -

            March 2014 to August 2016

            Chennai
            (Mar 2014 - Aug 2016)

            • Reconciled shipping ledgers
            """)
        #expect(output.experience.count == 1)
        #expect(output.experience.compactMap(\.company) == ["Harbor Freight Lines"])
    }

    @Test func aLabelOrAnOfficeBeforeTheCompanyIsNoPartOfIt() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Operations Executive

            Job Profile in Bluewater Logistics Pvt Ltd -

            June 2016 to Present

            Ticketing Agent

            Head Office of Skyline Tours Ltd -  Mysore, Karnataka -

            March 2013 to May 2016
            """)
        #expect(output.experience.map(\.company) == ["Bluewater Logistics Pvt Ltd", "Skyline Tours Ltd"])
    }

    @Test func aToolsTableOrAProjectsHeadingIsNoPosition() async throws {
        #expect(!JobTitles.looksLikeTitle("PROFESSIONAL EXPOSURE"))
        let output = try await experience("""
            WORK EXPERIENCE

            QA Analyst

            Brightline Systems -  Pune, Maharashtra -

            April 2017 to Present

            Defect Tracking Tool

            BugNest -

            2015 to 2015

            PROFESSIONAL EXPOSURE
            Mobile Banking Projects

            Riverbank Credit Union -

            2014 to 2014
            """)
        #expect(output.experience.compactMap(\.title) == ["QA Analyst"])
        // The projects were done for Riverbank, a client: no employer either.
        #expect(output.experience.compactMap(\.company) == ["Brightline Systems"])
    }

    @Test func aCommitteeMembershipIsNoPosition() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Member of Technical Staff

            Fernbrook Networks -

            July 2019 to Present

            Member of Sports Committee in TECHFEST

            Youth Welfare Society -

            2016 to 2017

            Member of the Literary Club
            """)
        #expect(output.experience.map(\.title) == ["Member of Technical Staff"])
        #expect(output.experience.map(\.company) == ["Fernbrook Networks"])
    }

    @Test func aBareMemberTitleUnderAClubIsNoPosition() async throws {
        let output = try await experience("""
            CAMPUS INVOLVEMENT
            Robotics Society, Westfield University\tSeptember 2020 – Present
            Member
            • Built a line-following robot for the spring fair
            Student Ambassador, Westfield University\tJanuary 2021 – May 2022
            """)
        #expect(output.experience.map(\.title) == ["Student Ambassador"])
    }

    @Test func aBandOrGradeTypedWithTheTitleIsNoPartOfIt() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Grade C2/ Designation P3 / Cloud Architect -

            Meridian Softworks Ltd -

            May 2015 to Present

            Level 2 Support Engineer / Team Lead -

            Meridian Softworks Ltd -

            June 2012 to April 2015
            """)
        #expect(output.experience.map(\.title) == ["Cloud Architect", "Level 2 Support Engineer / Team Lead"])
    }

    @Test func aValueWhoseLabelIsInAnotherColumnIsNoName() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            QA Analyst
            Brightline Systems -
            April 2015 to Present

            Project Name: Loan Origination
            Platform
            Test Utilities
            Duration
            : Windows Server 2012
            : WinSCP, PuTTY
            : Mar 2016 - Oct 2016
            """)
        #expect(output.experience.compactMap(\.company) == ["Brightline Systems"])
    }

    @Test func aCourseIsNoEmployer() async throws {
        #expect(!ExperienceAnalyzer.looksLikeCompany("Cloud Foundation Programme"))
        #expect(ExperienceAnalyzer.looksLikeCompany("Programmed Systems"))
        let output = try await experience("""
            WORK EXPERIENCE

            Trainee

            Data Science Bootcamp -  Nagpur, Maharashtra -

            2019 to 2019
            """)
        #expect(output.experience.allSatisfy { $0.company == nil })
    }

    @Test func aDashTypedAgainstTheTitleStillSeparatesTheCompany() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Accounts Officer- Greenfield Agro

            Greenfield Agro Pvt Ltd -  Nashik, Maharashtra -

            January 2014 to March 2016
            """)
        #expect(output.experience.first?.title == "Accounts Officer")
    }

    @Test func aProgramOnTheTitleLineIsNoTitle() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            ms excel

            Lotus Retail -  Nellore, Andhra Pradesh -

            June 2017 to Present

            Digital Marketing

            Bright Ads -  Nellore, Andhra Pradesh -

            June 2015 to May 2017
            """)
        #expect(output.experience.map(\.title) == [nil, "Digital Marketing"])
        #expect(output.experience.map(\.company) == ["Lotus Retail", "Bright Ads"])
    }

    @Test func aJobWishedForIsNoPosition() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Looking for a better package

            Contoso, Fabrikam -

            2019 to Present

            Store Manager

            Northwind Retail -  Pune, Maharashtra -

            June 2015 to May 2019
            """)
        #expect(output.experience.map(\.title) == ["Store Manager"])
        #expect(output.experience.map(\.company) == ["Northwind Retail"])
    }

    @Test func selfEmploymentIsNoEmployerAndWhereItWasIsNoPartOfTheTitle() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Self-employed in Family Trade

            SELF EMPLOYED -

            March 2018 to Present

            Photographer

            Freelance -  Kochi, Kerala -

            June 2015 to February 2018
            """)
        #expect(output.experience.map(\.title) == ["Self-employed", "Photographer"])
        #expect(output.experience.allSatisfy { $0.company == nil })
    }

    @Test func aSentenceTypedIntoTheCompanySlotEndsBeforeItsLowerCaseWords() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            online typing job at home

            Contoso and copy past -  Mohali, Punjab -

            August 2019 to July 2020
            """)
        #expect(output.experience.first?.company == "Contoso")
        #expect(ExperienceAnalyzer.withoutLowerCaseTail("Larsen and Toubro") == "Larsen and Toubro")
    }

    @Test func aProductModuleInTheCompanySlotIsNoEmployer() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            SAP MM Consultant

            SAP MM -  Pune, Maharashtra -

            June 2016 to Present

            Consultant

            SAP ABAP -

            May 2014 to May 2016
            """)
        #expect(output.experience.map(\.title) == ["SAP MM Consultant", "Consultant"])
        #expect(output.experience.allSatisfy { $0.company == nil })
        #expect(output.experience.first?.location == "Pune, Maharashtra")
        for name in ["SAP Labs", "SAP SE", "SAP India", "Salesforce"] {
            #expect(!ExperienceAnalyzer.namesAProductModule(name), "\(name)")
        }
    }

    @Test func titleWordsRunTogetherInCapitalsAreNoCompany() async throws {
        expectCompanyNames(
            ["MICROSOFT", "SALESFORCE", "INFOTECH", "ACCENTURE", "GENPACT", "INFOSYS"],
            notCompanies: ["SALESOFFICER", "ACCOUNTSMANAGER", "MARKETINGCO"])
        // The title and company typed in each other's place: the company is on the title line.
        let output = try await experience("""
            WORK EXPERIENCE

            Tailspin traders

            SALESOFFICER -

            July 2010 to July 2012
            """)
        #expect(output.experience.first?.company == "Tailspin traders")
    }

    @Test func aClientTypedAfterTheEmployerIsNoPartOfItsName() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Technical Lead

            Northwind Fabrikam -  Bengaluru, Karnataka -

            July 2012 to September 2015

            Client Fabrikam Networks
            • Tested the carrier transport features.

            Test Engineer

            Litware Group -

            May 2009 to June 2012
            """)
        #expect(output.experience.map(\.company) == ["Northwind", "Litware Group"])
    }

    @Test func toolsListedInTheCompanySlotAreNoEmployer() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Network Administrator

            FTP and SMTP -

            2008 to 2010
            """)
        #expect(output.experience.first?.title == "Network Administrator")
        #expect(output.experience.first?.company == nil)
        #expect(!ExperienceAnalyzer.listsASoftware("Larsen and Toubro"))
    }

    @Test func aCompanyTypedInLowerCaseTakesTheFullNameTheSectionWrites() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Associate Software Engineer

            litware

            • Associate Software Engineer in Litware India Pvt Ltd. (through a staffing agency)
            • Maintained the reporting scripts.
            """)
        #expect(output.experience.first?.company == "Litware India Pvt Ltd")
    }

    @Test func whenTheJobWasHeldIsNoPartOfTheTitle() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Polling Officer during the state elections

            Election Commission -

            April 2019 to May 2019
            """)
        #expect(output.experience.first?.title == "Polling Officer")
    }

    @Test func anUndatedTitleEndsAtItsSeparator() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Support Analyst

            Harbor Networks Ltd -  Pune, Maharashtra -

            May 2016 to Present

            Support Analyst - Fabrikam Client
            • Handled escalations for the client's retail stores.

            Lead Engineer - Automation & Testing

            Harbor Networks Ltd -

            June 2012 to April 2016

            Lead Engineer - Automation & Testing
            • Automated the regression suite.
            """)
        #expect(output.experience.map(\.title) == ["Support Analyst", "Lead Engineer - Automation & Testing"])
    }

    @Test func howLongTheJobWasHeldIsNoPartOfTheTitle() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            8years Night Watchman at Contoso Mills

            Shieldwell Services -  Nagpur, Maharashtra -

            February 2010 to May 2018
            """)
        #expect(output.experience.first?.title?.hasPrefix("Night Watchman") == true)
    }

    @Test func theEmployerInBracketsWinsOverTheClientLine() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Test Lead (Northwind)

            Client Fabrikam Networks -

            May 2009 to June 2012
            """)
        #expect(output.experience.first?.title == "Test Lead")
        #expect(output.experience.first?.company == "Northwind")
    }

    func experienceAfterContact(_ text: String) async throws -> ExperienceAnalyzer.Output {
        try await AnalyzerHarness.run(
            ExperienceAnalyzer.self, options: .init(asOf: asOf), on: .init(plainText: text),
            after: [AnalyzerStep<SectionsAnalyzer>(options: .init()), AnalyzerStep<ContactAnalyzer>(options: .init())])
    }

    @Test func theHeadlineUnderTheNameIsTheCurrentTitle() async throws {
        let output = try await experienceAfterContact("""
            Dana Whitfield
            Risk Modelling Analyst

            Pune, Maharashtra - Email me on Indeed: indeed.com/r/Dana-Whitfield/0a1b2c3d

            WORK EXPERIENCE

            Software Engineer

            Fabrikam Labs -  Pune, Maharashtra -

            April 2005 to April 2006
            """)
        #expect(output.experience.map(\.title) == ["Risk Modelling Analyst", "Software Engineer"])
        // The job held last, as the headline words it: its months count once, no undated position.
        #expect(output.experience.first?.start == YearMonth(year: 2005, month: 4))
        #expect(output.experience.first?.end == YearMonth(year: 2006, month: 4))
        #expect(output.totalExperienceMonths == 13)
        // Marked as the headline's, and not one of the positions the resume lists.
        #expect(output.experience.map(\.source) == [.headline, nil])
        #expect(output.listedPositions.map(\.title) == ["Software Engineer"])
    }

    @Test func aHeadlineEndsAtTheAddressAndGoesOnWhereItWrapped() async throws {
        let output = try await experienceAfterContact("""
            Dana Whitfield
            Release Manager
            Silicon Valley, CA, USA
            (123) 456-7890
            """)
        #expect(output.experience.map(\.title) == ["Release Manager"])
        let wrapped = try await experienceAfterContact("""
            Lee Marsh
            Trainer - Northwind Learning
            limited

            Pune, Maharashtra - lee@example.com

            WORK EXPERIENCE

            Teller

            Contoso Bank -  Pune, Maharashtra -

            April 2005 to April 2006
            """)
        #expect(wrapped.experience.first?.company == "Northwind Learning limited")
    }

    @Test func aHeadlineRestatingAPositionAddsNone() async throws {
        let output = try await experienceAfterContact("""
            Dana Whitfield
            Lead Engineer - Fabrikam Labs

            Pune, Maharashtra - Email me on Indeed: indeed.com/r/Dana-Whitfield/0a1b2c3d

            WORK EXPERIENCE

            Lead Engineer - Automation & Testing

            Fabrikam Labs -  Pune, Maharashtra -

            April 2015 to Present
            """)
        #expect(output.experience.count == 1)
    }

    @Test func aHeadlineNamingAPositionsSpecialtyInOtherWordsAddsNone() async throws {
        let output = try await experienceAfterContact("""
            Dana Whitfield
            Back-End Developer
            Pune, Maharashtra - dana@example.com

            EXPERIENCE
            Software Engineer (Back-End), Fabrikam Labs, Pune, India\tMarch 2021 – Present
            """)
        #expect(output.experience.map(\.title) == ["Software Engineer (Back-End)"])
        // A rank shared is no specialty: "Senior Manager" is another job than "Senior Engineer".
        let other = try await experienceAfterContact("""
            Dana Whitfield
            Senior Manager
            Pune, Maharashtra - dana@example.com

            EXPERIENCE
            Senior Engineer, Fabrikam Labs, Pune, India\tMarch 2021 – Present
            """)
        #expect(other.experience.map(\.title) == ["Senior Manager", "Senior Engineer"])
    }

    @Test func aHeadlineSummingUpACareerIsNoTitle() async throws {
        let summaries = [
            "Cloud Developer with 9 Yrs 8 months of working experience in .NET",
            "6+ Exp in retail operations and credit assessment",
            "A Dev-Test Professional looking for SDET roles",
            "Decisive, data driven and results-oriented professional offering\n13 years of leadership in retail",
        ]
        for summary in summaries {
            let output = try await experienceAfterContact("""
                Dana Whitfield
                \(summary)

                Pune, Maharashtra - dana@example.com

                WORK EXPERIENCE

                Software Engineer

                Fabrikam Labs -  Pune, Maharashtra -

                April 2015 to Present
                """)
            #expect(output.experience.map(\.title) == (summary.hasPrefix("Cloud") ? ["Cloud Developer", "Software Engineer"] : ["Software Engineer"]), "\(summary)")
        }
    }

    @Test func theOpeningLinesOfAnExperienceSectionWithoutDatesAreTitleAndCompany() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            fresher job

            Contoso -  Nagpur, Maharashtra

            Any post
            """)
        #expect(output.experience.first?.title == "fresher job")
        #expect(output.experience.first?.company == "Contoso")
        #expect(output.experience.first?.location == "Nagpur, Maharashtra")
        // A sentence about the job names the employer, no title.
        let sentence = try await experience("""
            WORK EXPERIENCE

            Presently completed 6 months internship at CONTOSO

            CONTOSO
            """)
        #expect(sentence.experience.map(\.company) == ["CONTOSO"])
        #expect(sentence.experience.first?.title == nil)
        // A skills list wrapped onto the next line names no employer.
        let list = try await experience("""
            WORK EXPERIENCE

            Microsoft Excel, Microsoft Word, File Management,
            Internet Use and C
            """)
        #expect(list.experience.isEmpty)
    }

    @Test func aHeadlineOfAFewWeakTitleWordsIsStillTheTitle() async throws {
        for (headline, titles) in [("Student", ["Student"]), ("Need job urgently", [])] {
            let output = try await experienceAfterContact("""
                Dana Whitfield
                \(headline)

                Pune, Maharashtra - dana@example.com

                EDUCATION

                BE in Civil Engineering
                """)
            #expect(output.experience.map(\.title) == titles, "\(headline)")
            #expect(output.experience.allSatisfy { $0.company == nil })
        }
    }

    @Test func theEmployerIsTheNameBeforeIn() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Security Officer

            Contoso Guarding in Fabrikam -  Pune, Maharashtra -

            April 2012 to May 2016
            """)
        #expect(output.experience.map(\.company) == ["Contoso Guarding"])
        #expect(ExperienceAnalyzer.withoutSiteAfterIn("Worked in Pune") == "Worked in Pune")
    }

    @Test func aNumberTypedBeforeANameWrittenElsewhereWithoutItIsNoPartOfIt() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            SAP Consultant

            7 Northwind Brakes -

            March 2009 to May 2010

            Project Description: Northwind-Brakes Corporation makes brake pads.

            Shift Lead

            24 Hour Fitness -

            June 2006 to February 2009
            """)
        #expect(output.experience.map(\.company) == ["Northwind Brakes", "24 Hour Fitness"])
    }

    @Test func aVendorsTechnologyAfterTheTitleIsNoEmployer() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Web Developer – Microsoft Technology

            Fabrikam Systems -  Kolkata, West Bengal -

            January 2010 to July 2011
            """)
        #expect(output.experience.map(\.company) == ["Fabrikam Systems"])
        #expect(!ExperienceAnalyzer.namesAVendorsTechnology("Fabrikam Technologies"))
    }

    @Test func theNameWithALegalFormIsTheEmployerBesideItsClientOrDepartment() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Analyst

            Contoso Bank, Fabrikam BPO Ltd -  Bengaluru, Karnataka -

            October 2016 to May 2017

            Coordinator

            Cloud Infrastructure Services, Fabrikam BPO Ltd -  Bengaluru, Karnataka -

            December 2015 to September 2016

            Process Specialist

            Northwind Mortgage- Fabrikam BPO Ltd -  Bengaluru, Karnataka -

            November 2008 to March 2011
            """)
        #expect(output.experience.map(\.company) == ["Fabrikam BPO Ltd", "Fabrikam BPO Ltd", "Fabrikam BPO Ltd"])
        #expect(output.experience.map(\.title) == ["Analyst", "Coordinator", "Process Specialist"])
        // Two names with legal forms, or the one with it written first: the usual rule decides.
        for names in [["Contoso Ltd", "Fabrikam Pvt. Ltd."], ["Fabrikam Ltd", "Contoso Bank"], ["Fabrikam"]] {
            #expect(ExperienceAnalyzer.employerAmongClients(names) == nil, "\(names)")
        }
        #expect(ExperienceAnalyzer.employerAmongClients(["Contoso Travels", "FABRIKAM TRAVELS PVT.LTD"]) == "FABRIKAM TRAVELS PVT.LTD")
    }

    @Test func aPositionWrittenOutAgainWithTheSameMonthsIsOneJob() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Principal Engineer Technical Staff

            Contoso India Private Limited -  Bengaluru, Karnataka -

            September 2005 to Present

            Principal Engineer

            CONTOSO -

            September 2005 to Present

            Engineer

            Contoso India Private Limited -

            March 2003 to August 2005

            Test Engineer

            Contoso India Private Limited -

            March 2003 to August 2005
            """)
        // Same months, but "Engineer" and "Test Engineer" under each other: the shorter title is the
        // other's, so one job; a second job of the same months would have a title of its own.
        #expect(output.experience.map(\.title) == ["Principal Engineer Technical Staff", "Test Engineer"])
        #expect(output.experience.first?.location == "Bengaluru, Karnataka")
        let twoJobs = try await experience("""
            WORK EXPERIENCE

            Teaching Assistant

            Kent State University -

            August 2015 to May 2016

            Resident Advisor

            Kent State University -

            August 2015 to May 2016
            """)
        #expect(twoJobs.experience.map(\.title) == ["Teaching Assistant", "Resident Advisor"])
    }

    @Test func datesInASentenceWrappedOntoTheNextLineDateNoPosition() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Software Engineer

            Contoso -

            August 2008 to January 2016

            Moved the billing system to the cloud, as team lead and onsite
            coordinator (March 2011 – June 2013).
            - Won the Most Valuable Player award for excellence in project
            delivery (2015 – 2016).
            """)
        #expect(output.experience.map(\.title) == ["Software Engineer"])
        // A lower-case title under a blank line, or under a name, is a heading.
        #expect(!ExperienceAnalyzer.continuesWrappedSentence("fresher job  2017 - 2018", after: ""))
        #expect(!ExperienceAnalyzer.continuesWrappedSentence("voice and accent trainer  2014 - 2015", after: "Contoso Call Centre"))
    }

    @Test func aProgramOverItsMakerIsNoPosition() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            ms office

            Microsoft -  Cuddapah, Andhra Pradesh -

            May 2018 to Present

            Support Engineer

            Microsoft -

            May 2016 to April 2018
            """)
        #expect(output.experience.map(\.title) == ["Support Engineer"])
        #expect(output.experience.map(\.company) == ["Microsoft"])
        // A product of another maker, or a job's name, under the company stays a position's.
        #expect(!ExperienceAnalyzer.namesAProduct("ms office", ofVendor: "Contoso"))
        #expect(!ExperienceAnalyzer.namesAProduct("Support Engineer", ofVendor: "Microsoft"))
    }

    @Test func projectsInTheTitlesPlaceMakeTheCompanyAClient() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Test Engineer

            Fabrikam Ltd -  Chennai, Tamil Nadu -

            April 2017 to Present

            Software Testing Projects

            Contoso Bank -

            2015 to 2016

            Description of the Project: gifts and entertainment tracking.

            L1 Analyst in Northwind project

            Fabrikam Ltd -

            2013 to 2015
            """)
        #expect(output.experience.map(\.title) == ["Test Engineer", "L1 Analyst in Northwind project"])
        #expect(output.experience.map(\.company) == ["Fabrikam Ltd", "Fabrikam Ltd"])
    }

    @Test func anUndatedPositionRestatingADatedOneInAnotherSpellingAddsNone() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Senior Systems Engineer

            Contoso Limited -  Chennai, Tamil Nadu -

            February 2014 to Present

            Development, Testing, Support

            Senior system engineer

            Contoso limited

            Development, Testing, Support
            """)
        #expect(output.experience.map(\.title) == ["Senior Systems Engineer"])
        // "Business" is no plural; another employer's same title is another job.
        #expect(ExperienceAnalyzer.singularWords(of: "Business Analysts") == ["business", "analyst"])
        func position(at company: String) -> ExperienceAnalyzer.Position {
            var position = ExperienceAnalyzer.Position(start: nil, end: nil, current: false, line: 0)
            position.company = company
            return position
        }
        #expect(ExperienceAnalyzer.namesNoOtherEmployer(position(at: "CONTOSO LTD"), than: position(at: "Contoso Limited")))
        #expect(!ExperienceAnalyzer.namesNoOtherEmployer(position(at: "Fabrikam"), than: position(at: "Contoso Limited")))
    }

    @Test func aRankAndTheFunctionItHeadsAfterACommaAreOneTitle() async throws {
        let output = try await experience("""
            EXPERIENCE
            Director, Supplier Quality, Fabrikam Foods, Jan 2018 - Dec 2021
            Intern, Brake Testing, Contoso Motors Inc., Jun 2016 - Aug 2016
            Staff Nurse, Cardiac Unit, Northwind Hospital, Jan 2014 - May 2016
            Software Engineer, Acme Corp, Jan 2012 - Dec 2013
            Intern, Litware, Jun 2011 - Aug 2011
            """)
        #expect(output.experience.map(\.title) == ["Director, Supplier Quality", "Intern, Brake Testing", "Staff Nurse, Cardiac Unit", "Software Engineer", "Intern"])
        #expect(output.experience.map(\.company) == ["Fabrikam Foods", "Contoso Motors Inc.", "Northwind Hospital", "Acme Corp", "Litware"])
    }

    @Test func aTownAfterACompanysLegalFormIsThePositionsPlace() async throws {
        let output = try await experience("""
            EXPERIENCE
            05/2019 – 12/2022
            Process Engineer
            Nordwind Anlagen GmbH, Hamburg

            01/2016 – 04/2019
            Test Engineer
            Fabrikam Werke SE, Bremen

            Data Engineer at Shopwise, Leiden (2014 – 2015)
            """)
        #expect(output.experience.map(\.company) == ["Nordwind Anlagen GmbH", "Fabrikam Werke SE", "Shopwise"])
        #expect(output.experience.map(\.location) == ["Hamburg", "Bremen", "Leiden"])
    }

    @Test func theCompanyLineAboveATitleWithDatesIsItsEmployerAndGivesItsPlace() async throws {
        let output = try await experience("""
            EXPERIENCE
            Contoso, Inc., Dayton, OH
            Plant Manager, Fabrikam Foods, 2015 – 2020
            • Ran two plants.
            """)
        let position = try #require(output.experience.first)
        #expect(position.title == "Plant Manager")
        #expect(position.company == "Contoso, Inc.")
        #expect(position.location == "Dayton, OH")
    }

    @Test func aTabBetweenColumnsSeparatesCompanyAndTitle() async throws {
        let output = try await experience("EXPERIENCE\n2019 – Present\tNorthwind\tAccount Manager\nClosed deals.\n")
        let position = try #require(output.experience.first)
        #expect(position.company == "Northwind")
        #expect(position.title == "Account Manager")
        #expect(position.current)
    }

    @Test func openEndedAndYearFirstDateFormsAreRanges() {
        func span(_ text: String) -> DateSpan? { DateRanges.spans(in: text).first }
        for text in ["Since June 2020", "since 2020", "Jun 2020 to date", "June 2020 – Date"] {
            #expect(span(text)?.start.year == 2020, "\(text)")
            #expect(span(text)?.isCurrent == true, "\(text)")
        }
        #expect(span("2015.04 - 2018.11")?.start == YearMonth(year: 2015, month: 4))
        #expect(span("2015.04 - 2018.11")?.end == YearMonth(year: 2018, month: 11))
        // "2015-16" is an academic year, no month; "Date of birth" no end.
        #expect(span("2015-16") == nil)
        #expect(span("Date of birth: 1990") == nil)
    }

    /// Dates as Spanish, French, German, Portuguese, Italian and Dutch resumes write them, and the day
    /// before the month that Europass writes.
    @Test(arguments: [
        ("marzo 2018 – actualidad", YearMonth(year: 2018, month: 3), nil),
        ("Septembre 2016 – présent", YearMonth(year: 2016, month: 9), nil),
        ("Juin 2013 – Août 2016", YearMonth(year: 2013, month: 6), YearMonth(year: 2016, month: 8)),
        ("03/2019 – heute", YearMonth(year: 2019, month: 3), nil),
        ("März 2015 bis Dezember 2018", YearMonth(year: 2015, month: 3), YearMonth(year: 2018, month: 12)),
        ("enero 2015 a febrero 2018", YearMonth(year: 2015, month: 1), YearMonth(year: 2018, month: 2)),
        ("setembro de 2017 – atual", YearMonth(year: 2017, month: 9), nil),
        ("Depuis mars 2020", YearMonth(year: 2020, month: 3), nil),
        ("01/03/2019 – CURRENT", YearMonth(year: 2019, month: 3), nil),
        ("01.05.2015 – 28.02.2019", YearMonth(year: 2015, month: 5), YearMonth(year: 2019, month: 2)),
        ("maggio 2014 – ottobre 2016", YearMonth(year: 2014, month: 5), YearMonth(year: 2016, month: 10)),
        ("mei 2012 tot januari 2014", YearMonth(year: 2012, month: 5), YearMonth(year: 2014, month: 1)),
    ] as [(String, YearMonth?, YearMonth?)])
    func datesWrittenInOtherLanguages(_ text: String, _ start: YearMonth?, _ end: YearMonth?) {
        let span = DateRanges.spans(in: text).first
        #expect(span?.start == start)
        #expect(span?.end == end)
    }


    /// Europass: the dates and the place on one line, the title in capitals under it, then the employer.
    @Test func europassDatesWithThePlaceOverTitleAndEmployer() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            01/03/2019 – CURRENT Vienna, Austria
            SOMMELIER
            Hotel Sacher Wien
            • Managed a cellar of 1,200 labels.

            01/05/2015 – 28/02/2019 Brno, Czechia
            MAINTENANCE ELECTRICIAN
            Siemens, s.r.o.
            """)
        expectPositions(
            output,
            titles: ["SOMMELIER", "MAINTENANCE ELECTRICIAN"],
            companies: ["Hotel Sacher Wien", "Siemens, s.r.o."],
            locations: ["Vienna, Austria", "Brno, Czechia"])
        #expect(output.experience.map(\.start) == [YearMonth(year: 2019, month: 3), YearMonth(year: 2015, month: 5)])
    }

    /// "Organisation: … | Position: … | Period: …": labelled fields on one line.
    @Test func labelledFieldsOnOneLine() async throws {
        let output = try await experience("""
            EXPERIENCE
            Organisation: Ethio Telecom | Position: Network Engineer | Period: 2015 – 2019
            """)
        #expect(output.experience.map(\.title) == ["Network Engineer"])
        #expect(output.experience.map(\.company) == ["Ethio Telecom"])
    }

    /// An employer known by its initials opens a block of employer, title and town over the dates;
    /// "Brisbane QLD" is a town and its state without a comma.
    @Test func anInitialismOpensABlockAndATownTakesItsStateWithoutAComma() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            KPMG
            Senior Accountant
            Nairobi, Kenya
            2019 – Present
            • Audited 20 clients.

            Apprentice Aircraft Mechanic — Virgin Australia, Brisbane QLD — 2013–2017
            """)
        #expect(output.experience.map(\.company) == ["KPMG", "Virgin Australia"])
        #expect(output.experience.map(\.location) == ["Nairobi, Kenya", "Brisbane QLD"])
    }

    /// Bdjobs: dates with their day and "Continuing", the place on a labelled line under them.
    @Test func datesWithTheirDayAndALabelledPlaceUnderThem() async throws {
        let output = try await experience("""
            EMPLOYMENT HISTORY
            Audit Associate
            ACNABIN Chartered Accountants
            June 1, 2015 - December 31, 2018 (3 years 7 months)
            Company Location : Chattogram
            """)
        let position = try #require(output.experience.first)
        #expect(position.start == YearMonth(year: 2015, month: 6))
        #expect(position.end == YearMonth(year: 2018, month: 12))
        #expect(position.location == "Chattogram")
        #expect(DateRanges.spans(in: "January 1, 2019 - Continuing").first?.isCurrent == true)
        #expect(DateRanges.spans(in: "1st March 2019 – 30th June 2020").first?.end == YearMonth(year: 2020, month: 6))
        #expect(DateRanges.spans(in: "From: Jan 2019 To: Present").first?.start == YearMonth(year: 2019, month: 1))
    }


    /// "Company Name:" labels (Rozee), a department before its university, two months of one year,
    /// and "Al Khobar" for the list's "Khobar".
    @Test func companyNameLabelsDepartmentsMonthsOfOneYearAndArabicArticles() async throws {
        let output = try await experience("""
            EXPERIENCE
            Company Name: Habib Bank Limited
            Designation: Relationship Manager
            From: March 2018 To: Till Date

            Research Fellow, Department of Geography, University of Dhaka (2016–2018)
            3D Artist Intern – VNG Corporation (Jun – Aug 2015)
            Junior Drilling Engineer | Schlumberger | Al Khobar | 2012–2015
            """)
        #expect(output.experience.map(\.company) == ["Habib Bank Limited", "University of Dhaka", "VNG Corporation", "Schlumberger"])
        #expect(output.experience[2].start == YearMonth(year: 2015, month: 6))
        #expect(output.experience[2].end == YearMonth(year: 2015, month: 8))
        #expect(output.experience[3].location == "Al Khobar")
    }



    /// Title / dates / "KPMG, Nairobi": an employer by its initials beside its town is no place, and
    /// the block after a blank line keeps its own names.
    @Test func anInitialismBesideItsTownUnderTheDates() async throws {
        let output = try await experience("""
            WORK EXPERIENCE
            Senior Accountant
            2019 – Present
            KPMG, Nairobi

            Audit Associate
            2015 – 2019
            Deloitte, Mombasa
            """)
        #expect(output.experience.map(\.company) == ["KPMG", "Deloitte"])
        #expect(output.experience.map(\.location) == ["Nairobi", "Mombasa"])
    }

    /// Indonesian headings, months and "Sekarang"; "PT" opens a company's name.
    @Test func anIndonesianResume() async throws {
        let output = try await experience("""
            PENGALAMAN KERJA
            PT Telkom Indonesia Tbk, Bandung
            Network Engineer (Februari 2018 – Sekarang)
            """)
        #expect(output.experience.first?.company == "PT Telkom Indonesia Tbk")
        #expect(output.experience.first?.start == YearMonth(year: 2018, month: 2))
        #expect(output.experience.first?.current == true)
    }

    /// Resumes written wholly in Turkish, Polish and Vietnamese: their headings (Turkish capitals
    /// lower-case with a dot), months, words for "now", legal forms and title heads.
    @Test(arguments: [
        ("İŞ DENEYİMİ\nAselsan A.Ş. – Ankara\nKıdemli Yazılım Mühendisi | Ocak 2019 – Halen\n",
         "Kıdemli Yazılım Mühendisi", "Aselsan A.Ş.", YearMonth(year: 2019, month: 1)),
        ("DOŚWIADCZENIE ZAWODOWE\n03.2020 – obecnie   Senior QA Engineer, Comarch S.A., Kraków\n",
         "Senior QA Engineer", "Comarch S.A.", YearMonth(year: 2020, month: 3)),
        ("KINH NGHIỆM LÀM VIỆC\nFPT Software | Hà Nội\nBusiness Analyst | 06/2019 – nay\n",
         "Business Analyst", "FPT Software", YearMonth(year: 2019, month: 6)),
    ] as [(String, String, String, YearMonth)])
    func resumesInTheirOwnLanguage(_ text: String, _ title: String, _ company: String, _ start: YearMonth) async throws {
        let output = try await experience(text)
        let position = try #require(output.experience.first)
        #expect(position.title == title)
        #expect(position.company == company)
        #expect(position.start == start)
        #expect(position.current)
    }

    /// Layouts of other countries, each with its positions' titles, employers and places.
    struct LayoutAbroad: Sendable, CustomTestStringConvertible {
        var why: String
        var text: String
        var titles: [String?]
        var companies: [String?]
        var locations: [String?]
        var testDescription: String { why }
    }

    static let layoutsAbroad: [LayoutAbroad] = [
        LayoutAbroad(
            why: "A title in Spanish, French or Italian puts its head first: the words after it do not make it a company's name.",
            text: """
                EXPERIENCIA
                Analista de Calidad — Alicorp S.A.A. — Lima
                marzo 2018 – actualidad
                2015 – 2018 : Auditeur junior – Mazars, Thiès
                """,
            titles: ["Analista de Calidad", "Auditeur junior"],
            companies: ["Alicorp S.A.A.", "Mazars"],
            locations: ["Lima", "Thiès"]),
        LayoutAbroad(
            why: "\"KPMG (Nairobi)\": a town in brackets; \"bij\", \"bei\": \"at\" in Dutch and German; German titles in one word; \"Ministry of Education\": the head before \"of\" is no title's.",
            text: """
                EXPERIENCE
                Senior Accountant, KPMG (Nairobi), 2019 – present
                2016 – 2019\tData Engineer bij ING, Amsterdam
                01/2014 – 03/2016\tProjektleiterin, Siemens AG, München
                Teacher — Ministry of Education, Thimphu — 2010 – 2014
                """,
            titles: ["Senior Accountant", "Data Engineer", "Projektleiterin", "Teacher"],
            companies: ["KPMG", "ING", "Siemens AG", "Ministry of Education"],
            locations: ["Nairobi", "Amsterdam", "München", "Thimphu"]),
        LayoutAbroad(
            why: "An academic CV: the headline's role before its field restates the current appointment, and an institute's initials before its town name the employer.",
            text: """
                Dr. Fatima Zahra Benali
                Assistant Professor of Hydrology
                fz.benali@example.com

                ACADEMIC APPOINTMENTS
                2019–present   Assistant Professor, Mohammed V University, Rabat
                2016–2019      Postdoctoral Researcher, IRD Montpellier, France
                """,
            titles: ["Assistant Professor", "Postdoctoral Researcher"],
            companies: ["Mohammed V University", "IRD Montpellier"],
            locations: ["Rabat", "France"]),
        LayoutAbroad(
            why: "\"Title — Employer\" / dates, one position after another with no line between: the names above the next dates are the next position's. Dutch titles put their field after the head; a town's administration (\"Gemeente Utrecht\") is the employer, no place.",
            text: """
                WERKERVARING
                Beleidsmedewerker Duurzaamheid — Gemeente Utrecht
                januari 2019 – heden
                Projectleider — Arcadis Nederland, Amersfoort
                maart 2015 – december 2018
                """,
            titles: ["Beleidsmedewerker Duurzaamheid", "Projectleider"],
            companies: ["Gemeente Utrecht", "Arcadis Nederland"],
            locations: [nil, "Amersfoort"]),
        LayoutAbroad(
            why: "Titles in Polish, Finnish, Romanian and Spanish (\"de\" as \"of\"), none of them English words: the title is told from the employer beside it.",
            text: """
                EXPERIENCE
                2021 – obecnie    Kierownik projektu – Budimex, Warszawa
                2018 – 2021       Ohjelmistokehittäjä – Reaktor, Helsinki
                2015 – 2018       Inginer proiectant – Dacia, Pitești
                2012 – 2015       Jefa de Mantenimiento – Cementos Pacasmayo, Trujillo
                """,
            titles: ["Kierownik projektu", "Ohjelmistokehittäjä", "Inginer proiectant", "Jefa de Mantenimiento"],
            companies: ["Budimex", "Reaktor", "Dacia", "Cementos Pacasmayo"],
            locations: ["Warszawa", "Helsinki", "Pitești", "Trujillo"]),
        LayoutAbroad(
            why: "A ward before a known town after the employer and a separator, a province named with its kind; after a title, \"Adyen, Amsterdam\" is still employer and town.",
            text: """
                EXPERIENCE
                Game Designer
                Bandai Namco Studios Inc. | Koto-ku, Tokyo
                April 2018 – March 2021

                Field Engineer
                Schlumberger, Aksai, West Kazakhstan Region
                2012 – 2015

                Software Engineer | Adyen, Amsterdam | 2010 – 2012
                """,
            titles: ["Game Designer", "Field Engineer", "Software Engineer"],
            companies: ["Bandai Namco Studios Inc.", "Schlumberger", "Adyen"],
            locations: ["Koto-ku, Tokyo", "Aksai, West Kazakhstan Region", "Amsterdam"]),
        LayoutAbroad(
            why: "\"Title @ Company\" over a place and dates; an employer in capitals over a dated title; a clinic is no title; \"Our Lady\" is no first person; one date before a title and its employer.",
            text: """
                EXPERIENCE

                Software Developer @ Clio
                Burnaby, BC · Aug 2023 – present
                - Build features in the billing app.

                AGILITY LOGISTICS
                Senior Customs Broker — Aqaba — May 2019 to Jul 2023
                • Head of the customs desk.

                Physiotherapist
                Sports Surgery Clinic, Santry, Dublin · Aug 2015 – Dec 2018
                - Outpatient sports and spinal rehabilitation.

                Midwife
                Our Lady of Peace Hospital
                Manila
                August 2012 – May 2015

                Summer 2011	Intern, Arak Petrochemical Company, Arak
                """,
            titles: ["Software Developer", "Senior Customs Broker", "Physiotherapist", "Midwife", "Intern"],
            companies: ["Clio", "AGILITY LOGISTICS", "Sports Surgery Clinic", "Our Lady of Peace Hospital", "Arak Petrochemical Company"],
            locations: ["Burnaby, BC", "Aqaba", "Santry, Dublin", "Manila", "Arak"]),
        LayoutAbroad(
            why: "Labelled fields under an employer's line with its dates; an institution, its neighbourhood and its town over a dated title; a ward after the title and the employer on a one-line position.",
            text: """
                EXPERIENCE

                The Hongkong and Shanghai Banking Corporation Limited                 Jun 2021 – Present
                Position: Cyber Security Analyst
                Location: Kowloon Bay, Hong Kong
                ● L2 triage of detections.

                Reddington Hospital, Victoria Island, Lagos
                Locum Radiographer                                   Mar 2019 – Jun 2021

                07/2014 – 09/2015 | Guest Relations Agent | Mövenpick Hotel du Lac Tunis | Les Berges du Lac, Tunis
                """,
            titles: ["Cyber Security Analyst", "Locum Radiographer", "Guest Relations Agent"],
            companies: ["The Hongkong and Shanghai Banking Corporation Limited", "Reddington Hospital", "Mövenpick Hotel du Lac Tunis"],
            locations: ["Kowloon Bay, Hong Kong", "Victoria Island, Lagos", "Les Berges du Lac, Tunis"]),
    ]

    @Test(arguments: layoutsAbroad) func aLayoutAbroad(_ layout: LayoutAbroad) async throws {
        expectPositions(
            try await experience(layout.text), titles: layout.titles, companies: layout.companies, locations: layout.locations)
    }

    /// LinkedIn's "Save to PDF": a sidebar first; under each employer its total time there, then its titles.
    @Test func aLinkedInExport() async throws {
        let text = """
            Contact
            jane.doe@example.com

            Top Skills
            Patient Safety
            Critical Care

            Jane Doe
            Registered Nurse at Northwestern Memorial Hospital
            Chicago, Illinois, United States

            Experience
            Northwestern Memorial Hospital
            5 years 2 months
            Registered Nurse, Medical ICU
            March 2021 - Present (3 years 10 months)
            Chicago, Illinois, United States
            Care for critically ill adults.
            Staff Nurse
            October 2019 - February 2021 (1 year 5 months)
            Chicago, Illinois, United States

            Advocate Health Care
            Registered Nurse
            June 2016 - September 2019 (3 years 4 months)
            Oak Lawn, Illinois
            """
        expectPositions(try await experience(text), titles: ["Registered Nurse", "Staff Nurse", "Registered Nurse"],
            companies: ["Northwestern Memorial Hospital", "Northwestern Memorial Hospital", "Advocate Health Care"],
            locations: ["Chicago, Illinois, United States", "Chicago, Illinois, United States", "Oak Lawn, Illinois"])
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: text).contact
        #expect(contact.name == "Jane Doe")
        #expect(contact.location == "Chicago, Illinois, United States")
    }

    /// "Jake's resume", a common LaTeX template: the contact line of links right above the first
    /// heading, and each employer's town flush right across a wide gap.
    @Test func aLaTeXTemplateWithTownsFlushRight() async throws {
        let text = """
            Jake Ryan
            123-456-7890 | jake@su.edu | linkedin.com/in/jake | github.com/jake
            Education
            Southwestern University                                              Georgetown, TX
            Bachelor of Arts in Computer Science, Minor in Business              Aug. 2018 – May 2021
            Experience
            Undergraduate Research Assistant                                     June 2020 – Present
            Texas A&M University                                                 College Station, TX
              • Developed a REST API using FastAPI and PostgreSQL
            Information Technology Support Specialist                            Sep. 2018 – Present
            Southwestern University                                              Georgetown, TX
              • Set up campus computers
            """
        expectPositions(try await experience(text), titles: ["Undergraduate Research Assistant", "Information Technology Support Specialist"],
            companies: ["Texas A&M University", "Southwestern University"], locations: ["College Station, TX", "Georgetown, TX"])
        let education = try await AnalyzerHarness.run(EducationAnalyzer.self, onText: text).education
        #expect(education.map(\.institution) == ["Southwestern University"])
        #expect(education.first?.graduationYear == 2021)
    }

    /// A federal (USAJOBS) resume: the employer with its dates, its place, the hours and grade, then the title.
    @Test func aFederalResumesTitleUnderItsDetails() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            Defense Logistics Agency                                    10/2019 - Present
            Fort Belvoir, VA
            Hours per week: 40
            Logistics Management Specialist
            Series: 0346  Pay Grade: GS-12
            • Manage inventory planning for 12,000 line items.
            """)
        #expect(output.experience.map(\.title) == ["Logistics Management Specialist"])
        #expect(output.experience.map(\.company) == ["Defense Logistics Agency"])
    }

    /// A bullet before each position's "Title — Employer" line, its dates indented under it.
    @Test func aBulletHeadsEachPosition() async throws {
        let output = try await experience("""
            WORK EXPERIENCE

            ➢ Payments Support Executive — Kindred Group (Sliema)
              June 2020 – February 2023
                ▪ Handled chargebacks

                * Accountant at Juhayna Food Industries (Cairo)
                  From: Mar 2017          To: Dec 2019
                    - Accounts payable.
            """)
        expectPositions(output, titles: ["Payments Support Executive", "Accountant"],
            companies: ["Kindred Group", "Juhayna Food Industries"], locations: ["Sliema", "Cairo"])
    }

    @Test func aNoteInBracketsAfterATitleIsNoPartOfIt() {
        #expect(ExperienceAnalyzer.withoutNoteInBrackets("Tour Guide (Freelance)") == "Tour Guide")
        #expect(ExperienceAnalyzer.withoutNoteInBrackets("Biomedical Scientist (Band 5)") == "Biomedical Scientist")
        #expect(ExperienceAnalyzer.withoutNoteInBrackets("Hygiéniste dentaire (remplacements)") == "Hygiéniste dentaire")
        #expect(ExperienceAnalyzer.withoutNoteInBrackets("Operations Manager (OCSM)") == "Operations Manager (OCSM)")
        #expect(ExperienceAnalyzer.withoutNoteInBrackets("Lecturer (Assistant Professor)") == "Lecturer (Assistant Professor)")
    }

    @Test func aCompanysLegalFormEndsItsNameBeforeTheTitle() async throws {
        let output = try await experience("""
            EXPERIENCE
            2020 – Present Fabrikam Group Site Supervisor
            2016 – 2020 Contoso Ltd. Field Technician
            """)
        #expect(output.experience.map(\.company) == ["Fabrikam Group", "Contoso Ltd."])
        #expect(output.experience.map(\.title) == ["Site Supervisor", "Field Technician"])
        #expect(ExperienceAnalyzer.companyRunIntoTitle("Senior Group Manager") == nil)
        #expect(ExperienceAnalyzer.companyRunIntoTitle("Cloud Solutions Architect") == nil)
        // A country after the company's name ends it too: the company's arm there.
        #expect(ExperienceAnalyzer.companyRunIntoTitle("Litware Canada Store Associate") == ["Litware Canada", "Store Associate"])
        #expect(ExperienceAnalyzer.companyRunIntoTitle("Texas Instruments Field Engineer") == nil)
    }

    @Test func titlesListedUnderOneEmployerWereHeldThere() async throws {
        let output = try await experience("""
            EXPERIENCE
            Contoso LLP | Boston, MA
            Tax Senior | Sep 2019 – Present
            Tax Associate | Sep 2017 – Aug 2019
            - Prepared returns for partnerships.

            Fabrikam Inc. | Boston, MA
            Staff Accountant | Jun 2015 – Aug 2017
            """)
        #expect(output.experience.map(\.title) == ["Tax Senior", "Tax Associate", "Staff Accountant"])
        #expect(output.experience.map(\.company) == ["Contoso LLP", "Contoso LLP", "Fabrikam Inc."])
        // A company on the position's own line is no heading over the next title.
        let ownLines = try await experience("""
            EXPERIENCE
            Platform Engineer at Contoso, Utrecht (2021 – present)
            Site Engineer at acme.io, Delft (2018 – 2021)
            """)
        #expect(ownLines.experience.map(\.company) == ["Contoso", "acme.io"])
        // A company going by its web address keeps its lower case; a file or a library is none.
        expectCompanyNames(["acme.io", "fabrikam.com"], notCompanies: ["config.js", "asp.net", "www"])
        // "Senior" ends a title, not a name it is inside.
        #expect(ExperienceAnalyzer.looksLikeCompany("Harbor Senior Living"))
        #expect(!ExperienceAnalyzer.looksLikeCompany("Audit Senior"))
    }

    /// "Co. Porter": a county named like a trade is still the town's county, not a title.
    @Test func aTownOnItsOwnLineNextToTheNamesIsThePositionsPlace() async throws {
        let output = try await experience("""
            EXPERIENCE

            Quality Analyst
            Fabrikam
            Galway
            Mar 2021 – Present
            - Ran audits.

            Lab Technician
            Contoso Biologics
            Ballina, Co. Porter
            Jan 2018 – Feb 2021

            Designer
            Jun 2015 – Dec 2017
            Litware Studio
            Austin, TX

            ROLE
            Developer
            PERIOD
            June 2014 to May 2015
            """)
        expectPositions(
            output,
            titles: ["Quality Analyst", "Lab Technician", "Designer", "Developer"],
            companies: ["Fabrikam", "Contoso Biologics", "Litware Studio", nil],
            locations: ["Galway", "Ballina, Co. Porter", "Austin, TX", nil])
    }

    @Test func aTownAfterTheCompanyOnItsOwnLineUnderTheTitleIsThePlace() async throws {
        let output = try await experience("""
            EXPERIENCE

            Data Scientist
            Contoso Analytics, Leeds
            July 2019 – Present
            • Built pricing models.

            Fabrikam Foods | Harrowgate, Wexshire
            Marketing Assistant | Jul 2016 – Aug 2019
            """)
        #expect(output.experience.map(\.company) == ["Contoso Analytics", "Fabrikam Foods"])
        #expect(output.experience.map(\.location) == ["Leeds", "Harrowgate, Wexshire"])
        // A dash after a company may join its division: no town.
        #expect(ExperienceAnalyzer.afterPipe("Payments", in: "Contoso | Payments"))
        #expect(!ExperienceAnalyzer.afterPipe("Payments", in: "Contoso - Payments"))
        #expect(ExperienceAnalyzer.cityAfterCompany(["Dubai", "AE"], afterAt: false, underTitle: true) == nil)
    }

    @Test func anEmployerLineAboveDatedTitlesHeadsThemAll() async throws {
        let output = try await experience("""
            EXPERIENCE
            Fabrikam Support | Porto
            Support Team Lead, EMEA | Mar 2022 – Present
            • Lead 9 agents.

            Contoso Hotels — Doha
            Hotel Manager, Contoso Pearl Resort (2019 – 2022)
            Director of Rooms, Contoso Marina Hotel (2016 – 2019)

            Northwind Bank Ltd., Singapore
            Vice President – Commercial Lending Group, Jul 2013 – Jun 2016
            """)
        expectPositions(
            output,
            titles: ["Support Team Lead", "Hotel Manager", "Director of Rooms", "Vice President"],
            companies: ["Fabrikam Support", "Contoso Hotels", "Contoso Hotels", "Northwind Bank Ltd."],
            locations: ["Porto", "Doha", nil, "Singapore"])
    }

    @Test func aUnitBesideTheTitleGivesWayToTheEmployerOnItsOwnLine() async throws {
        let output = try await experience("""
            Work history
            Clinical Nurse Educator – Intensive Care Unit
            Tailspin General Hospital
            Feb 2021 – Present

            Senior Registrar, Department of Surgery
            Wingtip Medical Institute, Lahore
            March 2018 – January 2021

            Senior Associate, Audit & Assurance
            Litware Professional Services, Accra
            September 2015 – February 2018

            Test Analyst at Adatum
            Woodgrove Retail -  Pune, Maharashtra -
            June 2013 to August 2015
            """)
        #expect(output.experience.map(\.company) == [
            "Tailspin General Hospital", "Wingtip Medical Institute", "Litware Professional Services", "Adatum",
        ])
    }

    @Test func legalFormsInInitialsAndPossessivePlacesNameEmployers() async throws {
        let output = try await experience("""
            EXPERIENCE
            Senior Paralegal at Tailspin & Wingtip L.L.P., Denver, CO
            January 2020 – Present
            - Manage document productions.

            Legal Assistant at Adams County Attorney's Office, Brighton, CO
            August 2016 – December 2019
            """)
        #expect(output.experience.map(\.company) == ["Tailspin & Wingtip L.L.P.", "Adams County Attorney's Office"])
        expectCompanyNames(["Fabrikam S.p.A.", "Contoso, P.C."], notCompanies: ["EMEA", "Asia Pacific"])
    }

    @Test func knownTownsAfterACompanyOrTheDatesAreThePlace() async throws {
        let output = try await experience("""
            EXPERIENCE
            Jan 2021 – Present: Finance Manager, Contoso Mining Limited, Rustenburg

            Litware Architetti – Milan
            Project Architect
            2014 – 2019

            Fabrikam Bank — QA Engineer
            Jan 2012 – Dec 2013, Wrocław

            Associate Consultant · Woodgrove Consulting · Hyderabad · Jun 2009 – Jun 2011
            """)
        #expect(output.experience.map(\.company) == ["Contoso Mining Limited", "Litware Architetti", "Fabrikam Bank", "Woodgrove Consulting"])
        #expect(output.experience.map(\.location) == ["Rustenburg", "Milan", "Wrocław", "Hyderabad"])
        // A company named like a town is still the company.
        let named = try await experience("EXPERIENCE\nProduction Engineer, Toyota, Nagoya\n2015 – 2018\n- Ran the line.")
        #expect(named.experience.map { [$0.company, $0.location] } == [["Toyota", "Nagoya"]])
    }

    @Test func datesClosingABlockBelongToTheNamesOpeningIt() async throws {
        let output = try await experience("""
            EXPERIENCE

            Logistics Coordinator
            Fabrikam (Fabrikam Manufacturing Mex), Zapopan, Jalisco
            Coordinate inbound components from Asia and finished-goods exports by road.
            March 2021 – present

            Trainee, Supply Chain
            Grupo Contoso, Tlajomulco de Zúñiga, Jalisco
            Route planning support for regional distribution centres.
            July 2016 – December 2017

            05/2015 – 08/2015 | Engineering Co-op | Litware Manufacturing Co. | Spartanburg, SC
            """)
        expectPositions(
            output,
            titles: ["Logistics Coordinator", "Trainee, Supply Chain", "Engineering Co-op"],
            companies: ["Fabrikam (Fabrikam Manufacturing Mex)", "Grupo Contoso", "Litware Manufacturing Co."],
            locations: ["Zapopan, Jalisco", "Tlajomulco de Zúñiga, Jalisco", "Spartanburg, SC"])
        #expect(output.experience.map(\.start) == [YearMonth(year: 2021, month: 3), YearMonth(year: 2016, month: 7), YearMonth(year: 2015, month: 5)])
    }

    @Test(arguments: [
        ("2019.03 - 2021.07", YearMonth(year: 2021, month: 7)), ("2019/03 – 2021/07", YearMonth(year: 2021, month: 7)),
        ("03.2019 – 07.2021", YearMonth(year: 2021, month: 7)), ("2019/03 – Present", nil),
    ])
    func yearFirstMonthsWithADotOrASlash(dates: String, end: YearMonth?) async throws {
        let output = try await experience("EXPERIENCE\nSenior Analyst, Contoso Ltd, Hanoi\n\(dates)\n- Built reports.")
        let position = try #require(output.experience.first)
        #expect(position.start == YearMonth(year: 2019, month: 3))
        #expect(position.end == end)
    }

    @Test func moreLayoutsOfAPositionsNames() async throws {
        // A title with its employer in brackets; dates first with one title word; positions as bullets.
        let output = try await experience("""
            WORK EXPERIENCE
            Senior Analyst (Fabrikam Ltd), Hanoi — 2019–2021
            - Built reports.
            2016 – 2019    Analyst
                           Contoso Bank, Da Nang
            • Junior Analyst, Litware Ltd (2014–2016)
            • Data Entry Operator, Adatum Ltd (2012–2014)
            """)
        #expect(output.experience.map(\.title) == ["Senior Analyst", "Analyst", "Junior Analyst", "Data Entry Operator"])
        #expect(output.experience.map(\.company) == ["Fabrikam Ltd", "Contoso Bank", "Litware Ltd", "Adatum Ltd"])
        // How the job was held, in brackets, is no employer of its own.
        #expect(ExperienceAnalyzer.titleAndEmployerInBrackets("Consultant (Client of Woodgrove Technologies)") == nil)
    }

    @Test func anAsideAfterTheDatesAndALegalFormAbroadInCapitals() async throws {
        let output = try await experience("""
            EMPLOYMENT
            Senior Mine Planning Engineer
            Fabrikam Metals Group – Contoso Creek Mine, Pilbara, WA
            Jan 2020 – Present (FIFO 8/6)

            10/2015 – 03/2019
            Simulation Engineer
            LITWARE Truck & Bus SE, Nuremberg
            """)
        #expect(output.experience.map(\.title) == ["Senior Mine Planning Engineer", "Simulation Engineer"])
        #expect(output.experience.map(\.company) == ["Fabrikam Metals Group", "LITWARE Truck & Bus SE"])
    }

    @Test func titlesAndHeadingsInTheLanguagesOfBrazilAndSpain() async throws {
        let output = try await experience("""
            Fabrikam — Senior Software Engineer — São Paulo, SP (remote) — 2021–present
            Contoso — Desenvolvedor Full Stack Júnior — Belo Horizonte, MG — 2016–2021
            Litware — Ingeniero de Proyectos — Guadalajara, Jalisco — 2014–2016

            Formação
            Bacharelado em Ciência da Computação, Universidade Federal de Minas Gerais, 2012–2016
            """)
        #expect(output.experience.map(\.title) == ["Senior Software Engineer", "Desenvolvedor Full Stack Júnior", "Ingeniero de Proyectos"])
        #expect(output.experience.map(\.location) == ["São Paulo, SP", "Belo Horizonte, MG", "Guadalajara, Jalisco"])
    }

    @Test func aSkillDashedOntoTheTitleIsItsSpecialtyAndTechBeforeANameIsACompany() async throws {
        let output = try await experience("""
            Experience
            Senior Consultant – SAP FICO · Fabrikam USI · Hyderabad · Sep 2021 – Present
            Associate Consultant · Tech Contoso · Hyderabad · Jun 2016 – Jun 2018
            2014 – 2016      Salesforce      Account Executive, Enterprise
            """)
        #expect(output.experience.map(\.company) == ["Fabrikam USI", "Tech Contoso", "Salesforce"])
        #expect(JobTitles.looksLikeTitle("Consultant SDET") && !JobTitles.looksLikeTitle("Tech Contoso"))
    }

    @Test func aTablesHeaderRowSaysWhichColumnIsWhich() async throws {
        let output = try await experience("""
            SEA SERVICE
            Period               Rank                 Company                          Vessel (type, GT)
            04.2020 – present    Chief Officer        Contoso Kystruten                MS Contoso Polaris (passenger, 15,500)
            02.2015 – 05.2017    First Officer        Fabrikam Offshore                Normand Fabrikam (PSV, 4,900)

            Period\tCompany\tDepartment\tPosition\tLocation
            2012.03 ~ 2014.12\tLitware Electronics\tMemory Division\tEngineer\tHwaseong
            """)
        expectPositions(
            output,
            titles: ["Chief Officer", "First Officer", "Engineer"],
            companies: ["Contoso Kystruten", "Fabrikam Offshore", "Litware Electronics"],
            locations: [nil, nil, "Hwaseong"])
        #expect(ExperienceAnalyzer.tableColumns("Period | School | Major | Degree") == nil)
    }
}
