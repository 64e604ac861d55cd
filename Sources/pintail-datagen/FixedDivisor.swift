/// `x % d` for a divisor fixed in advance, by multiplication instead of a division instruction (Lemire, Kaser and
/// Kurz, "Faster remainder by direct computation", 2019, with a 128-bit magic number so that it is exact for every
/// 64-bit `x`). The generator draws most of its random choices from fixed word lists, and a 64-bit division on
/// every draw was a visible share of a row's time; the remainders, and so the rows, are the same as with `%`.
struct FixedDivisor: Sendable {
    let divisor: UInt64
    /// M = floor((2^128 - 1) / d) + 1, as two 64-bit halves (0 for d = 1, which gives remainder 0 as it should).
    private let magicHigh: UInt64
    private let magicLow: UInt64

    init(_ d: Int) {
        divisor = UInt64(max(1, d))
        let high = UInt64.max / divisor
        let low = divisor.dividingFullWidth((UInt64.max % divisor, UInt64.max)).quotient
        let (sum, carry) = low.addingReportingOverflow(1)
        magicLow = sum
        magicHigh = carry ? high &+ 1 : high
    }

    /// The low 128 bits of M * x, times d, shifted right by 128.
    @inline(__always)
    func remainder(_ x: UInt64) -> UInt64 {
        let product = magicLow.multipliedFullWidth(by: x)
        let fractionHigh = product.high &+ magicHigh &* x
        let carryIn = product.low.multipliedFullWidth(by: divisor).high
        let top = fractionHigh.multipliedFullWidth(by: divisor)
        let (_, carry) = top.low.addingReportingOverflow(carryIn)
        return carry ? top.high &+ 1 : top.high
    }
}
