import PintailCore

/// The order statistics bounds compare in: numbers by value, strings and binaries by unsigned bytes (UTF-8 order),
/// booleans false < true. Values of different kinds, NaN and nested values do not compare (nil).
public enum StatisticsOrdering {
    public static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.int(let x), .int(let y)): return sign(x, y)
        case (.decimal(let x), .decimal(let y)): return sign(x, y)
        case (.int(let x), .decimal(let y)): return sign(Int128(x), y)
        case (.decimal(let x), .int(let y)): return sign(x, Int128(y))
        case (.double(let x), .double(let y)):
            guard !x.isNaN, !y.isNaN else { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)): return bytes(Array(x.utf8), Array(y.utf8))
        case (.bytes(let x), .bytes(let y)): return bytes(x, y)
        default: return nil
        }
    }

    private static func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }

    private static func bytes(_ x: [UInt8], _ y: [UInt8]) -> Int {
        for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
        return sign(x.count, y.count)
    }
}
