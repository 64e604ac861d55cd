/// Reductions and exp written so the compiler vectorises them (strict float order blocks that for plain loops).
extension Kernels {
    /// Σ p[0..<count], accumulated in eight lanes.
    @inline(__always)
    static func sum(_ p: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var j = 0
        let raw = UnsafeRawPointer(p)
        while j + 8 <= count {
            lanes += raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
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
        let raw = UnsafeRawPointer(p), center = SIMD8<Float>(repeating: mean)
        while j + 8 <= count {
            let d = raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) - center
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

    /// eˣ for x ≤ 0 (softmax after subtracting the row maximum): Cody–Waite reduction x = n·ln2 + r and a degree-6
    /// polynomial for eʳ (Cephes coefficients), relative error about 1e-7; 2ⁿ is built from bits, no libm call.
    @inline(__always)
    static func expNonPositive(_ value: Float) -> Float {
        let x = max(value, -87)
        let shifter: Float = 12_582_912  // 1.5·2²³: adding it rounds to an integer held in the low mantissa bits
        let shifted = x * 1.442_695_04 + shifter
        let n = shifted - shifter
        let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * r * r + r + 1
        let exponent = (shifted.bitPattern &- 0x4B40_0000 &+ 127) << 23
        return p * Float(bitPattern: exponent)
    }
}
