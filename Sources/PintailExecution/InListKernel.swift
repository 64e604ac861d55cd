import PintailCore
import PintailPlanner

/// `x IN (constant, ...)` in one pass over x: strings against the constants' bytes (once per dictionary entry when
/// x is dictionary-shaped), integers, dates and short decimals against the constants as Int64. Three-valued: NULL
/// when x is NULL, or when nothing matches and the list holds a NULL.
enum InListKernel {
    /// nil when the list is not all constants of x's type (the caller then ORs the equalities).
    static func compile(_ x: BoundExpr, _ items: [BoundExpr]) throws -> CompiledExpression? {
        var values: [Value] = []
        for item in items {
            guard case .literal(let v, let t) = item, t == x.type else { return nil }
            values.append(v)
        }
        let hasNull = values.contains(where: \.isNull)
        let constants = values.filter { !$0.isNull }
        switch x.type.physical {
        case .bytes:
            if case .char = x.type { return nil }  // char compares padded; keep the generic path
            var texts: [[UInt8]] = []
            for c in constants {
                switch c {
                case .string(let s): texts.append(Array(s.utf8))
                case .bytes(let b): texts.append(b)
                default: return nil
                }
            }
            let input = try ExpressionCompiler.compileFolded(x)
            return { batch in finish(try input(batch), hasNull: hasNull) { v in strings(v, texts) } }
        case .int8, .int16, .int32, .int64:
            var numbers: [Int64] = []
            for c in constants {
                switch c {
                case .int(let i): numbers.append(i)
                case .decimal(let d):
                    guard let i = Int64(exactly: d) else { return nil }
                    numbers.append(i)
                default: return nil
                }
            }
            let input = try ExpressionCompiler.compileFolded(x)
            return { batch in
                try finish(try input(batch), hasNull: hasNull) { v in
                    guard let m = integers(v, numbers) else { throw ExecutionError("internal: IN expects integer storage for \(v.type)") }
                    return m
                }
            }
        default:
            return nil
        }
    }

    /// The match bits from `match`, with x's NULLs (and non-matches when the list has a NULL) made NULL.
    private static func finish(_ v: Vector, hasNull: Bool, _ match: (Vector) throws -> [UInt8]) rethrows -> Vector {
        let bits = try match(v)
        var validity = v.flatValidity
        if hasNull {
            var bitmap = validity ?? Bitmap(count: v.count, value: true)
            for i in 0..<v.count where bits[i] == 0 { bitmap[i] = false }
            validity = bitmap
        }
        return .booleans(bits, validity: validity)
    }

    private static func strings(_ v: Vector, _ constants: [[UInt8]]) -> [UInt8] {
        guard case .bytes(let column) = v.storage else { return [UInt8](repeating: 0, count: v.count) }
        return column.bytes.withUnsafeBytes { bytes in
            column.offsets.withUnsafeBufferPointer { offsets in
                StorageMatch.rows(v) { StorageMatch.equalsAny(bytes, offsets, $0, constants) ? 1 : 0 }
            }
        }
    }

    private static func integers(_ v: Vector, _ constants: [Int64]) -> [UInt8]? {
        func match<T: BinaryInteger>(_ a: [T]) -> [UInt8] {
            a.withUnsafeBufferPointer { a in
                StorageMatch.rows(v) { e in
                    let x = Int64(a[e])
                    for c in constants where c == x { return 1 }
                    return 0
                }
            }
        }
        switch v.storage {
        case .int8(let a): return match(a)
        case .int16(let a): return match(a)
        case .int32(let a): return match(a)
        case .int64(let a): return match(a)
        default: return nil
        }
    }
}
