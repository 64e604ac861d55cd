/// Reductions written so the compiler vectorises them (strict float order blocks that for plain loops).
extension Kernels {
    @inline(__always)
    static func load8(_ p: UnsafePointer<Float>, _ j: Int) -> SIMD8<Float> {
        UnsafeRawPointer(p + j).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// Σ p[0..<count], accumulated in eight lanes.
    @inline(__always)
    static func sum(_ p: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var j = 0
        while j + 8 <= count {
            lanes += load8(p, j)
            j += 8
        }
        var total = lanes.sum()
        while j < count {
            total += p[j]
            j += 1
        }
        return total
    }

    /// Σ (p[j] - mean)², accumulated in eight lanes.
    @inline(__always)
    static func sumOfSquaredDeviations(_ p: UnsafePointer<Float>, count: Int, mean: Float) -> Float {
        var lanes = SIMD8<Float>()
        var j = 0
        let center = SIMD8<Float>(repeating: mean)
        while j + 8 <= count {
            let d = load8(p, j) - center
            lanes += d * d
            j += 8
        }
        var total = lanes.sum()
        while j < count {
            total += (p[j] - mean) * (p[j] - mean)
            j += 1
        }
        return total
    }

    /// max p[0..<count] (count ≥ 1) in eight independent running maxima: one scalar max is a serial
    /// compare-and-select chain that took half of the softmax's time; eight chains vectorise into maxps.
    @inline(__always)
    static func maximum(_ p: UnsafePointer<Float>, count: Int) -> Float {
        var m0 = p[0], m1 = m0, m2 = m0, m3 = m0, m4 = m0, m5 = m0, m6 = m0, m7 = m0
        var j = 0
        while j + 8 <= count {
            m0 = m0 < p[j] ? p[j] : m0
            m1 = m1 < p[j + 1] ? p[j + 1] : m1
            m2 = m2 < p[j + 2] ? p[j + 2] : m2
            m3 = m3 < p[j + 3] ? p[j + 3] : m3
            m4 = m4 < p[j + 4] ? p[j + 4] : m4
            m5 = m5 < p[j + 5] ? p[j + 5] : m5
            m6 = m6 < p[j + 6] ? p[j + 6] : m6
            m7 = m7 < p[j + 7] ? p[j + 7] : m7
            j += 8
        }
        while j < count {
            m0 = m0 < p[j] ? p[j] : m0
            j += 1
        }
        return max(max(max(m0, m1), max(m2, m3)), max(max(m4, m5), max(m6, m7)))
    }
}
