import PintailCore
import PintailEngine
import Testing

@testable import PintailCLI

/// The column-at-a-time fast paths print exactly what the value-by-value path prints, whatever the vector's shape.
@Suite struct CellColumnTests {
    static let samples: [(DataType, [Value])] = [
        (.tinyint, [.int(-128), .null, .int(127)]),
        (.smallint, [.int(-32768), .int(0), .null]),
        (.integer, [.int(Int64(Int32.min)), .int(7), .null]),
        (.bigint, [.int(Int64.min), .int(Int64.max), .null]),
        (.boolean, [.boolean(true), .null, .boolean(false)]),
        (.double, [.double(0.1), .double(-1.0e-7), .null, .double(.infinity), .double(123456789.0)]),
        (.real, [.double(Double(Float(0.1))), .null, .double(Double(Float(-3.5e12)))]),
        (.date, [.int(0), .int(-719_528), .null, .int(2_932_896), .int(-1_000_000)]),
        (.string, [.string("plain"), .string("tab\there, \"q\""), .null, .string(""), .string("naïve 日本")]),
    ]

    @Test func fastPathsMatchValueText() {
        for (type, values) in Self.samples {
            var builder = VectorBuilder(type: type)
            for v in values { builder.append(v) }
            let cells = CellColumn(builder.finish(), encoding: .plain)
            #expect(cells.count == values.count)
            for (i, v) in values.enumerated() {
                #expect(cells.isNull[i] == v.isNull, "\(type) row \(i)")
                if !v.isNull { #expect(cells.text(at: i) == ValueText.text(v, type), "\(type) row \(i)") }
            }
        }
    }

    @Test func fastPathsMatchTheJSONValuePath() {
        for (type, values) in Self.samples {
            var builder = VectorBuilder(type: type)
            for v in values { builder.append(v) }
            let cells = CellColumn(builder.finish(), encoding: .jsonString)
            for (i, v) in values.enumerated() where !v.isNull {
                var expected = ""
                JSONLinesRenderer.append(v, type, to: &expected)
                #expect(cells.text(at: i) == expected, "\(type) row \(i)")
            }
        }
    }

    @Test func constantAndDictionaryVectors() {
        let constant = Vector(value: .string("same"), type: .string, count: 3)
        let constantCells = CellColumn(constant, encoding: .csv)
        #expect((0..<3).map { constantCells.text(at: $0) } == ["same", "same", "same"])
        let nulls = CellColumn(Vector.nulls(.integer, count: 2), encoding: .csv)
        #expect(nulls.isNull == [true, true])

        var builder = VectorBuilder(type: .integer)
        for v: Value in [.int(10), .null, .int(30)] { builder.append(v) }
        let sliced = builder.finish().sliced([2, 1, 0, 2])
        let cells = CellColumn(sliced, encoding: .plain)
        #expect(cells.isNull == [false, true, false, false])
        #expect([0, 2, 3].map { cells.text(at: $0) } == ["30", "10", "30"])
    }

    @Test func escapingPerEncoding() {
        var builder = VectorBuilder(type: .string)
        builder.append(.string("a,\"b\"\n\tc\\"))
        let v = builder.finish()
        #expect(CellColumn(v, encoding: .csv).text(at: 0) == "\"a,\"\"b\"\"\n\tc\\\"")
        #expect(CellColumn(v, encoding: .tsv).text(at: 0) == "a,\"b\"\\n\\tc\\\\")
        #expect(CellColumn(v, encoding: .jsonString).text(at: 0) == #""a,\"b\"\n\tc\\""#)
    }
}
