import PintailCore
import Testing

@testable import PintailExecution

/// Decimal + - * with Int128 results: the typed kernel must give, row for row, what exact Int128 arithmetic on the
/// unscaled values gives, for every pairing of Int64 and Int128 operand storage, flat or constant, with NULLs; and
/// an overflow must still surface as the general path's error.
@Suite struct Decimal128KernelTests {
    static let n = 1500

    /// Unscaled values and a validity for an operand of `type`, stored as Int64 or Int128, flat or constant.
    static func operand(_ rng: inout Lcg, type: DataType, wide: Bool, constant: Bool) -> (Vector, [Int128]) {
        let values = (0..<n).map { _ in Int128(rng.next(2_000_000_000)) - 1_000_000_000 }
        if constant {
            let v = values[0]
            let storage: ColumnStorage = wide ? .int128([v]) : .int64([Int64(v)])
            return (Vector(type: type, count: n, storage: storage, shape: .constant), [Int128](repeating: v, count: n))
        }
        var validity = Bitmap(count: n, value: true)
        for i in 0..<n where rng.next(7) == 0 { validity[i] = false }
        let storage: ColumnStorage = wide ? .int128(values) : .int64(values.map { Int64($0) })
        return (Vector(type: type, count: n, storage: storage, validity: validity), values)
    }

    @Test func matchesExactArithmeticForEveryStoragePair() throws {
        var rng = Lcg(state: 128)
        let narrow = DataType.decimal(precision: 15, scale: 2), wide = DataType.decimal(precision: 31, scale: 4)
        for (op, resultScale) in [(Arithmetic.Operator.multiply, 6), (.add, 4), (.subtract, 4)] {
            for leftWide in [false, true] {
                for rightWide in [false, true] {
                    for constantSide in 0..<3 {
                        let lt = leftWide ? wide : narrow, rt = rightWide ? wide : narrow
                        let (a, x) = Self.operand(&rng, type: lt, wide: leftWide, constant: constantSide == 1)
                        let (b, y) = Self.operand(&rng, type: rt, wide: rightWide, constant: constantSide == 2)
                        let result = DataType.decimal(precision: 38, scale: resultScale)
                        let out = try Arithmetic.apply(op, a, b, leftType: lt, rightType: rt, resultType: result)
                        let fa = Arithmetic.pow10(resultScale - Arithmetic.scale(of: lt))
                        let fb = Arithmetic.pow10(resultScale - Arithmetic.scale(of: rt))
                        guard case .int128(let got) = out.flattened().storage else {
                            Issue.record("\(op) \(leftWide)/\(rightWide): not Int128 storage")
                            continue
                        }
                        for i in 0..<Self.n {
                            #expect(out.isValid(i) == (a.isValid(i) && b.isValid(i)))
                            guard out.isValid(i) else { continue }
                            let expected = op == .multiply ? x[i] * y[i] : (op == .add ? x[i] * fa + y[i] * fb : x[i] * fa - y[i] * fb)
                            if got[i] != expected {
                                Issue.record("\(op) row \(i) \(leftWide)/\(rightWide)/\(constantSide): \(got[i]) != \(expected)")
                                break
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func overflowStillThrows() {
        let t = DataType.decimal(precision: 38, scale: 0)
        let big = Int128(10).multipliedReportingOverflow(by: Int128(1) << 120).partialValue
        let a = Vector(type: t, count: 2, storage: .int128([1, big]))
        let b = Vector(type: t, count: 2, storage: .int128([2, 10]))
        #expect(throws: ExecutionError.self) {
            _ = try Arithmetic.apply(.multiply, a, b, leftType: t, rightType: t, resultType: t)
        }
        // The same overflow in a NULL row is no error.
        var validity = Bitmap(count: 2, value: true)
        validity[1] = false
        let masked = Vector(type: t, count: 2, storage: .int128([1, big]), validity: validity)
        #expect((try? Arithmetic.apply(.multiply, masked, b, leftType: t, rightType: t, resultType: t))?.count == 2)
    }
}
