import Foundation

/// Positions written as a table: "Period | Company | Department | Position | Location" over one row
/// per job, flattened by the extractor into tab- or gap-separated columns. The header row says which
/// column is which, so the rows need no guessing.
extension ExperienceAnalyzer {
    enum TableColumn: Equatable {
        case dates, company, title, place, other
    }

    /// The columns a header row names, when it is one: three or more short labels, every one a label
    /// of a position's details, among them an employer's and a title's.
    static func tableColumns(_ line: String) -> [TableColumn]? {
        let labels = line.components(separatedBy: " | ")
        guard labels.count >= 3, !line.contains(where: \.isNumber) else { return nil }
        var columns: [TableColumn] = []
        for label in labels {
            // "Vessel (type, GT)": what the column's bracket explains is no part of its label.
            let bare = (label.split(separator: "(").first.map(String.init) ?? label).lowercased().trimming(.whitespaces)
            guard let column = columnLabels[bare] else { return nil }
            columns.append(column)
        }
        return columns.contains(.company) && columns.contains(.title) ? columns : nil
    }

    static let columnLabels: [String: TableColumn] = {
        var labels: [String: TableColumn] = [:]
        for label in ["period", "duration", "dates", "date", "from - to", "from – to", "years", "year", "tenure", "from", "to"] {
            labels[label] = .dates
        }
        for label in ["company", "employer", "organisation", "organization", "company name", "employer name", "firm"] {
            labels[label] = .company
        }
        for label in ["position", "title", "job title", "rank", "designation", "role", "post"] { labels[label] = .title }
        for label in ["location", "city", "place", "country", "base"] { labels[label] = .place }
        for label in ["department", "division", "team", "unit", "vessel", "ship", "client", "project", "responsibilities", "duties", "type"] {
            labels[label] = .other
        }
        return labels
    }()

    /// "2020.03 ~ Present | Samsung Electronics | Memory Division | Senior Engineer | Hwaseong" under a
    /// header row: the position its cells name, when the row has the header's columns.
    static func tableRow(_ line: String, at index: Int, columns: [TableColumn], span: DateSpan) -> Position? {
        let cells = line.components(separatedBy: " | ").map { $0.trimming(.whitespaces) }
        guard cells.count == columns.count else { return nil }
        var position = Position(start: span.start, end: span.end, current: span.isCurrent, line: index)
        for (cell, column) in zip(cells, columns) where !cell.isEmpty && cell != "-" {
            switch column {
            case .company: position.company = cell
            case .title: position.title = cell
            case .place: position.location = Places.location(in: cell, allowBareCity: true)
            case .dates, .other: break
            }
        }
        return position.title != nil || position.company != nil ? position : nil
    }
}
