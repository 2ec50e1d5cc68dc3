/// Bounds that keep a hostile or accidental huge file from exhausting the process.
public struct ExtractionLimits: Sendable, Hashable {
    public var maxFileBytes: Int
    public var maxPages: Int
    /// DOCX: the most bytes all parts may inflate to, and the most one part may grow by.
    public var maxUncompressedBytes: Int
    public var maxCompressionRatio: Int

    public init(
        maxFileBytes: Int = 20 << 20, maxPages: Int = 50,
        maxUncompressedBytes: Int = 64 << 20, maxCompressionRatio: Int = 100
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxPages = maxPages
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
    }

    public static let `default` = ExtractionLimits()
}

public struct ExtractionOptions: Sendable, Hashable {
    /// User or owner password of an encrypted PDF.
    public var password: String?
    public var limits: ExtractionLimits

    public init(password: String? = nil, limits: ExtractionLimits = .default) {
        self.password = password
        self.limits = limits
    }
}

/// Called as pages are read: (pages done, pages in all).
public typealias ExtractionProgress = @Sendable (_ done: Int, _ total: Int) -> Void
