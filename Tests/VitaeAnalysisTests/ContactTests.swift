import VitaeEngine
import Testing
@testable import VitaeAnalysis
import VitaeTesting

struct ExpectedContact: Sendable, CustomTestStringConvertible {
    var fixture: String
    var name: String
    var email: String
    var phone: String
    var location: String
    var testDescription: String { fixture }
}

/// Every sample resume of a fictional person: name, email, phone and location exactly right.
let sampleContacts: [ExpectedContact] = [
    .init(fixture: "alfred_pennyworth_pm", name: "Alfred Pennyworth", email: "alfred.pennyworth@email.com", phone: "(123) 456-7890", location: "Silicon Valley, CA, USA"),
    .init(fixture: "barry_allen_fe", name: "Barry Allen", email: "allthe.stars@google.com", phone: "(123) 456-7890", location: "Mountain View, CA, USA"),
    .init(fixture: "bruce_wayne_fullstack", name: "Bruce Wayne", email: "bwayne@email.com", phone: "(123) 456-7890", location: "Gotham, USA"),
    .init(fixture: "harvey_dent_mle", name: "Harvey Dent", email: "hdent@email.com", phone: "(123) 456-7891", location: "Gotham, USA"),
    .init(fixture: "john_doe", name: "John Doe", email: "john.doe@email.com", phone: "(123) 456-7890", location: "Anywhere, USA"),
    .init(fixture: "john_smith", name: "John Smith", email: "sresume@kent.edu", phone: "614-555-5555", location: "Columbus, Ohio"),
    .init(fixture: "laverne-resume", name: "Leo Leopard", email: "lleopard@laverne.edu", phone: "(909) 555-5555", location: "La Verne, CA"),
    .init(fixture: "openresume-resume", name: "John Doe", email: "hello@openresume.com", phone: "123-456-7890", location: "NYC, NY"),
    .init(fixture: "template-single-column", name: "John Doe", email: "john.doe@email.com", phone: "+1 (415) 555-0142", location: "San Francisco, CA"),
    .init(fixture: "template-two-column", name: "John Doe", email: "john.doe@email.com", phone: "+1 (415) 555-0142", location: "San Francisco, CA"),
    .init(fixture: "template-modern-single-column", name: "John Doe", email: "john.doe@email.com", phone: "+1 (415) 555-0142", location: "San Francisco, CA"),
    .init(fixture: "template-modern-two-column", name: "John Doe", email: "john.doe@email.com", phone: "+1 (415) 555-0142", location: "San Francisco, CA"),
]

@Suite struct ContactTests {
    @Test(arguments: sampleContacts)
    func sampleResumeContact(_ expected: ExpectedContact) async throws {
        let output = try await AnalyzerHarness.run(
            ContactAnalyzer.self, options: .init(), on: try Fixtures.document(expected.fixture),
            after: [AnalyzerStep<SectionsAnalyzer>(options: .init())])
        #expect(output.contact.name == expected.name)
        #expect(output.contact.emails == [expected.email])
        #expect(output.contact.phones == [expected.phone])
        #expect(output.contact.location == expected.location)
    }

