/// Rebuilds the lines of one PDF page in reading order from glyph positions.
///
/// Poppler's own text order interleaves the two columns of a sidebar resume line by line (and
/// glues words across the gutter), so lines are rebuilt here: glyphs → words → rows of words →
/// fragments (runs of words with no wide gap). If one vertical gutter splits most fragments into a
/// left and a right group, each band between full-width lines is read left column first.
/// Coordinates are poppler's: points, origin top left, y growing downwards.
struct PageLayout: Sendable {
    struct Rect: Sendable, Equatable {
        var x1, y1, x2, y2: Double
        var height: Double { y2 - y1 }
        var midY: Double { (y1 + y2) / 2 }
        func union(_ other: Rect) -> Rect {
            Rect(x1: min(x1, other.x1), y1: min(y1, other.y1), x2: max(x2, other.x2), y2: max(y2, other.y2))
        }
    }

    /// What poppler says about the face of one glyph.
    struct Style: Sendable, Equatable {
        var fontSize: Double
        var isBold: Bool
    }

    struct Glyph: Sendable {
        var scalar: Unicode.Scalar
        var rect: Rect
        var style: Style?
    }

    /// A run of glyphs, by index, so building words allocates nothing per word.
    private struct Word {
        var glyphs: Range<Int>
        var rect: Rect
        /// The font size when poppler knows it: glyph boxes can be twice the line pitch tall
        /// (they follow the font's bounding box), so they make a poor ruler.
        var em: Double
    }

    private struct Fragment {
        var words: [Word]
        var rect: Rect
        var row: Int
    }

    let page: Int

    func lines(from glyphs: [Glyph]) -> [TextLine] {
        let rows = Self.rows(of: Self.words(from: glyphs))
        var fragments: [Fragment] = []
        for (index, row) in rows.enumerated() {
            fragments += Self.fragments(of: row, row: index)
        }
        return Self.readingOrder(fragments, firstPage: page == 1).compactMap { makeLine($0, glyphs: glyphs) }
    }

    // MARK: glyphs to words

    private static func words(from glyphs: [Glyph]) -> [Word] {
        var words: [Word] = []
        var current: Word?
        func close() {
            guard var word = current else { return }
            if let size = glyphs[word.glyphs.lowerBound].style?.fontSize, size > 0 { word.em = min(size, word.rect.height) }
            words.append(word)
            current = nil
        }
        for (index, glyph) in glyphs.enumerated() {
            if Self.isSeparator(glyph.scalar) {
                close()
                continue
            }
            // Poppler sometimes runs words from both columns together with no space; a jump in
            // position means a new word even without a separator.
            if let word = current, !Self.adjacent(glyphs[index - 1].rect, glyph.rect) || word.glyphs.upperBound != index {
                close()
            }
            if current == nil {
                current = Word(glyphs: index..<index + 1, rect: glyph.rect, em: glyph.rect.height)
            } else {
                current!.glyphs = current!.glyphs.lowerBound..<index + 1
                current!.rect = current!.rect.union(glyph.rect)
            }
        }
        close()
        return words
    }

