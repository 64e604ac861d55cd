import PintailCore
import Testing

@testable import PintailExecution

/// Merging one worker's group table into another's (`GroupTable.absorb`): looked up on several threads, the groups
/// the table lacks appended without compares. The mapping must send every key to the group that holds it.
@Suite struct GroupTableMergeTests {
    /// A table fed string keys (with a constant second key, as partition columns are) in batches.
    static func table(_ keys: [String?]) -> GroupTable {
        var table = GroupTable()
        var start = 0
        while start < keys.count {
            let part = Array(keys[start..<min(keys.count, start + 4_096)])
            var validity = Bitmap(count: part.count, value: true)
            for (i, k) in part.enumerated() where k == nil { validity[i] = false }
            let strings = Vector(type: .varchar(length: nil), count: part.count,
                                 storage: .bytes(ByteColumn(strings: part.map { $0 ?? "" })), validity: validity)
            let constant = Vector(value: .int(7), type: .integer, count: part.count)
            _ = table.groups(for: [strings, constant], count: part.count) { _ in }
            start += part.count
        }
        return table
    }

    /// Each group's key, read back from the table's key bytes.
    static func keyBytes(_ table: GroupTable) -> [[UInt8]] {
        (0..<table.count).map { Array(table.arena[table.keyBounds[$0]..<table.keyBounds[$0 + 1]]) }
    }

    @Test(arguments: [1, 2, 3])
    func mappingSendsEveryKeyToItsGroup(threads: Int) throws {
        var rng = Lcg(state: 3)
        // 40,000 keys on each side (above the parallel threshold), about half of them shared; NULL keys on both.
        let mineKeys: [String?] = (0..<60_000).map { i in i % 997 == 0 ? nil : "k\(rng.next(60_000))" }
        let otherKeys: [String?] = (0..<60_000).map { i in i % 991 == 0 ? nil : "k\(30_000 + rng.next(60_000))" }
        var mine = Self.table(mineKeys)
        let other = Self.table(otherKeys)
        #expect(other.count > GroupTable.parallelMergeThreshold)
        let before = Self.keyBytes(mine)
        let (mapping, newGroups) = try mine.absorb(other, threads: threads)
        let after = Self.keyBytes(mine)
        let theirs = Self.keyBytes(other)
        // The old groups keep their numbers and keys; every other group maps to a group with its key.
        #expect(Array(after.prefix(before.count)) == before)
        #expect(mapping.count == other.count)
        for g in 0..<other.count { #expect(after[Int(mapping[g])] == theirs[g]) }
        // Exactly the keys this table lacked were added, in the order of the other's groups, each once.
        let had = Set(before)
        let lacking = (0..<other.count).filter { !had.contains(theirs[$0]) }.map { Int32($0) }
        #expect(newGroups == lacking)
        #expect(mine.count == before.count + lacking.count)
        #expect(Set(after).count == after.count)
        // The merged table still finds and inserts like any other.
        let again = try mine.absorb(other, threads: threads)
        #expect(again.newGroups.isEmpty && again.mapping == mapping)
    }
}
