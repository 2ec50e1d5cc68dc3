import Foundation

/// Characters to trim from the ends of a string: a `CharacterSet` whose ASCII members are also kept
/// in a table. `trimmingCharacters(in:)` goes through NSString on Linux (a UTF-16 copy, a
/// CoreFoundation call per character, another copy for the result) and was ~7 % of analysis time.
public struct TrimSet: @unchecked Sendable {
    let set: CharacterSet
    let asciiMembers: [Bool]

    public init(_ set: CharacterSet) {
        self.set = set
        asciiMembers = (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    public init(charactersIn characters: String) { self.init(CharacterSet(charactersIn: characters)) }

    public static let whitespaces = TrimSet(.whitespaces)

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? asciiMembers[Int(scalar.value)] : set.contains(scalar)
    }
}

extension Substring {
    /// The text without the leading and trailing Unicode scalars in `set`: what
    /// `trimmingCharacters(in:)` returns (it trims UTF-16 units, and the sets used here hold no
    /// scalar outside the BMP, so the two cut at the same places).
    public func trimming(_ set: TrimSet) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start != end, set.contains(scalars[start]) { scalars.formIndex(after: &start) }
        while start != end {
            let last = scalars.index(before: end)
            guard set.contains(scalars[last]) else { break }
            end = last
        }
        return String(scalars[start..<end])
    }
}

extension String {
    /// See `Substring.trimming(_:)`.
    public func trimming(_ set: TrimSet) -> String { self[...].trimming(set) }
}
