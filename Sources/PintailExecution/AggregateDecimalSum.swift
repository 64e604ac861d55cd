import PintailCore
import PintailPlanner

/// sum and avg of decimals, exact (Int128 sums; overflow is an error, not a trap). Updates go through
/// `DecimalSumKernel`; merging and finishing run over typed buffers too, because TPC-H Q18 merges and finishes 1.5
/// million groups (a `Value` per group in `finish` cost more than the merge).
final class DecimalSumAggregate: AggregateState {
    private var sums: [Int128] = []
    private var counts: [Int64] = []
    private let type: DataType
    private let average: Bool
    init(type: DataType, average: Bool) {
        self.type = type
        self.average = average
    }

    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        if sums.count < groupCount {
            sums += [Int128](repeating: 0, count: groupCount - sums.count)
            counts += [Int64](repeating: 0, count: groupCount - counts.count)
        }
        if try DecimalSumKernel.add(arguments[0], groups: groups, sums: &sums, counts: &counts) { return }
        let v = arguments[0].flattened()
        let x = Arithmetic.unscaled(v)
        for (i, g) in groups.enumerated() where v.isValid(i) {
            let (r, overflow) = sums[Int(g)].addingReportingOverflow(x[i])
            if overflow { throw ExecutionError("Decimal overflow in sum") }
            sums[Int(g)] = r
            counts[Int(g)] += 1
        }
    }

    func finish(groupCount: Int) -> Vector {
        extend(&sums, to: groupCount, with: 0)
        extend(&counts, to: groupCount, with: 0)
        var validity = Bitmap(count: groupCount, value: true)
        var anyNull = false
        var wide = [Int128](repeating: 0, count: groupCount)
        sums.withUnsafeBufferPointer { s in
            counts.withUnsafeBufferPointer { c in
                wide.withUnsafeMutableBufferPointer { out in
                    for g in 0..<groupCount {
                        if c[g] == 0 { validity[g] = false; anyNull = true; continue }
                        out[g] = average ? Arithmetic.divideRounded(s[g], Int128(c[g])) : s[g]
                    }
                }
            }
        }
        let nulls = anyNull ? validity : nil
        switch type.physical {
        case .int128:
            return Vector(type: type, count: groupCount, storage: .int128(wide), validity: nulls)
        case .int64:
            // A short decimal's result fits its precision (as `VectorBuilder` stores it).
            return Vector(type: type, count: groupCount, storage: .int64(wide.map { Int64(truncatingIfNeeded: $0) }),
                          validity: nulls)
        default:
            var b = VectorBuilder(type: type, capacity: groupCount)
            for g in 0..<groupCount { if anyNull && !validity[g] { b.appendNull() } else { b.append(.decimal(wide[g])) } }
            return b.finish()
        }
    }

    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? DecimalSumAggregate else { return }
        extend(&sums, to: groupCount, with: 0)
        extend(&counts, to: groupCount, with: 0)
        var overflow = false, badGroup = false
        sums.withUnsafeMutableBufferPointer { s in
            counts.withUnsafeMutableBufferPointer { c in
                o.sums.withUnsafeBufferPointer { os in
                    o.counts.withUnsafeBufferPointer { oc in
                        mapping.withUnsafeBufferPointer { m in
                            for i in 0..<Swift.min(m.count, os.count, oc.count) {
                                let g = Int(m[i])
                                guard g >= 0, g < s.count else { badGroup = true; return }
                                let (r, o) = s[g].addingReportingOverflow(os[i])
                                overflow = overflow || o
                                s[g] = r
                                c[g] &+= oc[i]
                            }
                        }
                    }
                }
            }
        }
        if badGroup { throw ExecutionError("internal: merge mapping outside the groups of a decimal sum") }
        if overflow { throw ExecutionError("Decimal overflow in sum") }
    }
}
