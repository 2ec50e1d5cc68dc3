import Foundation
import ZIPFoundation

/// Reads Word documents: unzips the body, headers and footers under the bomb limits and hands
/// each part to `WordXMLParser`.
struct DOCXReader {
    let limits: ExtractionLimits

    static let bodyPath = "word/document.xml"

    /// Entries smaller than this may compress by any ratio: tiny XML parts (empty headers,
    /// settings) often shrink far more than 100×, and they cannot exhaust memory.
    static let ratioFloor = 256 << 10

    static func isWordDocument(_ data: Data) -> Bool {
        guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { return false }
        return archive[bodyPath] != nil
    }

    func read(_ data: Data) throws -> Document {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ExtractionError(.corrupt, "The file starts like a ZIP/DOCX but its directory is damaged; re-save the document in Word and try again")
        }
        guard let body = archive[Self.bodyPath] else {
            throw ExtractionError(
                .unsupportedFormat,
                "The file is a ZIP archive but not a Word document (no word/document.xml); send it as DOCX or PDF, not zipped")
        }
        try checkDeclaredSizes(archive)

        // Headers often hold the name and contact line, so they come first; footers last.
        let entries = Array(archive)
        let headers = entries.filter { Self.isPart($0.path, prefix: "word/header") }.sorted { $0.path < $1.path }
        let footers = entries.filter { Self.isPart($0.path, prefix: "word/footer") }.sorted { $0.path < $1.path }
        var budget = limits.maxUncompressedBytes
        var lines: [TextLine] = []
        for entry in headers + [body] + footers {
            let xml = try inflate(entry, from: archive, budget: &budget)
            lines += try WordXMLParser.lines(xml, part: entry.path)
        }
        while lines.first?.text.isEmpty == true { lines.removeFirst() }
        while lines.last?.text.isEmpty == true { lines.removeLast() }
        return Document(format: .docx, pageCount: 1, lines: lines)
    }

    private static func isPart(_ path: String, prefix: String) -> Bool {
        path.hasPrefix(prefix) && path.hasSuffix(".xml") && !path.dropFirst(prefix.count).contains("/")
    }

    /// The cheap check on what the central directory claims, before inflating anything.
    private func checkDeclaredSizes(_ archive: Archive) throws {
        var total: UInt64 = 0
        for entry in archive {
            total += entry.uncompressedSize
            if exceedsRatio(uncompressed: entry.uncompressedSize, compressed: entry.compressedSize) {
                throw bomb("part \(entry.path) would inflate \(entry.uncompressedSize / max(entry.compressedSize, 1))× its stored size")
            }
        }
        if total > UInt64(limits.maxUncompressedBytes) {
            throw bomb("its parts would inflate to \(ByteCount(Int(clamping: total)))")
        }
    }

    private func exceedsRatio(uncompressed: UInt64, compressed: UInt64) -> Bool {
        uncompressed > UInt64(Self.ratioFloor) && uncompressed > compressed.multipliedReportingOverflow(by: UInt64(limits.maxCompressionRatio)).partialValue
    }

    /// Inflates one part, stopping as soon as it outgrows either limit: the sizes in the zip
    /// directory are written by whoever made the file and may lie.
    private func inflate(_ entry: Entry, from archive: Archive, budget: inout Int) throws -> Data {
        var out = Data()
        out.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(budget))))
        let remaining = budget
        let compressed = entry.compressedSize
        let maxRatio = limits.maxCompressionRatio
        do {
            let checksum = try archive.extract(entry) { chunk in
                out.append(chunk)
                if out.count > remaining || self.exceedsRatio(uncompressed: UInt64(out.count), compressed: compressed) {
                    throw ZipBombStop()
                }
            }
            guard checksum == entry.checksum else {
                throw ExtractionError(.corrupt, "The Word document is damaged (\(entry.path) fails its checksum); re-save it in Word and try again")
            }
        } catch is ZipBombStop {
            throw bomb("part \(entry.path) inflates past \(out.count > remaining ? "\(ByteCount(limits.maxUncompressedBytes)) in all" : "\(maxRatio)× its stored size")")
        } catch let error as ExtractionError {
            throw error
        } catch {
            throw ExtractionError(.corrupt, "The Word document is damaged (\(entry.path) cannot be unpacked); re-save it in Word and try again")
        }
        budget -= out.count
        return out
    }

    private func bomb(_ detail: String) -> ExtractionError {
        ExtractionError(.zipBomb, "The DOCX looks like a zip bomb: \(detail). Re-save the document normally and try again")
    }
}

private struct ZipBombStop: Error {}
