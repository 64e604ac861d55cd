import Foundation
import PintailCore
import Testing

@testable import PintailPlanner

/// Row estimates on hand-built plans: filters scale a table's rows, a foreign-key join keeps the larger side's
/// rows times the smaller side's filter, the build side follows the estimates, and text tables are counted from
/// their bytes.
@Suite struct RowEstimateTests {
    static func table(_ name: String, _ columns: [String], format: String = "PARQUET", location: String = "/nonexistent") -> TableHandle {
        TableHandle(database: "default", name: name, columns: columns.map { Field(name: $0, type: .bigint) },
                    location: location, format: format)
    }

    static func scan(_ name: String, _ columns: [String], rows: Double) -> LogicalPlan {
        let t = table(name, columns)
        return .scan(Scan(table: t, columns: Array(t.schema.indices), measures: TableMeasures(rows: rows)))
    }

    static func eq(_ column: Int, _ value: Int64) -> BoundExpr {
        .call("$eq", [.column(column, .bigint), .literal(.int(value), .bigint)], .boolean)
    }

    static func compare(_ op: String, _ column: Int, _ value: Int64) -> BoundExpr {
        .call(op, [.column(column, .bigint), .literal(.int(value), .bigint)], .boolean)
    }

    static func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(b)) }

    @Test func filtersScaleTheTableRows() {
        let lines = Self.scan("lines", ["orderkey", "suppkey", "day"], rows: 6_000_000)
        #expect(RowEstimate.rows(lines) == 6_000_000)
        #expect(Self.near(RowEstimate.rows(.filter(lines, predicate: Self.eq(2, 5))), 600_000))
        // A two-sided range keeps a quarter, not a ninth.
        let between = BoundExpr.and([Self.compare("$ge", 2, 10), Self.compare("$le", 2, 20)])
        #expect(Self.near(RowEstimate.rows(.filter(lines, predicate: between)), 1_500_000))
        // OR adds its arms, NOT complements.
        #expect(Self.near(RowEstimate.rows(.filter(lines, predicate: .or([Self.eq(2, 1), Self.eq(2, 2)]))), 1_200_000))
        #expect(Self.near(RowEstimate.rows(.filter(lines, predicate: .not(Self.eq(2, 1)))), 5_400_000))
        #expect(RowEstimate.rows(.limit(lines, offset: 0, count: 10)) == 10)
    }

    @Test func foreignKeyJoinKeepsTheLargerSideScaledByTheSmallerFilter() {
        let lines = Self.scan("lines", ["orderkey", "suppkey"], rows: 6_000_000)
        let suppliers = Self.scan("suppliers", ["suppkey", "nation"], rows: 10_000)
        let someSuppliers = LogicalPlan.filter(suppliers, predicate: Self.eq(1, 3))
        let key = [JoinKeyPair(left: .column(1, .bigint), right: .column(0, .bigint))]
        let all = RowEstimate.rows(.join(lines, suppliers, JoinCondition(kind: .inner, keys: key)))
        #expect(Self.near(all, 6_000_000))
        let filtered = RowEstimate.rows(.join(lines, someSuppliers, JoinCondition(kind: .inner, keys: key)))
        #expect(Self.near(filtered, 600_000))
        // A left join keeps at least its left rows; a semi join at most.
        #expect(RowEstimate.rows(.join(someSuppliers, lines, JoinCondition(kind: .left, keys: [JoinKeyPair(left: .column(0, .bigint), right: .column(1, .bigint))]))) >= 1_000)
        #expect(RowEstimate.rows(.join(lines, someSuppliers, JoinCondition(kind: .semi, keys: key))) <= 6_000_000)
    }

    @Test func buildSideFollowsTheEstimates() {
        let big = Self.scan("big", ["k", "v"], rows: 1_500_000)
        let small = Self.scan("small", ["k", "v"], rows: 150_000)
        let key = [JoinKeyPair(left: .column(0, .bigint), right: .column(0, .bigint))]
        #expect(JoinBuildSide.buildsLeft(small, big, JoinCondition(kind: .inner, keys: key)))
        #expect(JoinBuildSide.buildsLeft(small, big, JoinCondition(kind: .left, keys: key)))
        #expect(!JoinBuildSide.buildsLeft(big, small, JoinCondition(kind: .inner, keys: key)))
        // Near-equal inputs keep the right one built.
        let alike = Self.scan("alike", ["k", "v"], rows: 1_000_000)
        #expect(!JoinBuildSide.buildsLeft(alike, big, JoinCondition(kind: .inner, keys: key)))
        // A narrow right input is not swapped for a much wider left one with somewhat fewer rows.
        let wide = Self.scan("wide", ["a", "b", "c", "d", "e", "f", "g", "h"], rows: 600_000)
        #expect(!JoinBuildSide.buildsLeft(wide, big, JoinCondition(kind: .inner, keys: key)))
        // Semi joins keep the binder's choice.
        #expect(!JoinBuildSide.buildsLeft(small, big, JoinCondition(kind: .semi, keys: key)))
        #expect(JoinBuildSide.buildsLeft(big, small, JoinCondition(kind: .semi, keys: key, buildLeft: true)))
    }

    @Test func textTablesAreCountedFromTheirBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("row-estimate-\(UInt64.random(in: 0..<UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // 1,000 rows of two bigints as text: 10 bytes a bigint is the guess, 20 bytes a row.
        try Data(repeating: 65, count: 20_000).write(to: folder.appendingPathComponent("part-0.tsv"))
        try Data(repeating: 65, count: 5_000).write(to: folder.appendingPathComponent("_SUCCESS"))
        let t = Self.table("text", ["a", "b"], format: "TEXTFILE", location: folder.path)
        let counts = TableRowCounts()
        #expect(counts.measures(of: t).rows.map { Self.near($0, 1_000) } == true)
        #expect(counts.measures(of: t) === counts.measures(of: t))
        #expect(counts.measures(of: Self.table("missing", ["a"], location: folder.path + "/nope")).rows == nil)
    }
}
