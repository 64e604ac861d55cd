import PintailCore
import PintailPlanner
import Testing

@testable import PintailExecution

/// The approx_distinct dictionary path (hashes per dictionary entry, cached across batches) must give exactly the
/// sketches of the flattened rows, and the top-N bound must keep exactly the rows a row-by-row comparison keeps.
@Suite struct DictionaryHashAndTopNTests {
    /// A deterministic pseudo-random sequence (no Foundation randomness, so failures reproduce).

    /// Batches of dictionary vectors: the first two share `dictionary` (cache hit), the third points at `other`, a
    /// dictionary of as many entries with other values (a stale cache would answer wrongly); every fifth row is
    /// NULL (pointing at entry 0, as the Parquet reader does).
    static func batches(_ dictionary: ColumnStorage, _ other: ColumnStorage, type: DataType, entries: Int) -> [Vector] {
        var rng = Lcg(state: 7)
        return [dictionary, dictionary, other].map { storage in
            let n = 1000
            var validity = Bitmap(count: n, value: true)
            var indices = [Int32](repeating: 0, count: n)
            for i in 0..<n {
                if i % 5 == 3 { validity[i] = false } else { indices[i] = Int32(rng.next(entries)) }
            }
            return Vector(type: type, count: n, storage: storage, validity: validity, shape: .dictionary(indices: indices))
        }
    }

    static func sketch(
        _ kind: SketchAggregate.Kind, _ vectors: [Vector], groupCount: Int = 3, groupsOf: (Int) -> Int32
    ) throws -> Vector {
        let state = try SketchAggregate(kind: kind, maxStandardError: nil)
        for v in vectors {
            let groups = (0..<v.count).map(groupsOf)
            try state.update(groups: groups, groupCount: groupCount, arguments: [v])
        }
        return state.finish(groupCount: groupCount)
    }

