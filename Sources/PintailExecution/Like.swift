import PintailCore
import PintailPlanner
#if canImport(Glibc)
import Glibc
#endif

/// SQL LIKE over UTF-8 bytes: `%` matches any sequence, `_` one character, an ESCAPE character makes the next one
/// literal. A constant pattern is compiled once; `%word%`, `word%` and `%word` become byte searches.
enum Like {
    static func compile(_ args: [BoundExpr], _ compiled: [CompiledExpression]) throws -> CompiledExpression {
        let value = compiled[0]
        if case .literal(.string(let pattern), _) = args[1] {
            var escape: UInt8? = nil
            if args.count > 2 {
                guard case .literal(.string(let e), _) = args[2], e.utf8.count == 1 else {
                    throw ExecutionError("Escape string must be a single character")
                }
                escape = e.utf8.first
            }
            let matcher = try Pattern(Array(pattern.utf8), escape: escape)
            return { batch in try matchAll(try value(batch), matcher) }
        }
        return { batch in
            let v = try value(batch).flattened(), p = try compiled[1](batch).flattened()
            let esc = args.count > 2 ? try compiled[2](batch).flattened() : nil
            var out = [UInt8](repeating: 0, count: v.count)
            guard let vb = v.byteColumn, let pb = p.byteColumn else { throw ExecutionError("internal: LIKE expects varchar") }
            for i in 0..<v.count where v.isValid(i) && p.isValid(i) {
                let e = esc.flatMap { $0.isValid(i) ? $0.byteColumn?.value(at: i).first : nil }
                let m = try Pattern(pb.value(at: i), escape: e)
                out[i] = m.matches(vb.value(at: i)) ? 1 : 0
            }
            return .booleans(out, validity: v.flatValidity.and(p.flatValidity))
        }
    }

    private static func matchAll(_ input: Vector, _ m: Pattern) throws -> Vector {
        // Dictionary vectors match each distinct value once, and only the values the rows use: a join's output
        // is a dictionary over the whole build side, far larger than one batch.
        // A dictionary far larger than the batch (a join's output over a 200,000-row build side: TPC-H Q14) is
        // matched row by row through it: clearing a memo of its size for every batch cost more than the matching.
        if case .dictionary(let indices) = input.shape, let dict = input.byteColumn, dict.count > 2 * indices.count {
            var out = [UInt8](repeating: 0, count: indices.count)
            dict.bytes.withUnsafeBytes { raw in
                dict.offsets.withUnsafeBufferPointer { offsets in
                    for (i, index) in indices.enumerated() {
                        let k = Int(index)
                        out[i] = m.matches(UnsafeRawBufferPointer(rebasing: raw[Int(offsets[k])..<Int(offsets[k + 1])])) ? 1 : 0
                    }
                }
            }
            return .booleans(out, validity: input.flatValidity)
        }
        if case .dictionary(let indices) = input.shape, let dict = input.byteColumn {
            var hits = [Int8](repeating: -1, count: dict.count)
            var out = [UInt8](repeating: 0, count: indices.count)
            dict.bytes.withUnsafeBytes { raw in
                for (i, index) in indices.enumerated() {
                    let k = Int(index)
                    if hits[k] < 0 {
                        let s = Int(dict.offsets[k]), e = Int(dict.offsets[k + 1])
                        hits[k] = m.matches(UnsafeRawBufferPointer(rebasing: raw[s..<e])) ? 1 : 0
                    }
                    out[i] = UInt8(hits[k])
                }
            }
            return .booleans(out, validity: input.flatValidity)
        }
        let v = input.flattened()
        guard let col = v.byteColumn else { throw ExecutionError("internal: LIKE expects varchar") }
        var out = [UInt8](repeating: 0, count: v.count)
        col.bytes.withUnsafeBytes { raw in
            col.offsets.withUnsafeBufferPointer { offsets in
                for i in 0..<v.count {
                    out[i] = m.matches(UnsafeRawBufferPointer(rebasing: raw[Int(offsets[i])..<Int(offsets[i + 1])])) ? 1 : 0
                }
            }
        }
        return .booleans(out, validity: v.flatValidity)
    }

    /// A compiled pattern.
    struct Pattern {
        enum Token: Equatable { case literal([UInt8]), any, one }
        let tokens: [Token]
        /// `pieces`: literals separated by `%` only (no `_`), such as `%special%requests%` or `a%b%c`: an optional
        /// anchored first literal, the middle ones found in order by substring search, an optional anchored last one.
        enum Shape {
            case exact([UInt8]), prefix([UInt8]), suffix([UInt8]), contains([UInt8]), general, all
            case pieces(first: [UInt8]?, middle: [[UInt8]], last: [UInt8]?)
        }
        let shape: Shape

