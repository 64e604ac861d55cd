import PintailCore
import Testing

@testable import PintailExecution

/// The join build table built in partitions, on one thread and on three: a probe row finds the first build row with
/// an equal key (NULLs matching nothing), and each key's chain lists all its build rows in row order.
@Suite struct JoinPartitionedKeyTableTests {
    /// bigint keys with NULLs (also probed as integers), doubles with -0.0 and NaN, strings through dictionary
    /// indices, and the two-column key (string, bigint).
    static func keyColumns(_ n: Int, seed: UInt64) -> (bigints: Vector, integers: Vector, doubles: Vector, text: Vector) {
        var rng = Lcg(state: seed)
        var ints = [Int64](), doubles = [Double](), strings = [String]()
        var valid = Bitmap(count: n, value: true)
        for i in 0..<n {
            ints.append(Int64(rng.next(n / 3)) - 20)
            doubles.append([0.0, -0.0, .nan, 1.5, -2.25, 1e300][rng.next(6)])
            strings.append(rng.next(9) == 0 ? "" : "key-\(rng.next(n / 4))-long-enough-to-span-words")
            if rng.next(13) == 0 { valid[i] = false }
        }
        return (Vector(type: .bigint, count: n, storage: .int64(ints), validity: valid),
                Vector(type: .bigint, count: n, storage: .int32(ints.map { Int32($0) }), validity: valid),
                Vector(type: .double, count: n, storage: .float64(doubles)),
                Vector(type: .varchar(length: nil), count: n, storage: .bytes(ByteColumn(strings: strings.reversed())),
                       shape: .dictionary(indices: (0..<Int32(n)).map { Int32(n - 1) - $0 })))
    }

    static func normal(_ v: Value) -> Value {
        if case .double(let d) = v { return d.isNaN ? .string("NaN") : .double(d == 0 ? 0 : d) }
        return v
    }

    static func key(_ vs: [Vector], _ r: Int) -> [Value]? {
        let values = vs.map { normal($0.value(at: r)) }
        return values.contains(.null) ? nil : values
    }

    func check(rows n: Int, threads: Int) throws {
        let c = Self.keyColumns(n, seed: UInt64(n))
        let pairs = [([c.bigints], [c.integers]), ([c.doubles], [c.doubles]), ([c.text], [c.text]),
                     ([c.text, c.bigints], [c.text, c.integers])]
        for (build, probe) in pairs {
            // The first half is the build side, the whole column the probe side.
            let half = n / 2
            let buildKeys = build.map { $0.sliced((0..<Int32(half)).map { $0 }) }
            let table = try JoinPartitionedKeyTable(keys: buildKeys, count: half, threads: threads)
            var rowsOfKey: [[Value]: [Int]] = [:]
            for r in 0..<half { if let k = Self.key(build, r) { rowsOfKey[k, default: []].append(r) } }
            // Chains: a key's first row heads the rows of that key, in row order; other rows head nothing.
            var chained = 0
            for (_, rows) in rowsOfKey {
                var walk: [Int] = []
                var b = table.chainHead[rows[0]]
                while b >= 0 && walk.count <= rows.count { walk.append(Int(b)); b = table.chainNext[Int(b)] }
                #expect(walk == rows)
                chained += rows.count
            }
            let heads = table.chainHead.enumerated().filter { $0.element >= 0 }
            #expect(heads.count == rowsOfKey.count && heads.allSatisfy { $0.element == Int32($0.offset) })
            #expect(chained == (0..<half).filter { Self.key(build, $0) != nil }.count)
            let found = try table.lookup(probe, count: n)
            for r in 0..<n {
                let want = Self.key(probe, r).flatMap { rowsOfKey[$0]?.first } ?? -1
                #expect(found[r] == Int32(want), "row \(r)")
            }
        }
    }

    @Test func smallTableOnOneThread() throws { try check(rows: 600, threads: 1) }

    /// 15,000 build rows: four partitions, built by three threads (and by one).
    @Test func partitionsOnSeveralThreads() throws {
        try check(rows: 30_000, threads: 3)
        try check(rows: 30_000, threads: 1)
    }
}
