import Testing
import VitaeEngine
import VitaeExtraction
import VitaeAnalysis
import VitaeTesting

@Suite struct SkillsTests {
    func skills(_ text: String) async throws -> [String] {
        try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(includeUnlistedItems: false), on: .init(plainText: text))
            .skills.map(\.name)
    }

    @Test func noShortNamesInsideLongerWords() async throws {
        let found = try await skills("Designed pages with CSS and SCSS at Google, then moved to Golang.")
        #expect(found.filter { $0 == "Go" }.count == 1)
        #expect(found.contains("CSS"))
        #expect(!found.contains("C"))
        #expect(found.contains("Go"))  // from "Golang", an alias; "Google" must not count
        let google = try await skills("Worked at Google on search quality.")
        #expect(!google.contains("Go"))
        #expect(!google.contains("C"))
    }

    @Test func ambiguousNamesNeedListContext() async throws {
        #expect(try await skills("Languages: R, C, Go").sorted() == ["C", "Go", "R"])
        let prose = try await skills("We go to great lengths. Grade C student. R&D budget.")
        #expect(!prose.contains("Go"))
        #expect(!prose.contains("C"))
        #expect(!prose.contains("R"))
    }

    @Test func aliasesMapToCanonicalNames() async throws {
        let found = try await skills("Skills: JS, Javascript, ReactJS, node.js, Postgres, k8s, Amazon Web Services")
        #expect(found.contains("JavaScript"))
        #expect(found.contains("React"))
        #expect(found.contains("Node.js"))
        #expect(found.contains("PostgreSQL"))
        #expect(found.contains("Kubernetes"))
        #expect(found.contains("AWS"))
        #expect(found.filter { $0 == "JavaScript" }.count == 1)
    }

    /// The canonical name, and the first mention as the resume wrote it when that is otherwise.
    @Test func aSkillKeepsHowTheResumeWroteIt() async throws {
        let found = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: "SKILLS\nMS Office, GCP, Python\n")).skills
        let byName = Dictionary(uniqueKeysWithValues: found.map { ($0.name, $0) })
        #expect(byName["Microsoft Office"]?.written == "MS Office")
        #expect(byName["Google Cloud Platform"]?.written == "GCP")
        let python = try #require(byName["Python"])
        #expect(python.written == nil, "no written form where it is the name")
    }

    @Test func multiWordSkillsWinOverTheirParts() async throws {
        let found = try await skills("Experience with Spring Boot, Machine Learning and Microsoft SQL Server.")
        #expect(found.contains("Spring Boot"))
        #expect(found.contains("Machine Learning"))
        #expect(found.contains("Microsoft SQL Server"))
        #expect(!found.contains("Spring"))
    }

    @Test func productsNamedWithAGenericAcronymAreThoseProducts() async throws {
        let found = try await skills("Skills: Test automation using Coded UI, Selenium IDE, SOAP UI, Google App Engine, Google AdWords")
        #expect(found.contains("Coded UI") && found.contains("Selenium IDE") && found.contains("SoapUI"))
        #expect(found.contains("Google App Engine") && found.contains("Google Ads"))
        // Not the design discipline, a generic IDE, SOAP or the company.
        #expect(!found.contains("User Interface Design") && !found.contains("IDE") && !found.contains("SOAP") && !found.contains("Google"))
    }

    @Test func microsoftProductsGoByTheNameResumesWrite() async throws {
        let found = try await skills("Skills: MS Excel, Microsoft Excel, MS Power Point, Microsoft Office, MS-Word, Windows 10, Microsoft Visio")
        // The product's own name, or "Microsoft" and the name when that is an everyday word; each once.
        #expect(found.sorted() == ["Excel", "Microsoft Office", "Microsoft Word", "PowerPoint", "Visio", "Windows"])
        // Azure's old name is no Windows.
        #expect(try await skills("Skills: Microsoft Power Point, Windows Azure").sorted() == ["Microsoft Azure", "PowerPoint"])
    }

    @Test func wordAsAListItemIsMicrosoftWord() async throws {
        #expect(try await skills("Jo Bloggs\nSKILLS\nMicrosoft Office: Word, PowerPoint").contains("Microsoft Word"))
        // Inside a longer name, or in prose, the everyday word.
        #expect(!(try await skills("Jo Bloggs\nSKILLS\nSend Word Now, Zorptool")).contains("Microsoft Word"))
        #expect(!(try await skills("Spread the Word, a campaign.")).contains("Microsoft Word"))
    }

    @Test func versionsThatAreSkillsOfTheirOwnStayApart() async throws {
        let found = try await skills("Skills: HTML, HTML5, CSS3, AngularJS, Angular 8, Java, J2EE, Oracle ADF, HPQC")
        #expect(found.sorted() == ["Angular", "AngularJS", "CSS3", "HP Quality Center", "HTML", "HTML5", "J2EE", "Java", "Oracle ADF"])
        // Any Unix shell, not necessarily Bash.
        #expect(try await skills("Skills: Unix shell scripting, Bash").sorted() == ["Bash", "Shell Scripting"])
    }

    @Test func aLongLabelledEntryDoesNotEndTheList() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            KEY SKILLS
            ❖ Editors: Vim, Emacs
            ❖ Tracking Tool: Acme Defect Tracker on the Hosted Server
            ❖ File Transfer: Zorptool, Blimpclient
            https://www.example.com/in/jo-bloggs-1234
            ❖ Protocols: HTTP, HTTPS, Quuxnet
            """))
        let names = output.skills.map(\.name)
        #expect(names.contains("Zorptool") && names.contains("Blimpclient"))
        // Protocols named HTTP are no link.
        #expect(names.contains("Quuxnet"))
        // A link's "https:" is no label: its parts are no skills.
        #expect(!names.contains("jo-bloggs-1234") && !names.contains("in"))
    }

    @Test func certificatesEventsHeadingsAndSentencesAreNoListedSkills() async throws {
        for item in ["Acme Certified", "Zorptool workshop", "Internship details", "Wellversedinallofficetools", "Conversant with Zorptool",
                     "Proficiency in Zorptool"] {
            #expect(!SkillLists.isPlausibleSkill(item), "\(item)")
        }
        #expect(SkillLists.isPlausibleSkill("Zorptool") && SkillLists.isPlausibleSkill("ElasticsearchCurator"))
    }

    @Test func sapModulesAreSkillsAndTheFieldIsNoSapProduct() async throws {
        let found = try await skills("Skills: SAP SD, SAP HANA, SAP BW\nLed the business intelligence team.")
        #expect(found.sorted() == ["SAP BI", "SAP HANA", "SAP SD"])
    }

    @Test func aListLabelledSkillsIsOneOutsideASkillsSection() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            ADDITIONAL INFORMATION
            Skills: Zorptool, Blimpclient, NLP
            Hobbies: chess, Zorbing, hiking
            """))
        let names = output.skills.map(\.name)
        #expect(names.contains("Zorptool") && names.contains("Blimpclient") && names.contains("Natural Language Processing"))
        #expect(!names.contains("Zorbing"))
    }

    @Test func mentionsAreCountedAndCategorised() async throws {
        let output = try await AnalyzerHarness.run(
            SkillsAnalyzer.self, options: .init(), on: .init(plainText: "Python scripts.\nMore Python.\nSkills\nPython, Kafka"))
        let python = try #require(output.skills.first { $0.name == "Python" })
        #expect(python.mentions == 3)
        #expect(python.category == "Programming languages")
    }

    @Test func skillsSectionItemsOutsideTheTaxonomyAreKept() async throws {
        let output = try await AnalyzerHarness.run(
            SkillsAnalyzer.self, options: .init(), on: .init(plainText: "Jo Bloggs\nSKILLS\nQuantum Widgets, Python"))
        #expect(output.skills.contains { $0.name == "Quantum Widgets" && $0.category == "Other" })
    }

    @Test func wrappedIndeedItemsJoinAndCutPhrasesAreTrimmed() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            SKILLS
            Quantum Widgets (2 years), Flux Capacitor Tuning (Less
            than 1 year), Widget Polishing (1 year), Hyper
            Drive Repair (3 years)
            Tools: Widget Studio, Flux Tester using
            Infosys Limited
            """))
        let names = output.skills.map(\.name)
        // "Hyper" / "Drive Repair (3 years)" is one item wrapped in two; "(Less" / "than 1 year)" a duration.
        #expect(names.contains("Hyper Drive Repair"))
        #expect(!names.contains("Hyper") && !names.contains { $0.contains("than") || $0 == "Less" })
        #expect(names.contains("Flux Tester"))  // not "Flux Tester using"
        #expect(!names.contains("Infosys Limited"))
    }

    @Test func anItemWrappedAtTheEndOfAFullCommaListLineIsOneItem() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            SKILLS
            JavaScript, TypeScript, HTML5, CSS3, Python, React, Redux, Angular, Vue.js, Node.js,
            Express.js, Git, Docker, Webpack, Babel, Agile Development, Test-Driven
            Development, Responsive Design, Widget Crafting
            Go, Rust, Haskell
            Quantum Widgets, Oracle
            """))
        let names = output.skills.map(\.name)
        #expect(names.contains("Test-Driven Development"))
        #expect(!names.contains("Development") && !names.contains("Test-Driven"))
        // A short line is a group of its own, not the start of a wrapped item.
        #expect(names.contains("Quantum Widgets") && !names.contains { $0.hasPrefix("Haskell ") })
    }

    @Test func aListLabelDoesNotStopAWrappedItemFromJoining() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            TECHNICAL SUMMARY
            Library and tool: - Tensorflow, Deep Learning, Machine Learning, Word2vec, Artificial
            Intelligence, PyCharm, Jupyter Notebook
            """))
        let names = output.skills.map(\.name)
        #expect(names.contains("Artificial Intelligence") && !names.contains("Artificial"))
    }

    @Test func aSlashBetweenShortCapitalsIsPartOfTheName() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            SKILLS
            Feature Flags, A/B Testing, CI/CD, Widget/Gadget Design, HTML/CSS, C/C++
            """))
        let names = output.skills.map(\.name)
        #expect(names.contains("A/B Testing") && names.contains("CI/CD"))
        #expect(!names.contains("A") && !names.contains("B Testing") && !names.contains("CD"))
        // Longer names and C++ are two items either side of the slash.
        #expect(names.contains("Widget") && names.contains("HTML") && names.contains("CSS") && names.contains("C++"))
    }

    /// Skills set as boxes (a PDF's wide gaps, a Word table's cells) come as parts between tabs: each
    /// part is an item, however many words; a first part before a comma list labels it.
    @Test func partsBetweenTabsAreItems() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            SKILLS
            CI/CD\tAPI Design\tFeature Flags
            gRPC\tAWS\tECS\tLambda
            Cloud\tAzure, Pulumi Stacks
            """))
        let names = output.skills.map(\.name)
        for name in ["CI/CD", "API Design", "Feature Flags", "gRPC", "ECS", "Lambda", "Pulumi Stacks"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(!names.contains { $0.hasPrefix("CI/CD ") || $0.hasPrefix("Cloud") || $0.hasPrefix("gRPC ") })
    }

    @Test func skillsSetInColumnsAreNoSkillOfTheirOwn() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            SKILLS
            HTML CSS Python
            Docker Kubernetes Terraform
            Selenium IDE, Quantum Widget Studio
            """))
        let names = output.skills.map(\.name)
        #expect(!names.contains("HTML CSS Python") && !names.contains("Docker Kubernetes Terraform"))
        #expect(names.contains("Python") && names.contains("Kubernetes"))
        // Two words can be one product; unknown words make a name of their own.
        #expect(names.contains("Selenium IDE") && names.contains("Quantum Widget Studio"))
    }

    @Test func aFirstPersonSentenceEndsTheSkillsList() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            TECHNICAL SKILLS
            Tools: Widget Studio, Flux Tester
            In this project, we maintain all details about Hospital details like- Hospital address, Consultant
            Doctor, Doctor Details, Permanent Doctor, Medicine, Lab Test
            """))
        let names = output.skills.map(\.name)
        #expect(names.contains("Widget Studio"))
        #expect(!names.contains("In this project") && !names.contains("Consultant") && !names.contains("Medicine"))
    }

    @Test func aPastTenseVerbAndItsPrepositionStartASentenceNotASkill() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            SKILLS
            • Widget Programming
            • Worked on Widget server.
            • Involved in flux testing
            • Distributed Widgets
            """))
        let names = output.skills.map(\.name)
        #expect(names.contains("Widget Programming") && names.contains("Distributed Widgets"))
        #expect(!names.contains { $0.hasPrefix("Worked") || $0.hasPrefix("Involved") })
    }

    @Test func aTableColumnBeforeATabLabelsTheList() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            SKILLS
            Cloud\tAWS, Widget Cloud, Helm
            Observability\tPrometheus, Grafana, OpenTelemetry
            """))
        let names = output.skills.map(\.name)
        #expect(!names.contains("Cloud AWS") && !names.contains("Observability Prometheus"))
        #expect(names.contains("Prometheus") && names.contains("Widget Cloud"))
    }

    @Test func shortNamesInLowerCaseCountAsWholeListItems() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            SKILLS
            active directory, sql, dns, go
            """))
        let names = output.skills.map(\.name)
        #expect(names.contains("SQL") && names.contains("DNS"))
        #expect(!names.contains("Go"))  // ambiguous names keep their exact case
    }

    @Test func aSkillTheSkillsSectionLeavesOutNeedsTwoMentions() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            EXPERIENCE
            Built billing pipelines on Kafka for the SAP team.
            Moved the Kafka consumers to Kubernetes.
            SKILLS
            Python, Docker
            """)
        // By default what the skills section lists, however often the rest names other skills.
        let listed = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(Set(listed) == ["Python", "Docker"])
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(scope: .document), on: resume).skills.map(\.name)
        #expect(Set(names).isSuperset(of: ["Python", "Docker", "Kafka"]))
        #expect(!names.contains("SAP") && !names.contains("Kubernetes"))  // named once, outside the list
        let everyMention = try await AnalyzerHarness.run(
            SkillsAnalyzer.self, options: .init(scope: .document, minimumMentionsOutsideSkillsSections: 1), on: resume).skills.map(\.name)
        #expect(everyMention.contains("SAP") && everyMention.contains("Kubernetes"))
        // Against a posting, one mention is enough.
        let match = try await AnalyzerHarness.run(
            MatchAnalyzer.self, options: NoOptions(), on: resume, jobDescription: Document(plainText: "Requirements\nKubernetes\nPython"),
            after: [try AnalyzerStep<SkillsAnalyzer>(options: .init())])
        #expect(match.match?.requiredSkills.found.map { $0.lowercased() }.contains("kubernetes") == true)
        #expect(match.match?.requiredSkills.missing == [])
    }

    @Test func aListLabelIsNoSkillButALevelOrDurationAfterItIs() async throws {
        let labelled = try await skills("Jo Bloggs\nTOOLS\n• IDE's: Xcode, Eclipse\n❖ IDE: Visual Studio\n")
        #expect(labelled.contains("Eclipse") && labelled.contains("Xcode") && labelled.contains("Visual Studio"))
        #expect(!labelled.contains("IDE"))
        // After the colon a level or a duration: the label is the skill.
        #expect(try await skills("SKILLS\nIDE: Advanced\nPython: 3 years\n").sorted() == ["IDE", "Python"])
        #expect(SkillLists.withoutListLabel("IDE: Eclipse, Vim") == "Eclipse, Vim")
        // A product or a field as the label is a skill itself.
        let products = try await skills("SKILLS\nMicrosoft Office: Word, PowerPoint\nSocial Media: Facebook, Twitter\n")
        #expect(products.contains("Microsoft Office") && products.contains("Social Media Marketing"))
        #expect(SkillLists.withoutListLabel("http://example.com/ide") == "http://example.com/ide")
    }

    @Test func aListWrappedAfterACommaGoesOnWhateverTheLengthOfItsLines() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            TECHNICAL SKILLS
            ➢ Queues: Kafka, RabbitMQ, Amazon SQS, NATS, Pulsar, ZeroMQ, ActiveMQ, Redis Streams, Kinesis,
            Beanstalkd and the streaming connectors we built in house for the billing team (Flinkster and Rivulet)
            ➢ Caches: configured and tuned the read-through caches of several services such as Varnish,
            Memcached, Hazelcast, Ehcache.
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("Flinkster") && names.contains("Rivulet"))  // the long second line of a wrapped list
        #expect(names.contains("Ehcache") && names.contains("Hazelcast"))  // after a long line ending in a comma
    }

    @Test func dashLabelsAndDatedPositionLinesInASkillsListAreNoItems() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            KEY SKILLS
            Methodologies - Kanbanish, Waterfallish
            Northwind Cloud - Europe, Data CoE (Feb 2015 - June 2018)
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("Kanbanish") && names.contains("Waterfallish"))
        #expect(!names.contains("Methodologies"))
        #expect(!names.contains("Northwind Cloud") && !names.contains("Data CoE"))
        #expect(SkillLists.withoutDashLabel("• Tools -Jenkins, Maven") == "Jenkins, Maven")
        #expect(SkillLists.withoutDashLabel("QA & Test Methods - Kanbanish, Spiral model") == "Kanbanish, Spiral model")
        #expect(SkillLists.withoutDashLabel("Spring Boot - microservices") == "Spring Boot - microservices")  // no list after it
    }

    @Test func aListLineThatIsASentenceAboutTheWorkGivesOnlyKnownSkills() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            TECHNICAL SKILLS
            • Configuring and Troubleshooting Quorvex bridges on Zentral 3550, 3560 switches.
            • Designing/Architecting/Deploying apps using Kubernetes, Helmfile
            • Understanding of Quorvex, Zentral protocols
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("Kubernetes"))  // the taxonomy's skills still count
        #expect(!names.contains("Configuring") && !names.contains("Designing") && !names.contains("Helmfile"))
        #expect(names.contains("Zentral protocols"))  // "Understanding of …" lists what is known
        #expect(!SkillLists.startsLikeASentence("Networking, Troubleshooting, Scripting and Automation"))
    }

    @Test func aLegalFormAfterACompanyNameIsNoSkill() async throws {
        let company = try await skills("Client: NORTHWIND TRADERS PLC\nNorthwind Traders PLC is a retailer.\n")
        #expect(!company.contains("PLC"))
        let controller = try await skills("Automation engineer specializing in PLC, SCADA and VFD.\nWrote PLC programs.")
        #expect(controller.contains("PLC"))
    }

    @Test func aShortNameAtTheEdgeOfALineIsNoListItem() async throws {
        // A headline cut where the line wrapped ("… SAP - R" / "R/3 consultant") lists nothing.
        #expect(!(try await skills("Officer-Admin in Contoso Ltd - SAP - R\n")).contains("R"))
        #expect(try await skills("Built reports with Python, R").contains("R"))
        #expect(try await skills("R, Python and SQL for reporting").contains("R"))
    }

    @Test func aWordLikeNameOnALineInCapitalsIsTheWord() async throws {
        let found = try await skills("SKILLS\n✓ BASIC KNOWLEDGE OF ANDROID APPS.\n✓ WINDOWS, LINUX")
        #expect(!found.contains("BASIC"))
        #expect(try await skills("SKILLS\nLANGUAGES: C, BASIC, PASCAL").contains("BASIC"))
    }

    @Test func uiInProseIsTheProductsInterfaceNotADesignSkill() async throws {
        #expect(!(try await skills("Automated the UI and API tests; the UI shows totals.")).contains("User Interface Design"))
        #expect(try await skills("SKILLS\nUI (2 years), XML (1 year)").contains("User Interface Design"))
    }

    @Test func aVendorsBareNameIsNoProduct() async throws {
        #expect(SkillTaxonomy.shared.skill(named: "Google") == nil)
        #expect(!(try await skills("Tracked shares with Google, Bing and Yahoo analytics.")).contains("Google"))
        #expect(SkillTaxonomy.shared.skill(named: "VMware")?.name == "VMware")  // the company's name is its product's
    }

    @Test func aHeadingAboveBulletsInASkillsSectionIsNoItem() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            SKILLS
            • Zentral routing

            PERSONAL STRENGTHS
            • Punctual

            Areas of Interest
            • Quorvex design

            Data Security
            • Checkpoint rules
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("Zentral routing") && names.contains("Punctual"))
        #expect(!names.contains("PERSONAL STRENGTHS") && !names.contains("Areas of Interest"))
        #expect(names.contains("Data Security"))  // a field the candidate lists, named as a plain group
    }

    @Test func aYearAfterAProductNameIsItsVersion() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            TECHNICAL SKILLS
            Tools: Flowmill Server 2013, MS Office 2007
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("Flowmill Server 2013"))
        #expect(names.contains("Microsoft Office") && !names.contains("MS Office 2007"))  // the known product, once
        #expect(!SkillLists.isPlausibleSkill("June 2013") && !SkillLists.isPlausibleSkill("Pune 2013-2015"))  // dates stay out
    }

    @Test func userExperienceInProseIsNoSkill() async throws {
        // The product's experience and a colleague's role, not the candidate's design skill.
        let prose = try await skills("Worked with UX designers to improve the user experience of the checkout.")
        #expect(!prose.contains("User Experience Design"))
        #expect(try await skills("Knowledge of UI/UX design.").contains("User Experience Design"))
        #expect(try await skills("Jo Bloggs\nSKILLS\nFigma, UX, Sketch").contains("User Experience Design"))
    }

    @Test func versionsKindsAndLevelsAreNoItemsOfTheirOwn() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            SKILLS
            • Zorpular (versions 2+)
            • SQL and NoSQL databases (MySQL, Quuxbase)
            Language: Fluent in Spanish
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("Zorpular") && names.contains("NoSQL") && names.contains("Quuxbase"))
        #expect(!names.contains("versions 2+") && !names.contains("NoSQL databases") && !names.contains("Fluent in Spanish"))
        for item in ["Understanding of UART", "working", "Advanced"] {
            #expect(!SkillLists.isPlausibleSkill(item), "\(item)")
        }
        #expect(SkillLists.isPlausibleSkill("Natural Language Understanding"))
    }

    @Test func aTableLabelRunIntoItsValueIsNoPartOfTheSkill() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            TECHNICAL SKILLS
            Database MySQL, Oracle
            Version Control Git
            Programming Languages Python
            Cloud Computing, Zorp Cloud
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("MySQL") && names.contains("Git") && names.contains("Python"))
        #expect(!names.contains("Database MySQL") && !names.contains("Version Control Git") && !names.contains("Programming Languages Python"))
        #expect(names.contains("Zorp Cloud"))  // a name the taxonomy does not know stays as written
    }

    @Test func aLongTableRowDoesNotEndTheSkillsList() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            SKILLS
            Traffic Generation Tools Traffic tools Zorpgen Iexplore and Smart Quux
            Network Products Flowmill Fabric
            Flowmill Orchestration
            Quuxnet routers GSR 12000, 7600
            Worked on the migration of the data centre to the new building in Pune
            Zorptool Classic
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        // A row of names in capitals is no prose: the rows after it are read.
        #expect(names.contains("Flowmill Orchestration") && names.contains("Quuxnet routers GSR 12000"))
        // A sentence ends the list: what follows is no skills list.
        #expect(!names.contains("Zorptool Classic"))
        #expect(SkillLists.readsAsProse("➢ Having knowledge in Energy (Petroleum) & Health Care domains."))
        #expect(SkillLists.readsAsProse("✓ ALL KINDS OF UTILITY SOFTWARES AND HARDWARE OPTIONS TO INCREASE EFFICIENCY AND"))
        #expect(!SkillLists.readsAsProse("ERP Packages Oracle Fusion Middleware and Oracle Fusion Application (DOO/GOP)"))
    }

    @Test func whatAndJoinsToAClaimIsPartOfTheClaim() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            SKILLS
            • Good Communication Skills in English and Quuxish.
            • Good Analytical Ability and Logical Zorping.
            • Team Building and Morale Building
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(!names.contains("Quuxish") && !names.contains("Logical Zorping"))
        #expect(names.contains("Team Building") && names.contains("Morale Building"))  // two items, no claim
        #expect(SkillLists.items(in: "Java and Spring, Good knowledge of Zorp and Quux") == ["Java", "Spring", "Good knowledge of Zorp and Quux"])
    }

    @Test func anItemAndItsPluralOrMethodWordAreOneSkill() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            SKILLS
            ✓ Zorp Router
            ✓ Firewall, Zorp Routers
            ✓ Firewalls
            ✓ EF, EFS
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.filter { $0.hasPrefix("Zorp Router") } == ["Zorp Router"] && names.filter { $0.hasPrefix("Firewall") } == ["Firewall"])
        #expect(names.contains("EF") && names.contains("EFS"))  // acronyms, not plurals
        // A method with the word for one is that method.
        let methods = Document(plainText: "Jo Bloggs\nSKILLS\nMethodologies - Agile model, Zorpative Model\nMethodologies - Zorpative, Scrum")
        let methodNames = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: methods).skills.map(\.name)
        #expect(methodNames.contains("Agile") && !methodNames.contains("Agile model"))
        #expect(methodNames.filter { $0.hasPrefix("Zorpative") } == ["Zorpative"])
    }

    @Test func aKnownNameInsideALongerListedNameIsPartOfIt() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            SKILLS
            • Facebook Zorpads and Social, Skype For Business
            • MS Project Professional, ITIL- Incident Management
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("Facebook Zorpads") && !names.contains("Facebook"))
        #expect(names.contains("Skype For Business") && !names.contains("Skype"))
        // An edition is the product; a name glued to a dash is a label.
        #expect(names.contains("Microsoft Project") && names.contains("ITIL"))
        // Ending a later item of a row; as a row's first item, its first words may be the row's label.
        let ending = Document(plainText: "Jo Bloggs\nSKILLS\n• Soft: Teamwork, Creative Problem Solving\nScripting PowerShell")
        let endingNames = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: ending).skills.map(\.name)
        #expect(endingNames.contains("Creative Problem Solving") && !endingNames.contains("Problem Solving"))
        #expect(endingNames.contains("PowerShell"))
        // Named on its own too, the skill stays.
        let named = try await AnalyzerHarness.run(
            SkillsAnalyzer.self, options: .init(), on: Document(plainText: "Jo Bloggs\nSKILLS\nFacebook Zorpads, Facebook")).skills.map(\.name)
        #expect(named.contains("Facebook"))
    }

    @Test func aLanguagesRowNamingToolsIsPartOfTheSkillsTable() async throws {
        let table = Document(plainText: """
            Jo Bloggs
            TECHNICAL EXPERTISE
            Front End Tool
            Languages
            Database Zorpbase 6.22
            Concepts Quuxing, Networking, DBMS

            Hobbies: chess
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: table).skills.map(\.name)
        #expect(names.contains("Database Zorpbase 6.22") && names.contains("Concepts Quuxing") && names.contains("Networking"))
        #expect(!names.contains("chess"))  // the table ends at the blank line
        // Spoken languages are no skills table.
        let spoken = Document(plainText: "Jo Bloggs\nSKILLS\nZorptool\nLanguages\nEnglish, Quuxish")
        let spokenNames = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: spoken).skills.map(\.name)
        #expect(spokenNames.contains("Zorptool") && !spokenNames.contains("English") && !spokenNames.contains("Quuxish"))
    }

    @Test func aLabelledSkillsListGoesOnAfterATrailingComma() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            ADDITIONAL INFORMATION
            Skills: Java, Zorptool,
            Quuxkit
            design, Flowmill
            Hobbies are reading, chess
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("Zorptool") && names.contains("Quuxkit") && names.contains("Flowmill"))
        #expect(!names.contains("chess"))  // a capitalised line after one that does not end in a comma is no part of it
    }

    @Test func aWordBulletIsNoPartOfTheItem() async throws {
        let resume = Document(plainText: "Jo Bloggs\nSKILLS\n❖ Smart Working.\n◆ Zorptool")
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("Smart Working") && names.contains("Zorptool") && !names.contains("❖ Smart Working"))
    }

    @Test func aToolListOutsideTheSkillsSectionAddsToIt() async throws {
        let resume = Document(plainText: """
            Jo Bloggs
            SKILLS
            Zorptool, Blimpclient
            ADDITIONAL INFORMATION
            Operating systems: Windows 8, 10
            Hobbies: chess, Zorbing
            """)
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains("Windows") && !names.contains("Zorbing"))
        // Without a skills section, such a line does not make every other skill need two mentions.
        let noSection = try await skills("Jo Bloggs\nBuilt the billing service in Java.\nOperating systems: Windows 8, Linux")
        #expect(noSection.contains("Java") && noSection.contains("Windows"))
    }

    @Test func aNameStartingWithAPeriodKeepsIt() async throws {
        let resume = Document(plainText: "Jo Bloggs\nSKILLS\nC# (3 years), .NET (2 years), .Zorpnet (1 year)")
        let names = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: resume).skills.map(\.name)
        #expect(names.contains(".NET") && names.contains(".Zorpnet") && !names.contains("NET") && !names.contains("Zorpnet"))
    }

    @Test func anInitialIsNoListedName() async throws {
        let prose = try await skills("Officer-HR in H.& R. Johnson (India).\nReported to John R. Smith in Pune.")
        #expect(!prose.contains("R"))
        #expect(try await skills("Models built in R. Deployed to AWS.").contains("R"))  // a sentence ends after R
        #expect(try await skills("Languages: Python, R. Tools: Git").contains("R"))
    }

    @Test func aTownBeforeItsStateIsNoSkill() async throws {
        #expect(!(try await skills("Network Engineer, Acme - Samba, Jammu and Kashmir")).contains("Samba"))
        #expect(try await skills("Set up Samba, NFS and FTP file shares.").contains("Samba"))
        // A state's postal code is too often a word or a product ("MS Word") to make a town.
        #expect(try await skills("Skills: Excel, MS Word").contains("Excel"))
    }

    @Test func excelTheVerbIsNoSpreadsheet() async throws {
        #expect(!(try await skills("Keen to learn and excel in a competitive environment.")).contains("Excel"))
        #expect(try await skills("Kept the rota in excel sheets.").contains("Excel"))
    }

    @Test func everydayWordsNamingProductsNeedAList() async throws {
        let prose = try await skills("Ran the Apprenticeship Promotion Scheme in Salt Lake, back and forth with the salt works; new icon set.")
        #expect(!prose.contains("Scheme") && !prose.contains("Salt") && !prose.contains("Forth") && !prose.contains("ICON"))
        #expect(try await skills("Languages: Scheme, Forth\nTools: Salt, Ansible").sorted() == ["Ansible", "Forth", "Salt", "Scheme"])
    }

    @Test func anAcronymTheResumeDefinesOtherwiseIsNotTheTaxonomys() async throws {
        // The resume's own systems, not point-of-sale software or Google's cloud.
        let defined = try await skills("""
            Built screens for the Port Operating System (POS); ran POS releases.
            GCP (Global career program) tracks employees on assignment; supported GCP users.
            """)
        #expect(!defined.contains("POS") && !defined.contains("Google Cloud Platform"))
        // Spelled out as the taxonomy's skill, or not spelled out at all, the acronym is that skill.
        let same = try await skills("Worked on Amazon Web Services (AWS) and Test Driven Development (TDD). Retail POS, GCP.")
        #expect(same.contains("AWS") && same.contains("Test-Driven Development") && same.contains("POS") && same.contains("Google Cloud Platform"))
    }

    @Test func itemsBetweenMiddleDotsUnderSoftwareAndNoClosingLine() async throws {
        let output = try await AnalyzerHarness.run(SkillsAnalyzer.self, options: .init(), on: .init(plainText: """
            Jo Bloggs
            SKILLS
            Patient assessment · Wound care · IV therapy · Zorptool charting
            Software
            Blimpclient, Quuxnet Planner

            References available on request.
            """))
        let names = output.skills.map(\.name)
        for item in ["Patient assessment", "Wound care", "IV therapy", "Zorptool charting", "Blimpclient", "Quuxnet Planner"] {
            #expect(names.contains(item), "\(item)")
        }
        #expect(!names.contains { $0.hasPrefix("References") })
    }

    @Test func taxonomyIsLoadedOnceAndLarge() {
        #expect(SkillTaxonomy.shared.skills.count > 2000)
    }
}

