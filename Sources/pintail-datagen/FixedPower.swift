import Foundation

/// x^p for one fixed exponent p and 2^-64 <= x < 2^64, from two tables instead of a `pow` call: with x = m * 2^e
/// (m in [1, 2)), x^p = m^p * (2^p)^e, where m^p is interpolated linearly between 1,024 points (relative error
/// about p(p - 1) / 8 / 1024^2: 5e-5 for the product ranks' p = -20, 6e-6 for the customers' -6.7) and (2^p)^e is
/// looked up. The heavy-tailed draws (Zipf ranks,
/// Pareto vote counts) need their distribution, not correctly rounded powers; `pow` was a tenth of a row's time.
struct FixedPower: @unchecked Sendable {
    private final class Storage {
        let mantissa: UnsafeMutablePointer<Double>
        let scale: UnsafeMutablePointer<Double>

        init() {
            mantissa = .allocate(capacity: FixedPower.points + 1)
            scale = .allocate(capacity: 129)
        }

        deinit {
            mantissa.deallocate()
            scale.deallocate()
        }
    }

    static let points = 1024
    private let storage: Storage
    /// mantissa[i] = (1 + i / 1024)^p; scale[e + 64] = 2^(p e).
    private let mantissa: UnsafeMutablePointer<Double>
    private let scale: UnsafeMutablePointer<Double>

    init(exponent p: Double) {
        storage = Storage()
        mantissa = storage.mantissa
        scale = storage.scale
        for i in 0...Self.points { mantissa[i] = Foundation.pow(1 + Double(i) / Double(Self.points), p) }
        for e in -64...64 { scale[e + 64] = Foundation.pow(2, p * Double(e)) }
    }

    /// x^p for a positive, finite x within 2^-64...2^64 (clamped there).
    @inline(__always)
    func callAsFunction(_ x: Double) -> Double {
        let bits = x.bitPattern
        let e = min(64, max(-64, Int((bits >> 52) & 0x7FF) - 1023))
        let fraction = bits & 0x000F_FFFF_FFFF_FFFF
        let i = Int(fraction >> 42)  // the top 10 of the 52 fraction bits
        let t = Double(fraction & 0x3FF_FFFF_FFFF) * 0x1.0p-42
        let low = mantissa[i]
        return (low + (mantissa[i + 1] - low) * t) * scale[e + 64]
    }
}
