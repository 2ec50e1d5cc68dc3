import Foundation

/// Finds a folder that ships with Vitae (Pipelines, Samples/web): in the working directory, or
/// beside a binary built in the repository (.build/debug/vitae) or installed with a share folder.
enum BundledFolder {
    static func locate(_ relativePath: String) -> URL? {
        let fileManager = FileManager.default
        let local = URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent(relativePath)
        if fileManager.fileExists(atPath: local.path) { return local }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            for candidate in [relativePath, "share/vitae/\(relativePath)"] {
                let url = folder.appendingPathComponent(candidate)
                if fileManager.fileExists(atPath: url.path) { return url }
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