@Suite struct EmployerSkillTests {
    func skills(_ text: String) async throws -> [String] {
        try await AnalyzerHarness.run(
            SkillsAnalyzer.self, options: .init(), on: Document(plainText: text),
            after: [try AnalyzerStep<SectionsAnalyzer>(options: NoOptions()), try AnalyzerStep<ContactAnalyzer>(options: NoOptions()),
                    try AnalyzerStep<ExperienceAnalyzer>(options: .init())]).skills.map(\.name)
    }

    /// Working at Facebook and building the Facebook app is no Facebook skill; listing it is.
    @Test func theEmployerIsNoSkillUnlessListed() async throws {
        let resume = """
            Rosa Lindqvist
            EXPERIENCE
            June 2016 – Present Software Developer, Facebook, Menlo Park, USA
            • Built features for the Facebook web application using React.
            SKILLS
            React, JavaScript
            """
        let found = try await skills(resume)
        #expect(found.contains("React") && !found.contains("Facebook"))
        #expect(try await skills(resume + ", Facebook").contains("Facebook"))
    }

    /// "Microsoft GPS" is a division of the employer, not the satellite system.
    @Test func aSkillNamedInTheEmployersNameIsNoSkillUnlessListed() async throws {
        let resume = """
            Rosa Lindqvist
            EXPERIENCE
            June 2016 – Present Program Manager, Microsoft GPS, Bangalore, India
            • Ran partner events for GPS across Asia; reported GPS outcomes monthly.
            """
        #expect(!(try await skills(resume)).contains("GPS"))
    }
}
