import PintailCore
import Testing

@testable import PintailCLI

@Suite struct ValueTextTests {
    @Test(arguments: [
        (4.5, "4.5"), (1.0e10, "1.0E10"), (10.0 / 3.0, "3.3333333333333335"), (1.0, "1.0"), (100.0, "100.0"),
        (0.001, "0.001"), (0.0001, "1.0E-4"), (1234567.0, "1234567.0"), (12345678.0, "1.2345678E7"),
        (-2.5, "-2.5"), (0.0, "0.0"), (-0.0, "-0.0"), (1.0e-300, "1.0E-300"),
        (Double.infinity, "Infinity"), (-Double.infinity, "-Infinity"), (Double.nan, "NaN"),
        (123456789012345680.0, "1.2345678901234568E17"), (0.1 + 0.2, "0.30000000000000004"),
    ])
    func doublesPrintAsJavaDoes(value: Double, expected: String) {
        #expect(ValueText.text(.double(value), .double) == expected)
    }

    @Test func realsPrintAsJavaFloatDoes() {
        #expect(ValueText.text(.double(Double(Float(1.1))), .real) == "1.1")
        #expect(ValueText.text(.double(Double(Float(3.0e10))), .real) == "3.0E10")
        #expect(ValueText.text(.double(Double(Float(0.5))), .real) == "0.5")
    }

    @Test func decimalsKeepTheirScale() {
        let t = DataType.decimal(precision: 10, scale: 2)
        #expect(ValueText.text(.decimal(150), t) == "1.50")
        #expect(ValueText.text(.decimal(-5), t) == "-0.05")
        #expect(ValueText.text(.decimal(0), t) == "0.00")
        #expect(ValueText.text(.decimal(12345), .decimal(precision: 5, scale: 0)) == "12345")
        let wide = Int128(10).multipliedReportingOverflow(by: Int128(10_000_000_000_000_000_000)).partialValue
        #expect(ValueText.text(.decimal(wide), .decimal(precision: 38, scale: 3)) == "100000000000000000.000")
    }

    @Test func datesAndTimestamps() {
        #expect(ValueText.text(.int(0), .date) == "1970-01-01")
        #expect(ValueText.text(.int(-1), .date) == "1969-12-31")
        let micros: Int64 = 1_700_000_000_123_456
        #expect(ValueText.text(.int(micros), .timestamp(precision: 3)) == "2023-11-14 22:13:20.123")
        #expect(ValueText.text(.int(micros), .timestamp(precision: 0)) == "2023-11-14 22:13:20")
        #expect(ValueText.text(.int(micros), .timestamp(precision: 6)) == "2023-11-14 22:13:20.123456")
        #expect(ValueText.text(.int(micros), .timestamp(precision: 9)) == "2023-11-14 22:13:20.123456000")
        #expect(ValueText.text(.int(Int64.min), .timestamp(precision: 3)) == String(Int64.min))
        #expect(ValueText.text(.int(3_723_000_000), .time) == "01:02:03.000")
    }

    @Test func scalarsAndNull() {
        #expect(ValueText.text(.null, .integer) == "NULL")
        #expect(ValueText.text(.null, .integer, null: "") == "")
        #expect(ValueText.text(.boolean(true), .boolean) == "true")
        #expect(ValueText.text(.int(-42), .bigint) == "-42")
        #expect(ValueText.text(.string("héllo"), .string) == "héllo")
        #expect(ValueText.text(.bytes([0x68, 0x00, 0xff]), .varbinary) == "68 00 ff")
    }

    @Test func nestedValues() {
        let array = Value.array([.string("a"), .null, .string("b")])
        #expect(ValueText.text(array, .array(.string)) == "[a, NULL, b]")
        let map = Value.map(keys: [.string("k"), .string("j")], values: [.double(1.5), .null])
        #expect(ValueText.text(map, .map(key: .string, value: .double)) == "{k=1.5, j=NULL}")
        let rowType = DataType.row([RowField(name: "x", type: .integer), RowField(name: "y", type: .date)])
        #expect(ValueText.text(.row([.int(1), .int(0)]), rowType) == "{x=1, y=1970-01-01}")
        let anonymous = DataType.row([RowField(name: nil, type: .integer), RowField(name: nil, type: .string)])
        #expect(ValueText.text(.row([.int(1), .string("a")]), anonymous) == "{1, a}")
        #expect(ValueText.text(.array([.array([.int(1)]), .array([])]), .array(.array(.integer))) == "[[1], []]")
    }
}