    @Test func aContactSectionAfterTheMainColumnGivesPhoneAndLocation() async throws {
        let output = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: """
            Mateo Alvarez
            Product Designer
            EXPERIENCE
            Senior Product Designer, Lumen Pay Jan 2022 - Present
            Austin, TX
            • Ran 60+ usability sessions per year
            CONTACT
            mateo.alvarez@example.org
            +1 (512) 555-0134
            Austin, TX
            """, after: [AnalyzerStep<SectionsAnalyzer>(options: .init())])
        #expect(output.contact.location == "Austin, TX")
        #expect(output.contact.phones == ["+1 (512) 555-0134"])
    }

    @Test func internationalPhonesAndLinks() async throws {
        let text = """
            Amélie Dupont
            Paris, France | +33 6 12 34 56 78 | amelie@example.fr
            +44 20 7946 0958 · +91 98765 43210
            linkedin.com/in/amelie-dupont · https://github.com/adupont · https://amelie.dev/
            Summary
            Built Node.js services from 2019 - 2021.
            """
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: text).contact
        #expect(contact.name == "Amélie Dupont")
        #expect(contact.location == "Paris, France")
        #expect(contact.phones == ["+33 6 12 34 56 78", "+44 20 7946 0958", "+91 98765 43210"])
        #expect(contact.links.map(\.kind) == [.linkedin, .github, .website])
        #expect(contact.links.map(\.url) == ["linkedin.com/in/amelie-dupont", "https://github.com/adupont", "https://amelie.dev"])
    }

    @Test func lowerCaseNameOnTheFirstLineIsCapitalised() async throws {
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: "ravi kumar\nPune, Maharashtra\n").contact
        #expect(contact.name == "Ravi Kumar")
        #expect(contact.location == "Pune, Maharashtra")
        #expect(contact.city == "Pune")
        #expect(contact.region == "Maharashtra")
        let heading = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: "curriculum vitae\nJane Roe\n").contact
        #expect(heading.name == "Jane Roe")
    }

    /// A name in capitals is title-cased part by part; degrees and licences after it are no part of it.
    @Test(arguments: [
        ("JOHN DOE", "John Doe"),
        ("MARIA GONZÁLEZ-LÓPEZ", "Maria González-López"),
        ("JEAN-PIERRE DUPONT", "Jean-Pierre Dupont"),
        ("MARY O'NEILL", "Mary O'Neill"),
        ("ANNE MCDONALD", "Anne McDonald"),
        ("Olga Ivanova, PhD", "Olga Ivanova"),
        ("Olga Ivanova, Ph.D.", "Olga Ivanova"),
        ("Sarah Connor, MBA, PMP", "Sarah Connor"),
        ("John Roe, Jr.", "John Roe"),
        ("ROBERT PAULSON, CPA", "Robert Paulson"),
        ("Thabo Mokoena CA(SA)", "Thabo Mokoena"),
        ("Mahmoud Adel El-Sayed, CCNP, CCIE Written", "Mahmoud Adel El-Sayed"),
        ("Haruka Sato (佐藤 遥)", "Haruka Sato"),
        ("Dr. Ayşe Yılmaz", "Ayşe Yılmaz"),
        ("Eng. Mahmoud Adel El-Sayed, CCNP", "Mahmoud Adel El-Sayed"),
        ("Li Wei 李伟", "Li Wei"),
        ("Eng Wei Tan", "Eng Wei Tan"),
        ("apt. Sari Wulandari Putri, S.Farm.", "Sari Wulandari Putri"),
        ("Siti Aisyah binti Mohd Razali", "Siti Aisyah binti Mohd Razali"),
        ("Pieter van der Merwe", "Pieter van der Merwe"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("MARÍA JOSÉ DE LA CRUZ", "María José de la Cruz"),
        ("José Luis Rodríguez Zapatero Jr.", "José Luis Rodríguez Zapatero Jr."),
        ("John A. Smith III", "John A. Smith III"),
        ("Mary-Kate MacDonald BSc (Hons) MRICS", "Mary-Kate MacDonald"),
        ("Sarah Connor MBA PMP", "Sarah Connor"),
        ("Jean DUPONT", "Jean DUPONT"),
        ("Anna Maria SMITH", "Anna Maria SMITH"),
        ("Dr. med. Katharina von Arnim", "Katharina von Arnim"),
        ("Mag. Stefan Gruber", "Stefan Gruber"),
        ("JUDr. Petra Kováčová", "Petra Kováčová"),
        ("Mgr. Ing. Jana Nová", "Jana Nová"),
        ("Chukwuemeka \"Emeka\" Obi", "Chukwuemeka Obi"),
        ("ONYANGO, Peter Otieno", "Peter Otieno Onyango"),
        ("OBI, CHUKWUEMEKA IKENNA", "Chukwuemeka Ikenna Obi"),
        ("RICHARD A. PEMBERTON FCMA CGMA", "Richard A. Pemberton"),
        ("Ing. Agr. Juan Pablo Olivera Dos Santos", "Juan Pablo Olivera Dos Santos"),
        ("Dr. J. Robert Oppenheimer", "J. Robert Oppenheimer"),
    ])
    func theNameLineAsAReaderWritesIt(_ written: String, _ expected: String) async throws {
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: "\(written)\nname@example.com\n").contact
        #expect(contact.name == expected)
    }

    /// "PERSONAL DATA" heads a form's details; it is the heading, not the name, even where the
    /// name written surname first is not read.
    /// A name and headings set with letter-spacing, as text extraction gives them.
    /// A form's name field, in its language, wins over the document's title above it; a personal
    /// detail and its value ("Sex Male") is no name.
    @Test(arguments: [
        ("F O R M A T O   E U R O P E O\n\nINFORMAZIONI PERSONALI\nNome                FERRARI CHIARA\n", "Ferrari Chiara"),
        ("ŽIVOTOPIS\n\nOsobni podaci\nIme i prezime:       Ivana Radić Perić\n", "Ivana Radić Perić"),
        ("HOJA DE VIDA\n\nDATOS PERSONALES\nNombres y apellidos:     Bryan Steven Mendoza\n", "Bryan Steven Mendoza"),
        ("Curriculum Vitae\n\nPERSONAL INFORMATION          Matej Kovačič\n   Sex Male | Date of birth 12/05/1978\n", "Matej Kovačič"),
    ])
    func aFormsNameField(_ text: String, _ expected: String) async throws {
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: text + "name@example.com\n").contact
        #expect(contact.name == expected)
    }

    @Test func aLetterSpacedNameAndHeading() async throws {
        let contact = try await AnalyzerHarness.run(
            ContactAnalyzer.self, onText: "A H M E D   H A S S A N\nahmed@example.com\n\nE X P E R I E N C E\n").contact
        #expect(contact.name == "Ahmed Hassan")
        #expect(ResumeText.withoutLetterSpacing("E X P E R I E N C E") == "EXPERIENCE")
        #expect(ResumeText.withoutLetterSpacing("C C++ Java Python") == nil)
        #expect(ResumeText.withoutLetterSpacing("A B C") == nil)
        #expect(ResumeText.withoutLetterSpacing("I am a team player") == nil)
    }

    /// "Centro" (a town in the towns list, and a neighbourhood here) yields to the place with its state.
    @Test func aVouchedPlaceWinsOverABareTownName() async throws {
        let contact = try await AnalyzerHarness.run(
            ContactAnalyzer.self, onText: "João Pedro Silva\nRua das Flores, 123 – Centro – Belo Horizonte/MG – CEP 30130-000\njoao@example.com\n").contact
        #expect(contact.location == "Belo Horizonte/MG")
    }

    @Test func aResidenceWrittenAsASentenceInTheHeader() async throws {
        let contact = try await AnalyzerHarness.run(
            ContactAnalyzer.self, onText: "Nour Bensalah\nBased in Al Sadd, Doha, Qatar  ·  +974 5561 9027  ·  nour@example.com\n").contact
        #expect(contact.location == "Al Sadd, Doha, Qatar")
    }

    @Test func aPersonalDataHeadingIsNoName() async throws {
        let contact = try await AnalyzerHarness.run(
            ContactAnalyzer.self, onText: "08034417265 | a@example.com\n\nPERSONAL DATA\nDate of Birth: 19th January, 1992\n").contact
        #expect(contact.name == nil)
    }

    @Test func aDocumentTitleInCapitalsIsNoName() async throws {
        let contact = try await AnalyzerHarness.run(
            ContactAnalyzer.self, onText: "CURRICULUM VITAE\n\nName: Haruka Sato (佐藤 遥)\nPhone: +81 90-1234-5678\n").contact
        #expect(contact.name == "Haruka Sato")
    }

    /// A two-column resume read sidebar first: the skills listed under their heading are no name, and
    /// the name after the sidebar is found.
    @Test func aSidebarReadBeforeTheName() async throws {
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: """
            CONTACT
            +254 712 345 678
            wanjiru.kamau@example.com
            Nairobi, Kenya

            SKILLS
            Financial Modelling
            Stakeholder Management
            Power BI

            LANGUAGES
            English, Swahili

            EDUCATION
            BCom (Finance)
            Strathmore University

            WANJIRU KAMAU
            FINANCIAL ANALYST
            """).contact
        #expect(contact.name == "Wanjiru Kamau")
        #expect(contact.location == "Nairobi, Kenya")
    }

    /// Forms: "Full Name: …", and "Surname: …" with "First Names: …" on lines of their own.
    @Test func nameFieldsOfAForm() async throws {
        let full = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: "Full Name: Nguyen Thi Mai\nEmail: mai@example.com\n").contact
        #expect(full.name == "Nguyen Thi Mai")
        let form = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: """
            CURRICULUM VITAE

            PERSONAL DETAILS
            Surname: MOYO
            First Names: Tendai Blessing
            Email: t@example.com
            """).contact
        #expect(form.name == "Tendai Blessing Moyo")
        let english = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: "Lim Wei Jie, Jason\nSingapore | jason@example.com\n").contact
        #expect(english.name == "Jason Lim Wei Jie")
    }

    /// "Smith, John": a given name after the surname is no degree to drop; the name reads given name first.
    @Test func aGivenNameAfterTheSurnameIsNoDegree() async throws {
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: "Smith, John\nname@example.com\n").contact
        #expect(contact.name == "John Smith")
        let place = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: "Austin, Texas\nname@example.com\n").contact
        #expect(place.name == nil)
    }

    @Test func headerFieldsPartedBySlashes() async throws {
        let contact = try await AnalyzerHarness.run(
            ContactAnalyzer.self, onText: "Tom Brown\n555.123.4567 / tom@brown.io / Austin, TX\n").contact
        #expect(contact.location == "Austin, TX")
        #expect(contact.phones == ["555.123.4567"])
    }

    @Test func oneLongContactLineGivesPhoneAndLocation() async throws {
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: """
            Jane Roe
            2222 McCoy Road Columbus, Ohio 44444 614-555-5555 jroe@example.edu www.linkedin.com/in/jroe
            Objective
            """).contact
        #expect(contact.phones == ["614-555-5555"])  // the ZIP code before it is not part of the phone
        #expect(contact.location == "Columbus, Ohio")
        let unseparated = try await AnalyzerHarness.run(
            ContactAnalyzer.self, onText: "Jane Roe\njroe@example.com +1 (415) 555-0142 Austin, TX linkedin.com/in/jroe\n").contact
        #expect(unseparated.location == "Austin, TX")
        #expect(unseparated.phones == ["+1 (415) 555-0142"])
    }

    @Test func nameOnALineWithContactItemsAndIcons() async throws {
        let contact = try await AnalyzerHarness.run(
            ContactAnalyzer.self, onText: "Silicon Valley, CA, USA\nJane Roe I (123) 456-7890\n# jroe@example.com\n").contact
        #expect(contact.name == "Jane Roe")
        #expect(contact.location == "Silicon Valley, CA, USA")
        // A grouped phone number is kept whole.
        let spaced = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: "Jane Roe\n+91 98765 43210\n123 456-7890\n").contact
        #expect(spaced.phones == ["+91 98765 43210", "123 456-7890"])
    }

    @Test func yearRangesAreNotPhones() async throws {
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, onText: "Jane Roe\n2012 - 2017 Analyst\n").contact
        #expect(contact.phones.isEmpty)
    }
}