    /// ASCII first: the Unicode property lookup is comparatively slow and nearly every glyph is ASCII.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value <= 0x20 || scalar.value == 0x7F }
        return scalar.properties.isWhitespace
    }

    private static func adjacent(_ a: Rect, _ b: Rect) -> Bool {
        let height = max(a.height, b.height, 1)
        let sameLine = b.midY > a.y1 && b.midY < a.y2
        let gap = b.x1 - a.x2
        return sameLine && gap < height * 0.6 && gap > -height
    }

    // MARK: words to rows and fragments

    /// Groups words into visual rows. Glyph boxes follow each font's bounding box, so words of
    /// one line in two fonts can have centres half an em apart while the boxes of neighbouring
    /// lines overlap; a word therefore joins the nearest row within half an em whose words it
    /// does not overlap horizontally (two words at one x are two lines).
    private static func rows(of words: [Word]) -> [[Word]] {
        struct Row {
            var words: [Word]
            var midY: Double
            var em: Double
        }
        let sorted = words.sorted { $0.rect.midY < $1.rect.midY }
        var rows: [Row] = []
        var open: [Int] = []  // rows still near enough to take words, newest last
        for word in sorted {
            open.removeAll { word.rect.midY - rows[$0].midY > rows[$0].em }
            let candidate = open.filter { index in
                abs(word.rect.midY - rows[index].midY) < min(rows[index].em, word.em) * 0.5
                    && !rows[index].words.contains { $0.rect.x1 < word.rect.x2 && word.rect.x1 < $0.rect.x2 }
            }.min { abs(word.rect.midY - rows[$0].midY) < abs(word.rect.midY - rows[$1].midY) }
            if let index = candidate {
                rows[index].words.append(word)
            } else {
                rows.append(Row(words: [word], midY: word.rect.midY, em: word.em))
                open.append(rows.count - 1)
            }
        }
        return rows.map { $0.words.sorted { $0.rect.x1 < $1.rect.x1 } }
    }

    /// Splits a row where the space between words is wider than a word space could be: the
    /// column gutter, or the gap before a right-aligned date.
    private static func fragments(of row: [Word], row index: Int) -> [Fragment] {
        let em = row.map(\.em).max() ?? 1
        var fragments: [Fragment] = []
        for word in row {
            if var last = fragments.last, word.rect.x1 - last.rect.x2 < em * 1.2 {
                last.words.append(word)
                last.rect = last.rect.union(word.rect)
                fragments[fragments.count - 1] = last
            } else {
                fragments.append(Fragment(words: [word], rect: word.rect, row: index))
            }
        }
        return fragments
    }

    // MARK: columns

    /// Resolution of the gutter search, in points.
    private static let binWidth = 2.0

    /// Fragments in the order a person reads them.
    private static func readingOrder(_ fragments: [Fragment], firstPage: Bool = false) -> [[Fragment]] {
        let byRow = { (group: [Fragment]) -> [[Fragment]] in
            Dictionary(grouping: group, by: \.row).sorted { $0.key < $1.key }.map { $0.value.sorted { $0.rect.x1 < $1.rect.x1 } }
        }
        guard let gutter = gutter(of: fragments) else {
            let rows = byRow(fragments)
            // A header of two blocks (name and title on the left, a stack of contact lines on the
            // right) is read block by block, so the name does not share a line with the phone.
            guard firstPage, let header = headerSplit(rows) else { return rows }
            let band = rows[..<header.end].joined()
            return byRow(band.filter { $0.rect.x2 <= header.x }) + byRow(band.filter { $0.rect.x1 >= header.x })
                + rows[header.end...]
        }
        // Walk the rows top to bottom; a fragment crossing the gutter closes the two-column band.
        var lines: [[Fragment]] = []
        var left: [Fragment] = [], right: [Fragment] = []
        func flush() {
            lines += byRow(left) + byRow(right)
            left = []; right = []
        }
        for row in byRow(fragments) {
            if row.contains(where: { $0.rect.x1 < gutter && $0.rect.x2 > gutter }) {
                flush()
                lines.append(row)
                continue
            }
            for fragment in row {
                if fragment.rect.x2 <= gutter { left.append(fragment) } else { right.append(fragment) }
            }
        }
        flush()
        return lines
    }

    /// Where the top of a single-column page splits into a left and a right block: the x of the
    /// right block and the number of leading rows the two blocks take.
    ///
    /// The right block starts in one of the first two rows and is a tight stack of at least two
    /// rows (no more than about two ems from one to the next), no fragment in the band crosses its
    /// left edge, and a very wide gap (3 ems of the largest type) separates it from the left block.
    /// Right-aligned dates of a job list are several lines apart, so they never form such a stack.
    private static func headerSplit(_ rows: [[Fragment]]) -> (x: Double, end: Int)? {
        let em = { (fragment: Fragment) in fragment.words.map(\.em).max() ?? 1 }
        var best: (x: Double, end: Int)?
        for x in Set(rows.prefix(8).joined().map(\.rect.x1)).sorted() {
            var left: [Fragment] = [], right: [Fragment] = []
            var end = 0, firstRightRow: Int?
            for (index, row) in rows.enumerated() {
                if row.contains(where: { $0.rect.x1 < x && $0.rect.x2 > x }) { break }
                let rightHere = row.filter { $0.rect.x1 >= x }
                if let first = rightHere.first {
                    if let previous = right.last, first.rect.midY - previous.rect.midY > 2.2 * max(em(first), em(previous)) { break }
                    firstRightRow = firstRightRow ?? index
                    right += rightHere
                    end = index + 1
                }
                left += row.filter { $0.rect.x2 <= x }
            }
            guard let start = firstRightRow, start <= 1, Set(right.map(\.row)).count >= 2 else { continue }
            let leftInBand = left.filter { fragment in fragment.row <= right.last!.row }
            guard let leftEdge = leftInBand.map(\.rect.x2).max(), let rightEdge = right.map(\.rect.x1).min() else { continue }
            let largest = (leftInBand + right).map(em).max() ?? 1
            guard rightEdge - leftEdge >= 3 * largest else { continue }
            if end > (best?.end ?? 0) { best = (x, end) }
        }
        return best
    }

    /// The x of a column gutter, when the page has two columns.
    ///
    /// A gutter is a clear vertical strip in the middle of the text area that few fragments cross
    /// (a header or footer may span it). Single-column pages fail the test because their body
    /// lines cross any such x; right-aligned dates alone do not make a column because the
    /// fragments beside them must also be in enough rows and be left-aligned like a column.
    private static func gutter(of fragments: [Fragment]) -> Double? {
        guard fragments.count >= 8,
              let minX = fragments.map(\.rect.x1).min(), let maxX = fragments.map(\.rect.x2).max(),
              maxX - minX > 100
        else { return nil }
        let binCount = Int((maxX - minX) / binWidth) + 1
        var crossing = [Int](repeating: 0, count: binCount)
        for fragment in fragments {
            let first = max(0, Int((fragment.rect.x1 - minX) / binWidth))
            let last = min(binCount - 1, Int((fragment.rect.x2 - minX) / binWidth))
            if first <= last { for bin in first...last { crossing[bin] += 1 } }
        }
        // Middle of the text area only: a margin note or a bullet column is not a gutter.
        let lower = Int(Double(binCount) * 0.2), upper = Int(Double(binCount) * 0.8)
        guard lower < upper else { return nil }
        let fewest = crossing[lower...upper].min()!
        guard fewest * 5 <= fragments.count else { return nil }
        // The widest run of least-crossed bins; it must be clear for a few points.
        var best: (start: Int, length: Int)?
        var bin = lower
        while bin <= upper {
            guard crossing[bin] == fewest else { bin += 1; continue }
            let start = bin
            while bin <= upper, crossing[bin] == fewest { bin += 1 }
            if bin - start > (best?.length ?? 0) { best = (start, bin - start) }
        }
        guard let run = best, Double(run.length) * binWidth >= 6 else { return nil }
        let x = minX + (Double(run.start) + Double(run.length) / 2) * binWidth
        let left = fragments.filter { $0.rect.x2 <= x }, right = fragments.filter { $0.rect.x1 >= x }
        let characters = { (group: [Fragment]) in group.reduce(0) { $0 + $1.words.reduce(0) { $0 + $1.glyphs.count } } }
        let total = characters(fragments)
        // Each side must carry a real share of the text, not a few dates beside the body.
        guard characters(left) * 100 >= total * 8, characters(right) * 100 >= total * 8,
              isColumn(left), isColumn(right) else { return nil }
        return x
    }

    /// Enough rows, set close together, most starting at one x: body text, not a stack of
    /// right-aligned dates several lines apart.
    private static func isColumn(_ fragments: [Fragment]) -> Bool {
        let rows = Set(fragments.map(\.row)).count
        guard rows >= 3 else { return false }
        let tops = Set(fragments.map(\.rect.midY)).sorted()
        let gaps = zip(tops.dropFirst(), tops).map { $0 - $1 }.sorted()
        let ems = fragments.map { $0.words.first?.em ?? 0 }.sorted()
        // Rows can share a centre when text is overprinted; then there is no rhythm to judge.
        guard gaps.count >= 2, gaps[gaps.count / 2] <= ems[ems.count / 2] * 3 else { return false }
        let starts = Dictionary(grouping: fragments) { Int(($0.rect.x1 / 4).rounded()) }
        let aligned = starts.values.map(\.count).max() ?? 0
        return aligned * 10 >= fragments.count * 3
    }

    // MARK: output

    private func makeLine(_ fragments: [Fragment], glyphs: [Glyph]) -> TextLine? {
        var raw: [Unicode.Scalar] = []
        var sizes: [Double: Int] = [:]
        var bold = 0, styled = 0
        // A wide gap inside a line (a right-aligned date, the next chip of a skills list set in boxes)
        // is a tab, as a Word tab stop is: the analyzers read it as a space, a list reader as a break.
        // The gap is judged by the two words' own type: the row's largest (a heading across the gutter)
        // would hide the gaps between small chips.
        var previous: Word?
        for word in fragments.lazy.flatMap(\.words) {
            if let previous {
                raw.append(word.rect.x1 - previous.rect.x2 < max(previous.em, word.em) * 1.2 ? " " : "\t")
            }
            previous = word
            for glyph in glyphs[word.glyphs] {
                raw.append(glyph.scalar)
                guard let style = glyph.style else { continue }
                styled += 1
                sizes[style.fontSize, default: 0] += 1
                if style.isBold { bold += 1 }
            }
        }
        let text = TextCleaner.clean(scalars: raw, keepTabs: true)
        guard !text.isEmpty else { return nil }
        let size = sizes.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
        return TextLine(text: text, page: page, fontSize: size.map { ($0 * 10).rounded() / 10 }, isBold: styled > 0 && bold * 2 > styled)
    }
}
