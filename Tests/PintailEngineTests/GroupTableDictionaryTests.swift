import PintailCore
import Testing

@testable import PintailExecution

/// GROUP BY over one dictionary-encoded key looks each entry up once; with NULL rows (which point at entry 0, as the
/// Parquet reader leaves them) the NULLs must form their own group, exactly as the row-by-row path groups them.
@Suite struct GroupTableDictionaryTests {
    /// The key of every row's group, as text ("NULL" for the NULL group), from a table fed `batches`.
    static func groupKeys(_ batches: [Vector]) -> [String] {
        var table = GroupTable()
        var keyOfGroup: [String] = []
        var out: [String] = []
        for v in batches {
            let groups = table.groups(for: [v], count: v.count) { row in
                keyOfGroup.append(v.isValid(row) ? "\(v.value(at: row))" : "NULL")
            }
            out += groups.map { keyOfGroup[Int($0)] }
        }
        return out
    }

    @Test func nullRowsFormTheirOwnGroupOnTheDictionaryPath() {
        let storage = ColumnStorage.bytes(ByteColumn(strings: ["Books", "Toys", "Music"]))
        let n = 500
        var validity = Bitmap(count: n, value: true)
        var indices = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            if i % 7 == 2 { validity[i] = false } else { indices[i] = Int32(i % 3) }
        }
        let dictionary = Vector(type: .varchar(length: nil), count: n, storage: storage, validity: validity,
                                shape: .dictionary(indices: indices))
        let viaDictionary = Self.groupKeys([dictionary, dictionary])
        let viaFlat = Self.groupKeys([dictionary.flattened(), dictionary.flattened()])
        #expect(viaDictionary == viaFlat)
        #expect(Set(viaDictionary).count == 4)
        #expect(viaDictionary[2] == "NULL" && viaDictionary[0] != "NULL")
    }
}
