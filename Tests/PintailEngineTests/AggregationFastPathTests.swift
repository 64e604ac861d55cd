import PintailCore
import PintailPlanner
import Testing

@testable import PintailExecution

/// The aggregation fast paths must group, count and sum exactly as the row-by-row paths do: one varying key beside
/// constant keys (dictionary entries cached per dictionary, small integers direct-mapped), the typed integer avg,
/// and the key columns gathered per batch.
@Suite struct AggregationFastPathTests {
    static func constant(_ value: Value, _ type: DataType, count: Int) -> Vector {
        Vector(value: value, type: type, count: count)
    }

    /// Each row's group key as text, from one table fed `batches` (lists of key vectors).
    static func groupKeys(_ batches: [[Vector]]) -> [String] {
        var table = GroupTable()
        var keyOfGroup: [String] = []
        var out: [String] = []
        for keys in batches {
            let n = keys[0].count
            let groups = table.groups(for: keys, count: n) { row in
                keyOfGroup.append(keys.map { $0.isValid(row) ? ValueText.text($0.value(at: row), type: $0.type) : "NULL" }
                    .joined(separator: "|"))
            }
            #expect(groups.count == n)
            out += groups.map { keyOfGroup[Int($0)] }
        }
        return out
    }

    /// Dictionary vectors over `storage`, every seventh row NULL (pointing at entry 0, as the Parquet reader does).
    static func dictionary(_ storage: ColumnStorage, entries: Int, n: Int, seed: Int, type: DataType) -> Vector {
        var validity = Bitmap(count: n, value: true)
        var indices = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            if i % 7 == 3 { validity[i] = false } else { indices[i] = Int32((i * 31 + seed) % entries) }
        }
        return Vector(type: type, count: n, storage: storage, validity: validity, shape: .dictionary(indices: indices))
    }

    @Test func constantKeysBesideADictionaryKeyGroupAsRowByRow() {
        let text = DataType.varchar(length: nil)
        let first = ColumnStorage.bytes(ByteColumn(strings: (0..<50).map { "p\($0)" }))
        let second = ColumnStorage.bytes(ByteColumn(strings: (0..<50).map { "q\($0 % 10)" }))
        // Same dictionary under two different constants (a stale entry cache would mix them), then a new one.
        let batches: [[Vector]] = [
            [Self.constant(.string("Books"), text, count: 300), Self.dictionary(first, entries: 50, n: 300, seed: 1, type: text)],
            [Self.constant(.string("Books"), text, count: 200), Self.dictionary(first, entries: 50, n: 200, seed: 5, type: text)],
            [Self.constant(.string("Toys"), text, count: 200), Self.dictionary(first, entries: 50, n: 200, seed: 2, type: text)],
            [Self.constant(.string("Toys"), text, count: 250), Self.dictionary(second, entries: 50, n: 250, seed: 3, type: text)],
        ]
        let fast = Self.groupKeys(batches)
        let rowByRow = Self.groupKeys(batches.map { $0.map { $0.flattened() } })
        #expect(fast == rowByRow)
        // Books and Toys with each of 50 entries and NULL, Toys with the second dictionary's 10 new values.
        #expect(Set(fast).count == 2 * 51 + 10)
        #expect(fast[3] == "Books|NULL")
    }

    @Test func smallIntegerKeysWithNullsGroupAsRowByRow() {
        let n = 400
        var validity = Bitmap(count: n, value: true)
        var years = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            years[i] = Int32(1995 + (i * 7) % 21)
            if i % 9 == 4 { validity[i] = false }
        }
        let year = Vector(type: .integer, count: n, storage: .int32(years), validity: validity)
        // A batch whose values span too wide a range for the direct map falls back to encoding rows, same table.
        let wide = Vector(type: .integer, count: 3, storage: .int32([1995, 2_000_000_000, -5]))
        let batches: [[Vector]] = [
            [Self.constant(.string("PC"), .varchar(length: nil), count: n), year],
            [year],
            [Self.constant(.string("PC"), .varchar(length: nil), count: 3), wide],
            [Self.constant(.string("Home"), .varchar(length: nil), count: n), year],
        ]
        let fast = Self.groupKeys(batches)
        let rowByRow = Self.groupKeys(batches.map { $0.map { $0.flattened() } })
        #expect(fast == rowByRow)
        #expect(fast[4] == "PC|NULL" && fast[0] == "PC|1995")
        #expect(fast[n] == "1995")
        #expect(fast[2 * n + 1] == "PC|2000000000")
    }

    @Test func dictionaryKeyWithABadIndexFallsBackWithoutCaching() {
        let storage = ColumnStorage.int32([10, 20, 30])
        let good = Vector(type: .integer, count: 4, storage: storage, shape: .dictionary(indices: [0, 1, 2, 1]))
        var table = GroupTable()
        let groups = table.groups(for: [good], count: 4) { _ in }
        #expect(groups == [0, 1, 2, 1])
        #expect(table.count == 3)
    }

    @Test func integerAverageReadsDictionaryIntegersInPlace() throws {
        let storage = ColumnStorage.int32([5, 1, 4, 2, 3])
        let v = Self.dictionary(storage, entries: 5, n: 1000, seed: 4, type: .integer)
        let groups = (0..<1000).map { Int32($0 % 4) }
        func average(_ input: Vector) throws -> Vector {
            let state = DoubleSumAggregate(average: true, type: .double)
            try state.update(groups: groups, groupCount: 4, arguments: [input])
            try state.update(groups: groups, groupCount: 4, arguments: [input])
            return state.finish(groupCount: 4)
        }
        let inPlace = try average(v), flat = try average(v.flattened())
        for g in 0..<4 { #expect(inPlace.value(at: g) == flat.value(at: g)) }
        // All-NULL groups stay NULL.
        let nulls = Vector(type: .integer, count: 2, storage: .int32([1, 2]), validity: Bitmap(count: 2, value: false))
        let state = DoubleSumAggregate(average: true, type: .double)
        try state.update(groups: [0, 1], groupCount: 2, arguments: [nulls])
        #expect(state.finish(groupCount: 2).value(at: 1) == .null)
    }

    @Test func groupKeyColumnsGatherNewGroupRowsInGroupOrder() {
        var columns = GroupKeyColumns(types: [.varchar(length: nil), .integer])
        let names = Vector(type: .varchar(length: nil), count: 3, storage: .bytes(ByteColumn(strings: ["a", "b", "c"])),
                           validity: nil, shape: .dictionary(indices: [2, 0, 1]))
        let numbers = Vector(type: .integer, count: 3, storage: .int64([7, 8, 9]))  // not the type's usual storage
        columns.append([names, numbers], rows: [1, 0])
        columns.append([Self.constant(.string("z"), .varchar(length: nil), count: 5), Self.constant(.null, .integer, count: 5)], rows: [4])
        let out = columns.finish()
        #expect(out[0].count == 3 && out[1].count == 3)
        #expect((0..<3).map { out[0].value(at: $0) } == [.string("a"), .string("c"), .string("z")])
        #expect((0..<3).map { out[1].value(at: $0) } == [.int(8), .int(7), .null])
    }
}

/// The memcpy gather of kept strings must equal the generic flatten, for flat and dictionary shapes with NULLs.
@Suite struct FlatGatherTests {
    @Test func stringRowsMatchTheGenericFlatten() {
        let column = ByteColumn(strings: ["", "alpha", "b", "gamma-delta", "é"])
        var validity = Bitmap(count: 6, value: true)
        validity[2] = false
        let flat = Vector(type: .varchar(length: nil), count: 5, storage: .bytes(column))
        let dictionary = Vector(type: .varchar(length: nil), count: 6, storage: .bytes(column), validity: validity,
                                shape: .dictionary(indices: [4, 3, 0, 1, 1, 2]))
        for (v, rows) in [(flat, [Int32]([3, 0, 4, 4])), (dictionary, [5, 2, 0, 1, 3])] {
            let fast = FlatGather.rows(v, rows), generic = v.sliced(rows).flattened()
            #expect(fast.count == rows.count)
            for i in 0..<rows.count {
                #expect(fast.isValid(i) == generic.isValid(i))
                #expect(fast.value(at: i) == generic.value(at: i))
            }
        }
    }
}
