import Foundation
import Synchronization
import VitaeEngine

/// One live progress bar per file on stderr, redrawn in place; silent when stderr is not a terminal.
final class ProgressDisplay: Sendable {
    private struct Row {
        var name: String
        var progress = 0
        var label = "waiting"
    }

    private let rows: Mutex<[Row]>
    private let drawn = Mutex(false)
    private let enabled: Bool

    init(names: [String]) {
        rows = Mutex(names.map { Row(name: $0) })
        enabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func update(_ index: Int, _ update: JobUpdate) {
        guard enabled else { return }
        let snapshot: [Row] = rows.withLock { rows in
            rows[index].progress = update.progress
            switch update.status {
            case .completed: rows[index].label = "done"
            case .failed: rows[index].label = "failed: \(update.errorCode ?? "error")"
            default: rows[index].label = update.stage?.rawValue ?? update.status.rawValue
            }
            return rows
        }
        draw(snapshot)
    }

    func finish() {}

    private func draw(_ rows: [Row]) {
        let width = 30
        let nameWidth = min(28, rows.map(\.name.count).max() ?? 10)
        var out = drawn.withLock { wasDrawn in
            defer { wasDrawn = true }
            return wasDrawn ? "\u{1B}[\(rows.count)A" : ""
        }
        for row in rows {
            let filled = row.progress * width / 100
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let name = String(row.name.prefix(nameWidth)).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            out += "\r\u{1B}[2K\(name) \(bar) \(String(format: "%3d", row.progress))%  \(row.label)\n"
        }
        FileHandle.standardError.write(Data(out.utf8))
    }
}