    @Test(arguments: [SketchAggregate.Kind.approxDistinct, .approxSet])
    func dictionaryStringsMatchFlattened(kind: SketchAggregate.Kind) throws {
        let entries = 700
        let dictionary = ColumnStorage.bytes(ByteColumn(strings: (0..<entries).map { "customer-\($0 * 7919)" }))
        let other = ColumnStorage.bytes(ByteColumn(strings: (0..<entries).map { "other-\($0)" }))
        let vectors = Self.batches(dictionary, other, type: .varchar(length: nil), entries: entries)
        let group: (Int) -> Int32 = { Int32($0 % 3) }
        let viaDictionary = try Self.sketch(kind, vectors, groupsOf: group)
        let viaFlat = try Self.sketch(kind, vectors.map { $0.flattened() }, groupsOf: group)
        #expect(viaDictionary.count == 3)
        for g in 0..<3 { #expect(viaDictionary.value(at: g) == viaFlat.value(at: g)) }
        // One group takes the first-row-per-entry path.
        let single = try Self.sketch(kind, vectors, groupCount: 1, groupsOf: { _ in 0 })
        #expect(single.value(at: 0) == (try Self.sketch(kind, vectors.map { $0.flattened() }, groupCount: 1, groupsOf: { _ in 0 })).value(at: 0))
        if kind == .approxDistinct {
            // About 630 of the first 700 values and 480 of the other 700 are drawn: a sketch that lost rows or
            // mixed up the dictionaries would be far off.
            let total = single.value(at: 0)
            guard case .int(let estimate) = total else { Issue.record("not a bigint: \(total)"); return }
            #expect(estimate > 1000 && estimate < 1220)
        }
    }

    @Test func dictionaryIntegersMatchFlattened() throws {
        let entries = 300
        let dictionary = ColumnStorage.int64((0..<entries).map { Int64($0) * 1_000_003 - 50_000 })
        let other = ColumnStorage.int64((0..<entries).map { Int64($0) * 7 })
        let vectors = Self.batches(dictionary, other, type: .bigint, entries: entries)
        for groupCount in [1, 2] {
            let viaDictionary = try Self.sketch(.approxDistinct, vectors, groupCount: groupCount, groupsOf: { _ in 0 })
            let flat = vectors.map { $0.flattened() }
            let viaFlat = try Self.sketch(.approxDistinct, flat, groupCount: groupCount, groupsOf: { _ in 0 })
            #expect(viaDictionary.value(at: 0) == viaFlat.value(at: 0))
        }
    }

    /// count(DISTINCT x) without GROUP BY skips rows whose dictionary entry was already seen; the count must be the
    /// flattened rows' count. With several groups the shortcut stays off.
    @Test(arguments: [1, 3])
    func distinctOverDictionaryMatchesFlattened(groupCount: Int) throws {
        let entries = 700
        let dictionary = ColumnStorage.bytes(ByteColumn(strings: (0..<entries).map { "c\($0 % 650)" }))
        let other = ColumnStorage.bytes(ByteColumn(strings: (0..<entries).map { "d\($0)" }))
        let vectors = Self.batches(dictionary, other, type: .varchar(length: nil), entries: entries)
        func count(_ vs: [Vector]) throws -> [Value] {
            let state = DistinctAggregate(inner: CountAggregate(countNulls: false))
            for v in vs {
                let groups = (0..<v.count).map { Int32($0 % groupCount) }
                try state.update(groups: groups, groupCount: groupCount, arguments: [v])
            }
            let out = state.finish(groupCount: groupCount)
            return (0..<groupCount).map { out.value(at: $0) }
        }
        let viaDictionary = try count(vectors)
        #expect(viaDictionary == (try count(vectors.map { $0.flattened() })))
        if groupCount == 1 { #expect(viaDictionary[0] != .int(0)) }
    }

    @Test func dictionaryIndexOutOfRangeThrows() throws {
        let dictionary = ColumnStorage.bytes(ByteColumn(strings: ["a", "b"]))
        let v = Vector(type: .varchar(length: nil), count: 2, storage: dictionary, shape: .dictionary(indices: [0, 5]))
        let state = try SketchAggregate(kind: .approxDistinct, maxStandardError: nil)
        #expect(throws: ExecutionError.self) { try state.update(groups: [0, 0], groupCount: 1, arguments: [v]) }
    }

    /// Rows that `RowComparator` puts strictly before the bound row, checked against `TopNBound.survivors` for
    /// integer, double and string keys in every direction and NULL placement, with ties on the first key.
    @Test(arguments: [(true, false), (false, false), (true, true), (false, true)])
    func topNBoundMatchesRowComparison(ascending: Bool, nullsFirst: Bool) throws {
        var rng = Lcg(state: 11)
        let n = 500
        var ints = [Int64](), doubles = [Double](), strings = [String]()
        var intValid = Bitmap(count: n, value: true), stringValid = Bitmap(count: n, value: true)
        for i in 0..<n {
            ints.append(Int64(rng.next(6)))
            doubles.append(rng.next(10) == 0 ? .nan : Double(rng.next(5)) / 2)
            strings.append("r\(rng.next(40))")
            if rng.next(9) == 0 { intValid[i] = false }
            if rng.next(7) == 0 { stringValid[i] = false }
        }
        let columns = [
            Vector(type: .bigint, count: n, storage: .int64(ints), validity: intValid),
            Vector(type: .integer, count: n, storage: .int32(ints.map { Int32($0) - 3 }), validity: stringValid),
            Vector(type: .double, count: n, storage: .float64(doubles)),
            Vector(type: .varchar(length: nil), count: n, storage: .bytes(ByteColumn(strings: strings)), validity: stringValid),
        ]
        for order in [[0, 3], [2, 3, 0], [3, 0], [1, 2, 3]] {
            let keys = order.map {
                SortKey(expression: .column($0, columns[$0].type), ascending: ascending, nullsFirst: nullsFirst)
            }
            let keyColumns = order.map { columns[$0] }
            let comparators = zip(keyColumns, keys).map { RowComparator(vector: $0, key: $1) }
            for boundRow in [0, 17, 123, 400] {
                let worst = keyColumns.map { $0.sliced([Int32(boundRow)]).flattened() }
                let bound = TopNBound(keys: keys, worst: worst)
                // Feed the batch as a dictionary slice of itself, as filters hand it on.
                let sliced = keyColumns.map { $0.sliced((0..<Int32(n)).map { $0 }) }
                let got = bound.survivors(sliced, count: n)
                var expected: [Int32] = []
                rows: for i in 0..<n {
                    for c in comparators {
                        let r = c.compare(i, boundRow)
                        if r < 0 { expected.append(Int32(i)); continue rows }
                        if r > 0 { continue rows }
                    }
                }
                #expect(got == expected, "order \(order) bound row \(boundRow)")
            }
        }
    }
}