        init(_ pattern: [UInt8], escape: UInt8?) throws {
            var tokens: [Token] = []
            var literal: [UInt8] = []
            var i = 0
            func flush() { if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] } }
            while i < pattern.count {
                let c = pattern[i]
                if let escape, c == escape {
                    guard i + 1 < pattern.count, [UInt8(ascii: "%"), UInt8(ascii: "_"), escape].contains(pattern[i + 1]) else {
                        throw ExecutionError("Escape character must be followed by '%', '_' or the escape character")
                    }
                    literal.append(pattern[i + 1])
                    i += 2
                    continue
                }
                if c == UInt8(ascii: "%") { flush(); if tokens.last != .any { tokens.append(.any) } }
                else if c == UInt8(ascii: "_") { flush(); tokens.append(.one) }
                else { literal.append(c) }
                i += 1
            }
            flush()
            self.tokens = tokens
            switch tokens.count {
            case 0: shape = .exact([])
            case 1:
                if case .literal(let l) = tokens[0] { shape = .exact(l) } else if tokens[0] == .any { shape = .all } else { shape = .general }
            case 2:
                if case .literal(let l) = tokens[0], tokens[1] == .any { shape = .prefix(l) }
                else if case .literal(let l) = tokens[1], tokens[0] == .any { shape = .suffix(l) }
                else { shape = .general }
            case 3:
                if tokens[0] == .any, tokens[2] == .any, case .literal(let l) = tokens[1] { shape = .contains(l) }
                else { shape = Self.piecesShape(tokens) ?? .general }
            default: shape = Self.piecesShape(tokens) ?? .general
            }
        }

        /// The `pieces` shape of a pattern made of literals and `%` alone, with at least one `%`.
        static func piecesShape(_ tokens: [Token]) -> Shape? {
            guard tokens.contains(.any), !tokens.contains(.one) else { return nil }
            var literals: [[UInt8]] = []
            for case .literal(let l) in tokens { literals.append(l) }
            var first: [UInt8]?, last: [UInt8]?
            if case .literal(let l) = tokens.first { first = l; literals.removeFirst() }
            if case .literal(let l) = tokens.last { last = l; literals.removeLast() }
            return .pieces(first: first, middle: literals, last: last)
        }

        func matches(_ s: [UInt8]) -> Bool { s.withUnsafeBytes { matches($0) } }

        func matches(_ s: UnsafeRawBufferPointer) -> Bool {
            switch shape {
            case .all: return true
            case .exact(let l): return s.count == l.count && s.elementsEqual(l)
            case .prefix(let l): return s.count >= l.count && l.withUnsafeBytes { memcmp(s.baseAddress!, $0.baseAddress!, l.count) == 0 || l.isEmpty }
            case .suffix(let l): return s.count >= l.count && l.withUnsafeBytes { l.isEmpty || memcmp(s.baseAddress! + (s.count - l.count), $0.baseAddress!, l.count) == 0 }
            case .contains(let l):
                if l.isEmpty { return true }
                guard s.count >= l.count, let base = s.baseAddress else { return false }
                return l.withUnsafeBytes { Self.find(base, s.count, $0.baseAddress!, l.count) }
            case .general: return matchGeneral(s, 0, 0)
            case .pieces(let first, let middle, let last): return matchPieces(s, first, middle, last)
            }
        }

        /// Leftmost match of each middle literal after the previous one is optimal: ending a piece as early as
        /// possible leaves the most room for the rest. The anchored last literal must start after the middle ones.
        private func matchPieces(_ s: UnsafeRawBufferPointer, _ first: [UInt8]?, _ middle: [[UInt8]], _ last: [UInt8]?) -> Bool {
            guard let base = s.baseAddress else {
                return (first?.isEmpty ?? true) && middle.allSatisfy(\.isEmpty) && (last?.isEmpty ?? true)
            }
            var position = 0
            if let first {
                guard s.count >= first.count, first.withUnsafeBytes({ memcmp(base, $0.baseAddress!, first.count) == 0 }) else { return false }
                position = first.count
            }
            for piece in middle {
                guard let at = piece.withUnsafeBytes({ Self.firstIndex(base + position, s.count - position, $0.baseAddress!, piece.count) }) else {
                    return false
                }
                position += at + piece.count
            }
            if let last {
                guard s.count - position >= last.count else { return false }
                return last.withUnsafeBytes { memcmp(base + (s.count - last.count), $0.baseAddress!, last.count) == 0 }
            }
            return true
        }

        /// Offset of the first occurrence of `needle` in `hay`, or nil (memchr to each candidate first byte, then memcmp).
        static func firstIndex(_ hay: UnsafeRawPointer, _ n: Int, _ needle: UnsafeRawPointer, _ m: Int) -> Int? {
            if m == 0 { return 0 }
            let first = Int32(needle.load(as: UInt8.self))
            var pos = 0
            while pos + m <= n {
                guard let hit = memchr(hay + pos, first, n - m - pos + 1) else { return nil }
                let at = hay.distance(to: UnsafeRawPointer(hit))
                if memcmp(hay + at, needle, m) == 0 { return at }
                pos = at + 1
            }
            return nil
        }

        /// Backtracking match; `%` runs are collapsed so the cost stays polynomial for realistic patterns.
        private func matchGeneral(_ s: UnsafeRawBufferPointer, _ si: Int, _ ti: Int) -> Bool {
            var si = si
            var ti = ti
            while ti < tokens.count {
                switch tokens[ti] {
                case .literal(let l):
                    guard si + l.count <= s.count else { return false }
                    for k in 0..<l.count where s[si + k] != l[k] { return false }
                    si += l.count
                case .one:
                    guard si < s.count else { return false }
                    si += Self.utf8Length(s[si])
                case .any:
                    if ti == tokens.count - 1 { return true }
                    var start = si
                    while start <= s.count {
                        if matchGeneral(s, start, ti + 1) { return true }
                        if start == s.count { break }
                        start += Self.utf8Length(s[start])
                    }
                    return false
                }
                ti += 1
            }
            return si == s.count
        }

        /// Substring search.
        static func find(_ hay: UnsafeRawPointer, _ n: Int, _ needle: UnsafeRawPointer, _ m: Int) -> Bool {
            firstIndex(hay, n, needle, m) != nil
        }

        static func utf8Length(_ lead: UInt8) -> Int {
            if lead < 0x80 { return 1 }
            if lead >= 0xF0 { return 4 }
            if lead >= 0xE0 { return 3 }
            if lead >= 0xC0 { return 2 }
            return 1
        }
    }
}
