import Testing
import VitaeAnalysis

@Suite struct PlacesTests {
    @Test(arguments: [
        ("123 Main St, Anywhere, USA", "Anywhere, USA"),
        ("Google HQ, Mountain View, CA, USA", "Mountain View, CA, USA"),
        ("Columbus, Ohio 44444", "Columbus, Ohio"),
        ("Chennai, Tamil Nadu, Tamil Nadu", "Chennai, Tamil Nadu"),
        ("hyderbad, Telangana", "Hyderbad, Telangana"),
        ("Chennai, TAMIL NADU, IN", "Chennai, TAMIL NADU, IN"),
        ("Leopoldstraße 112, 80802 München, Germany", "München, Germany"),
        ("Keizersgracht 10, 1015 CS Amsterdam, Netherlands", "Amsterdam, Netherlands"),
        ("Guadalajara, Jalisco, México", "Guadalajara, Jalisco, México"),
        ("Malahide, Co. Dublin", "Malahide, Co. Dublin"),
        ("Rustenburg, North West", "Rustenburg, North West"),
        ("Nørrebrogade 10, 2200 København N", "København N"),
        ("Via Roma 5, 20121 Milano (MI)", "Milano, MI"),
        ("Montréal (Québec)", "Montréal, Québec"),
        ("Sandton, Johannesburg, 2196", "Sandton, Johannesburg"),
        ("Auckland 1010, New Zealand", "Auckland, New Zealand"),
        ("Manchester M1 4BT", "Manchester"),
        ("Toronto, ON M5V 2T6", "Toronto, ON"),
        ("Muscat, Sultanate of Oman", "Muscat, Sultanate of Oman"),
        ("Lomé, Togo", "Lomé, Togo"),
        ("Brisbane QLD", "Brisbane QLD"),
    ])
    func locations(text: String, expected: String) {
        #expect(Places.location(in: text) == expected)
    }

    @Test(arguments: ["Senior Software Engineer, Stripe", "Test Analyst at Oracle, Hyderabad", "Kent State University, Ohio",
                      "Chartered Accountant (ICAN)", "Mining Industry Advisory Committee (WA)"])
    func notLocations(text: String) {
        #expect(Places.location(in: text) == nil)
    }

    /// A town after a company's name; initials open an organisation's name, not a region typed in capitals.
    @Test func theTrailingPlaceOfCommaParts() {
        #expect(Places.splitTrailingLocation(["Postdoctoral Researcher", "IRD Montpellier", "France"]).location == "France")
        #expect(Places.splitTrailingLocation(["Infosys", "BADI", "MADHYA PRADESH", "IN"]).location == "BADI, MADHYA PRADESH, IN")
        #expect(Places.splitTrailingLocation(["Contoso", "CHENNAI", "TAMIL NADU"]).location == "CHENNAI, TAMIL NADU")
    }

    @Test(arguments: ["First Class Honours", "Second Class Honours", "Upper Second Honors", "Distinction", "Summa Cum Laude"])
    func gradesAreNoBareTowns(text: String) {
        #expect(Places.location(in: text, allowBareCity: true) == nil)
    }

    @Test func knownTownsStandInAPlacesSlotWithoutARegion() {
        // "Timișoara" with Romanian's comma below, as the list's "Timişoara" is written with a cedilla.
        for town in ["Lisbon", "Genoa", "Visby", "Karachi", "Milano", "Kraków", "Timișoara", "Pitești"] {
            #expect(Places.placeInPlaceSlot(town) == town, "\(town)")
            #expect(Places.location(in: town) == nil, "a bare name is no place outside a place's slot: \(town)")
        }
        #expect(Places.location(in: "Leith, Edinburgh") == "Leith, Edinburgh")
        #expect(Places.location(in: "Tecnológico de Monterrey, Guadalajara") == nil, "a school before a known town")
        #expect(Places.location(in: "Frankfurt am Main, Germany") == "Frankfurt am Main, Germany")
        // Everyday words stay what they are.
        #expect(Places.placeInPlaceSlot("Mobile") == nil)
    }

    /// Post codes as other countries write them vouch for the town they go with.
    @Test func postCodesAbroad() {
        #expect(Places.location(in: "Didsbury, Manchester M20") == "Didsbury, Manchester", "a British post code's first half")
        #expect(Places.location(in: "Redcliffe QLD 4020") == "Redcliffe QLD", "Australian state letters and post code, a town the list lacks")
        #expect(Places.location(in: "Frederiks Allé 61, 2. th., 8000 Aarhus C") == "Aarhus C", "a street, a floor, and the post code before the town")
        #expect(Places.location(in: "P.O. Box 1182, Mbarara, Uganda") == "Mbarara, Uganda", "a post office box is no place")
        #expect(Places.location(in: "123 Main Street, Leeds LS1 4AB, United Kingdom") == "Leeds, United Kingdom", "a post code inside")
        #expect(Places.location(in: "Belo Horizonte/MG") == "Belo Horizonte/MG", "Brazil's town/state")
        #expect(Places.location(in: "Input/IO") == nil)
        #expect(Places.location(in: "Python 3") == nil)
        #expect(Places.location(in: "Windows XP 2003") == nil)
    }
}
