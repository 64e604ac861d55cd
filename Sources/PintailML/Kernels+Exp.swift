/// eˣ for x ≤ 0 (softmax after subtracting the row maximum), in a form the compiler vectorises: Cody–Waite
/// reduction x = n·ln2 + r and a degree-6 polynomial for eʳ (Cephes coefficients), relative error about 1e-7;
/// 2ⁿ is built from bits, no libm call. Inputs below -87 are clamped there so 2ⁿ stays a normal float.
extension Kernels {
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
