import PintailCore
import PintailPlanner
import Testing

@testable import PintailExecution

/// The late-materialising top-N must return exactly the first rows of a full stable sort, and the typed join key
/// table must give two rows the same key number exactly when their keys are equal (NULLs matching nothing).
@Suite struct SortJoinKernelTests {

    /// Hands out fixed batches.
    final class Batches: Operator {
        var batches: [Batch]
        init(_ batches: [Batch]) { self.batches = batches }
        func next() throws -> Batch? { batches.isEmpty ? nil : batches.removeFirst() }
    }

    static let types: [DataType] = [.bigint, .varchar(length: nil), .double, .varchar(length: nil), .integer]

    /// Batches of (votes bigint with NULLs, id varchar as a dictionary slice, score double, payload varchar, stars
    /// integer without NULLs).
    static func batches(count: Int, rows: Int, seed: UInt64) -> [Batch] {
        var rng = Lcg(state: seed)
        return (0..<count).map { b in
            var votes = [Int64](), ids = [String](), scores = [Double](), payload = [String](), stars = [Int32]()
            var valid = Bitmap(count: rows, value: true)
            for i in 0..<rows {
                votes.append(Int64(rng.next(5) == 0 ? rng.next(50) : 0))
                if rng.next(11) == 0 { valid[i] = false }
                ids.append("id-\(rng.next(rows * count))")
                scores.append(Double(rng.next(7)) - 3)
                payload.append("row \(b)-\(i)")
                stars.append(Int32(rng.next(b < 5 ? 3 : 6)))
            }
            // The id column is a reversed dictionary view of its storage, as filtered batches are.
            let idStorage = ByteColumn(strings: ids.reversed())
            let idColumn = Vector(type: types[1], count: rows, storage: .bytes(idStorage),
                                  shape: .dictionary(indices: (0..<Int32(rows)).map { Int32(rows - 1) - $0 }))
            return Batch(columns: [
                Vector(type: .bigint, count: rows, storage: .int64(votes), validity: valid),
                idColumn,
                Vector(type: .double, count: rows, storage: .float64(scores)),
                Vector(type: types[3], count: rows, storage: .bytes(ByteColumn(strings: payload))),
                Vector(type: .integer, count: rows, storage: .int32(stars)),
            ], count: rows)
        }
    }

    static func rows(_ batches: [Batch]) -> [[Value]] {
        batches.flatMap { b in (0..<b.count).map { r in b.columns.map { $0.value(at: r) } } }
    }

    /// A reference stable sort over boxed values.
    static func reference(_ input: [Batch], keys: [SortKey]) -> [[Value]] {
        let all = rows(input)
        let order = all.indices.sorted { a, b in
            for k in keys {
                guard case .column(let c, _) = k.expression else { return a < b }
                let x = all[a][c], y = all[b][c]
                if x == .null || y == .null {
                    if (x == .null) == (y == .null) { continue }
                    return (x == .null) == k.nullsFirst
                }
                let r = ValueOrdering.compare(x, y)
                if r != 0 { return k.ascending ? r < 0 : r > 0 }
            }
            return a < b
        }
        return order.map { all[$0] }
    }

    @Test func topNMatchesFullSort() throws {
        // 40 batches: enough sources and rows for several cuts, and a bound that rejects most rows.
        let input = Self.batches(count: 40, rows: 150, seed: 5)
        for spec in [[(0, false, false), (1, true, false)], [(2, true, true), (0, false, true), (1, false, false)],
                     [(4, false, false), (1, true, false)], [(4, true, false), (2, false, false)]] {
            let keys = spec.map { SortKey(expression: .column($0.0, Self.types[$0.0]), ascending: $0.1, nullsFirst: $0.2) }
            let reference = Self.reference(input, keys: keys)
            for limit in [0, 1, 7, 100, 2500] {
                let sort = try SortOperator(input: Batches(input), keys: keys, limit: limit)
                var out: [Batch] = []
                while let b = try sort.next() { out.append(b) }
                let got = Self.rows(out)
                #expect(got.count == limit)
                #expect(got == Array(reference.prefix(limit)), "limit \(limit)")
            }
        }
    }

    @Test func fullSortMatchesReference() throws {
        let input = Self.batches(count: 12, rows: 100, seed: 9)
        let keys = [SortKey(expression: .column(2, .double), ascending: false, nullsFirst: false),
                    SortKey(expression: .column(0, .bigint), ascending: true, nullsFirst: true)]
        // And with a leading integer key without NULLs (compared from its buffer).
        let intKeys = [SortKey(expression: .column(4, .integer), ascending: false, nullsFirst: false)] + keys
        // And a leading string key whose values share their first 8 bytes ("row 10-1..."), descending.
        let textKeys = [SortKey(expression: .column(3, Self.types[3]), ascending: false, nullsFirst: false)]
        for keys in [keys, intKeys, textKeys] {
            let sort = try SortOperator(input: Batches(input), keys: keys)
            var out: [Batch] = []
            while let b = try sort.next() { out.append(b) }
            #expect(Self.rows(out) == Self.reference(input, keys: keys))
        }
    }

