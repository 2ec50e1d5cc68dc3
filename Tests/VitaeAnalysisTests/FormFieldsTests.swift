import Testing
@testable import VitaeAnalysis
import VitaeEngine
import VitaeExtraction
import VitaeTesting

/// Europass and other CV forms set each field as a label and its value side by side; the analyzers
/// read the values as they read a plain resume's lines.
@Suite struct FormFieldsTests {
    func experience(_ document: Document) async throws -> [ExperienceAnalyzer.Position] {
        try await AnalyzerHarness.run(ExperienceAnalyzer.self, options: .init(asOf: YearMonth(year: 2024, month: 12)), on: document).experience
    }

    static let europass = """
        Curriculum Vitae Europass

        Personal information
        Surname(s) / First name(s)     Rossi Marco
        Address                        Via Roma 12, 20121 Milano (Italy)
        E-mail                         marco.rossi@example.it

        Work experience

        Dates                          March 2016 - Present
        Occupation or position held    Maintenance Engineer
        Main activities and responsibilities   Planned maintenance of the packaging lines
        Name and address of employer   Barilla G. e R. Fratelli S.p.A., Via Mantova 166, 43122 Parma (Italy)
        Type of business or sector     Food industry

        Dates                          September 2012 - February 2016
        Occupation or position held    Junior Engineer
        Name and address of employer   Brembo S.p.A., Curno (Italy)

        Education and training

        Dates                          2007 - 2012
        Title of qualification awarded   Laurea Magistrale in Ingegneria Meccanica
        Principal subjects/occupational skills covered   Mechanics, thermodynamics
        Name and type of organisation providing education and training   Politecnico di Milano, Milano (Italy)

        Dates                          2002 - 2007
        Title of qualification awarded   Diploma di maturità scientifica
        Name and type of organisation providing education and training   Liceo Scientifico Galileo Galilei, Pavia (Italy)
        """

    @Test func anEnglishEuropassCV() async throws {
        let document = Document(plainText: Self.europass)
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, options: NoOptions(), on: document).contact
        #expect(contact.name == "Rossi Marco")
        let experience = try await experience(document)
        #expect(experience.map(\.title) == ["Maintenance Engineer", "Junior Engineer"])
        #expect(experience.map(\.company) == ["Barilla G. e R. Fratelli S.p.A.", "Brembo S.p.A."])
        #expect(experience.first?.location == "Parma, Italy")
        let education = try await AnalyzerHarness.run(EducationAnalyzer.self, options: NoOptions(), on: document).education
        #expect(education.map(\.institution) == ["Politecnico di Milano", "Liceo Scientifico Galileo Galilei"])
        #expect(education.map(\.degree) == ["Laurea Magistrale in Ingegneria Meccanica", "Diploma di maturità scientifica"])
        #expect(education.map(\.graduationYear) == [2012, 2007])
        #expect(education.first?.location == "Milano, Italy")
    }

    @Test func anItalianFormatoEuropeo() async throws {
        let document = Document(plainText: """
            INFORMAZIONI PERSONALI
            Nome                          BIANCHI GIULIA
            Indirizzo                     Via Garibaldi 8, 10122 Torino
            E-mail                        giulia.bianchi@example.it

            ESPERIENZA LAVORATIVA
            • Date (da – a)               Da gennaio 2019 a oggi
            • Nome e indirizzo del datore di lavoro   Azienda Ospedaliera Città della Salute, Torino
            • Tipo di azienda o settore   Sanità pubblica
            • Tipo di impiego             Infermiera
            • Principali mansioni e responsabilità   Assistenza ai pazienti in reparto di cardiologia
            """)
        let contact = try await AnalyzerHarness.run(ContactAnalyzer.self, options: NoOptions(), on: document).contact
        #expect(contact.name == "Bianchi Giulia")
        let experience = try await experience(document)
        #expect(experience.map(\.title) == ["Infermiera"])
        #expect(experience.map(\.company) == ["Azienda Ospedaliera Città della Salute"])
        #expect(experience.map(\.location) == ["Torino"])
    }

    /// "Empresa :  Alicorp S.A.A." / "Cargo   :  Jefa de …" / "Lugar   :  Arequipa": a key–value block.
    @Test func keyValueFieldsInSpanish() async throws {
        let experience = try await experience(Document(plainText: """
                EXPERIENCIA LABORAL

                   Empresa :  Gloria S.A.
                   Cargo   :  Supervisora de Calidad
                   Periodo :  Marzo 2017 – Enero 2021
                   Lugar   :  Arequipa
                """))
        #expect(experience.map(\.title) == ["Supervisora de Calidad"])
        #expect(experience.map(\.company) == ["Gloria S.A."])
        #expect(experience.map(\.location) == ["Arequipa"])
    }

    /// A long label wrapped onto the next line, an address after a dash, and "Desde: … Hasta: …" dates
    /// set apart by wide gaps.
    @Test func aWrappedLabelAnAddressAfterADashAndLabelledDates() async throws {
        let experience = try await experience(Document(plainText: """
                ESPERIENZA LAVORATIVA

                • Date (da – a)                        Dal 01/04/2017 ad oggi
                • Nome e indirizzo del datore di       Comune di Parma – Strada Repubblica 1, 43121 Parma
                  lavoro
                • Tipo di impiego                      Istruttore direttivo contabile
                """))
        #expect(experience.map(\.company) == ["Comune di Parma"])
        let spans = DateRanges.spans(in: "Desde:      marzo 2023      Hasta: la actualidad")
        #expect(spans.first?.start == YearMonth(year: 2023, month: 3))
        #expect(spans.first?.end == nil)
    }

    @Test func aLabelNeedsItsValueAndABulletNeedsItsSpace() {
        #expect(FormFields.rewritten("Occupation or position held    Maintenance Engineer") == "Position: Maintenance Engineer")
        #expect(FormFields.rewritten("Occupation or position held") == nil)
        #expect(FormFields.rewritten("occupation   Nurse") == "Position: Nurse")
        #expect(FormFields.rewritten("Dates of travel   2019") == nil)
    }
}
