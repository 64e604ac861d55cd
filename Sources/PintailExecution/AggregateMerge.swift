/// The merge loops of the counting and summing aggregate states (another worker's partial state added group by group
/// through the merge mapping), over typed buffers: a million-group merge otherwise pays a bounds check and a
/// uniqueness check per group on each array.
enum AggregateMerge {
    /// `target[mapping[i]] += source[i]` for every group i of the source.
    static func add<T: AdditiveArithmetic>(_ source: [T], into target: inout [T], mapping: [Int32]) throws {
        var bad = false
        target.withUnsafeMutableBufferPointer { t in
            source.withUnsafeBufferPointer { s in
                mapping.withUnsafeBufferPointer { m in
                    for i in 0..<Swift.min(m.count, s.count) {
                        let g = Int(m[i])
                        guard g >= 0, g < t.count else { bad = true; return }
                        t[g] += s[i]
                    }
                }
            }
        }
        if bad { throw badMapping }
    }

    /// `target[mapping[i]] += source[i]` for bigint sums, where overflow is an error; `seen` ORs in the same way.
    static func addSums(_ source: [Int64], seen sourceSeen: [UInt8], into target: inout [Int64], seen targetSeen: inout [UInt8],
                        mapping: [Int32]) throws {
        var bad = false, overflow = false
        target.withUnsafeMutableBufferPointer { t in
            targetSeen.withUnsafeMutableBufferPointer { ts in
                source.withUnsafeBufferPointer { s in
                    sourceSeen.withUnsafeBufferPointer { ss in
                        mapping.withUnsafeBufferPointer { m in
                            for i in 0..<Swift.min(m.count, s.count, ss.count) {
                                let g = Int(m[i])
                                guard g >= 0, g < t.count, g < ts.count else { bad = true; return }
                                let (r, o) = t[g].addingReportingOverflow(s[i])
                                overflow = overflow || o
                                t[g] = r
                                ts[g] |= ss[i]
                            }
                        }
                    }
                }
            }
        }
        if bad { throw badMapping }
        if overflow { throw ExecutionError("bigint overflow in sum") }
    }

    private static var badMapping: ExecutionError { ExecutionError("internal: merge mapping outside the aggregate's groups") }
}
