import PintailCore
import Testing

@testable import PintailExecution

/// The last merge of a GROUP BY (`GroupTable.mapping(of:)`): the other's groups found here keep this table's
/// numbers, the rest are numbered after this table's groups in the other's order, and the table is left unchanged.
@Suite struct GroupTableMappingTests {
    @Test(arguments: [1, 2, 3])
    func lackingGroupsAreNumberedInOrder(threads: Int) throws {
        var rng = Lcg(state: 5)
        let mineKeys: [String?] = (0..<60_000).map { i in i % 997 == 0 ? nil : "k\(rng.next(60_000))" }
        let otherKeys: [String?] = (0..<60_000).map { i in i % 991 == 0 ? nil : "k\(30_000 + rng.next(60_000))" }
        var mine = GroupTableMergeTests.table(mineKeys)
        let other = GroupTableMergeTests.table(otherKeys)
        let before = GroupTableMergeTests.keyBytes(mine)
        let theirs = GroupTableMergeTests.keyBytes(other)
        let (mapping, newGroups) = try mine.mapping(of: other, threads: threads)
        #expect(GroupTableMergeTests.keyBytes(mine) == before)
        let groupOfKey = Dictionary(uniqueKeysWithValues: before.enumerated().map { ($0.element, Int32($0.offset)) })
        let lacking = (0..<other.count).filter { groupOfKey[theirs[$0]] == nil }.map { Int32($0) }
        #expect(!lacking.isEmpty && lacking.count < other.count)
        #expect(newGroups == lacking)
        var expected = (0..<other.count).map { groupOfKey[theirs[$0]] ?? -1 }
        for (k, g) in lacking.enumerated() { expected[Int(g)] = Int32(before.count + k) }
        #expect(mapping == expected)
        // The same as absorbing, where the lacking groups are inserted in that order.
        let absorbed = try mine.absorb(other, threads: threads)
        #expect(absorbed.mapping == mapping && absorbed.newGroups == newGroups)
    }
}
