import PintailCore
import Testing

@testable import PintailExecution

/// The runtime filter's key bitmap keeps exactly the probe rows whose key some build row holds (NULLs never), for
/// int64 and int32 storage, dictionary-shaped probes and negative keys; sparse or huge key ranges build no bitmap.
@Suite struct JoinKeyBitmapTests {
    @Test func keepsExactlyTheBuildKeys() throws {
        var rng = Lcg(state: 11)
        let n = 5_000
        var keys = [Int64](), valid = Bitmap(count: n, value: true)
        for i in 0..<n {
            keys.append(Int64(rng.next(40_000)) - 10_000)
            if rng.next(17) == 0 { valid[i] = false }
        }
        let build = Vector(type: .bigint, count: n, storage: .int64(keys), validity: valid)
        let bitmap = try #require(JoinKeyBitmap(build, count: n))
        var held = Set<Int64>()
        for i in 0..<n where valid[i] { held.insert(keys[i]) }

        let m = 20_000
        var probe = [Int64](), probeValid = Bitmap(count: m, value: true)
        for i in 0..<m {
            probe.append(Int64(rng.next(60_000)) - 20_000)
            if rng.next(11) == 0 { probeValid[i] = false }
        }
        let rows = (0..<Int32(m)).map { $0 * 2 }  // positions in some larger batch
        let expected = (0..<m).filter { probeValid[$0] && held.contains(probe[$0]) }.map { rows[$0] }
        for vector in [Vector(type: .bigint, count: m, storage: .int64(probe), validity: probeValid),
                       Vector(type: .bigint, count: m, storage: .int32(probe.map { Int32($0) }), validity: probeValid)] {
            var out: [Int32] = []
            #expect(bitmap.keep(vector, rows: rows, into: &out))
            #expect(out == expected)
        }
        // Dictionary-shaped: row i reads entry m - 1 - i.
        let reversed = Vector(type: .bigint, count: m, storage: .int64(probe.reversed()),
                              shape: .dictionary(indices: (0..<Int32(m)).map { Int32(m - 1) - $0 }))
        var out: [Int32] = []
        #expect(bitmap.keep(reversed, rows: rows, into: &out))
        #expect(out == (0..<m).filter { held.contains(probe[$0]) }.map { rows[$0] })
        // No row list: positions are the vector's own rows.
        var all: [Int32] = []
        #expect(bitmap.keep(reversed, rows: nil, into: &all))
        #expect(all == (0..<m).filter { held.contains(probe[$0]) }.map { Int32($0) })
    }

    @Test func sparseHugeOrNonIntegerKeysBuildNone() {
        let far = Vector(type: .bigint, count: 3, storage: .int64([Int64.min, 0, Int64.max]))
        #expect(JoinKeyBitmap(far, count: 3) == nil)
        let sparse = Vector(type: .bigint, count: 2, storage: .int64([0, 10_000_000]))
        #expect(JoinKeyBitmap(sparse, count: 2) == nil)
        let allNull = Vector(type: .bigint, count: 2, storage: .int64([1, 2]), validity: Bitmap(count: 2, value: false))
        #expect(JoinKeyBitmap(allNull, count: 2) == nil)
        #expect(JoinKeyBitmap(Vector(type: .double, count: 1, storage: .float64([1])), count: 1) == nil)
    }
}