    /// Key numbers agree with value equality: integers (bigint build, integer probe), doubles with -0.0 and NaN,
    /// strings through dictionary indices, and two-column keys; NULL keys get -1.
    @Test func joinKeyTableMatchesValueEquality() throws {
        var rng = Lcg(state: 3)
        let n = 600
        var ints = [Int64](), doubles = [Double](), strings = [String]()
        var valid = Bitmap(count: n, value: true)
        for i in 0..<n {
            ints.append(Int64(rng.next(40)) - 20)
            let d = [0.0, -0.0, .nan, 1.5, -2.25, 1e300][rng.next(6)]
            doubles.append(d)
            strings.append(rng.next(9) == 0 ? "" : "key-\(rng.next(60))-long-enough-to-span-words")
            if rng.next(13) == 0 { valid[i] = false }
        }
        let bigints = Vector(type: .bigint, count: n, storage: .int64(ints), validity: valid)
        let integers = Vector(type: .bigint, count: n, storage: .int32(ints.map { Int32($0) }), validity: valid)
        let dbl = Vector(type: .double, count: n, storage: .float64(doubles))
        let text = Vector(type: .varchar(length: nil), count: n, storage: .bytes(ByteColumn(strings: strings.reversed())),
                          shape: .dictionary(indices: (0..<Int32(n)).map { Int32(n - 1) - $0 }))
        func normal(_ v: Value) -> Value {
            if case .double(let d) = v { return d.isNaN ? .string("NaN") : .double(d == 0 ? 0 : d) }
            return v
        }
        for (build, probe) in [([bigints], [integers]), ([dbl], [dbl]), ([text], [text]), ([text, bigints], [text, integers])] {
            // The first half is the build side, the whole column the probe side.
            let half = n / 2
            let buildKeys = build.map { $0.sliced((0..<Int32(half)).map { $0 }) }
            let table = try #require(JoinKeyTable(keys: buildKeys, count: half))
            let found = try table.lookup(probe, count: n)
            func key(_ vs: [Vector], _ r: Int) -> [Value]? {
                let values = vs.map { normal($0.value(at: r)) }
                return values.contains(.null) ? nil : values
            }
            var firstBuildRow: [[Value]: Int] = [:]
            for r in (0..<half).reversed() { if let k = key(build, r) { firstBuildRow[k] = r } else { #expect(table.keyOfRow[r] == -1) } }
            for r in 0..<n {
                if let k = key(probe, r), let match = firstBuildRow[k] {
                    #expect(found[r] == table.keyOfRow[match] && found[r] >= 0)
                } else {
                    #expect(found[r] == -1)
                }
            }
        }
    }

    /// Window layouts: each row's position within its partition (row_number) and its peer group must be those of
    /// a reference sort by (partition, ORDER BY keys, row), with NULL partition keys forming one partition.
    @Test func windowLayoutMatchesReferenceSort() throws {
        let input = Self.batches(count: 3, rows: 300, seed: 21)
        let all = Self.rows(input)
        let n = all.count
        let columns = (0..<Self.types.count).map { c in Vector.concatenate(input.map { $0.columns[c] }, type: Self.types[c]) }
        let spec = [SortKey(expression: .column(2, .double), ascending: false, nullsFirst: false),
                    SortKey(expression: .column(1, Self.types[1]), ascending: true, nullsFirst: false)]
        // Partition by votes (bigint with NULLs); order by score DESC, id.
        let layout = WindowLayout(partitionKeys: [columns[0]], orderKeys: [columns[2], columns[1]], orderSpec: spec, count: n)
        var rowNumber = [Int](repeating: 0, count: n), peerSize = [Int](repeating: 0, count: n)
        for p in 0..<n {
            rowNumber[Int(layout.order[p])] = p - layout.partitionStart[p] + 1
            peerSize[Int(layout.order[p])] = layout.peerEnd[p] - layout.peerStart[p]
        }
        for r in 0..<n {
            let same = (0..<n).filter { all[$0][0] == all[r][0] }
            func before(_ a: Int, _ b: Int) -> Bool {
                let sa = all[a][2], sb = all[b][2]
                if sa != sb { return ValueOrdering.compare(sa, sb) > 0 }
                let ia = all[a][1], ib = all[b][1]
                if ia != ib { return ValueOrdering.compare(ia, ib) < 0 }
                return a < b
            }
            #expect(rowNumber[r] == same.filter { before($0, r) }.count + 1)
            #expect(peerSize[r] == same.filter { all[$0][2] == all[r][2] && all[$0][1] == all[r][1] }.count)
        }
    }
}
