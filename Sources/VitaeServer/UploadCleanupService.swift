import Foundation
import Logging
import ServiceLifecycle
import VitaeStore

/// Deletes, now and then, the uploads no job needs any more (see `UploadCleanup`). Several front
/// ends may run it against one database: deleting is idempotent.
struct UploadCleanupService: Service {
    let cleanup: any UploadCleanup
    let retention: Duration
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            // Waits first, so starting a process (or many front ends at once) adds no cleanup work.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            guard !Task.isCancelled, !Task.isShuttingDownGracefully else { return }
            do {
                let deleted = try await cleanup.deleteUnused(before: Date().addingTimeInterval(-Double(retention.milliseconds) / 1000))
                if deleted > 0 { logger.info("deleted uploads no job needs", metadata: ["count": "\(deleted)"]) }
            } catch {
                logger.warning("cleaning up uploads failed; trying again later", metadata: ["error": "\(error)"])
            }
        }
    }
}
