import Testing
@testable import PintailCore

@Test func builderRoundTripsValuesAndNulls() {
    var b = VectorBuilder(type: .bigint)
    b.append(.int(7))
    b.appendNull()
    b.append(.int(-3))
    let v = b.finish()
    #expect(v.count == 3)
    #expect(v.value(at: 0) == .int(7))
    #expect(v.value(at: 1) == .null)
    #expect(v.value(at: 2) == .int(-3))
}

@Test func slicingComposesAndFlattens() {
    let v = Vector(type: .string, count: 4, storage: .bytes(ByteColumn(strings: ["a", "bb", "", "dddd"])))
    let s = v.sliced([3, 1, 0]).sliced([0, 2])
    #expect(s.count == 2)
    #expect(s.value(at: 0) == .string("dddd"))
    #expect(s.value(at: 1) == .string("a"))
    let flat = s.flattened()
    #expect(flat.isFlat)
    #expect(flat.value(at: 0) == .string("dddd"))
}

@Test func constantVectorsRepeatOneValue() {
    let c = Vector(value: .string("Books"), type: .string, count: 5)
    #expect(c.isConstant)
    #expect(c.value(at: 4) == .string("Books"))
    let n = Vector.nulls(.integer, count: 3)
    #expect(n.value(at: 2) == .null)
    #expect(n.flattened().validity?.setCount == 0)
}

@Test func concatenateKeepsValidity() {
    var a = VectorBuilder(type: .integer)
    a.append(.int(1)); a.appendNull()
    var b = VectorBuilder(type: .integer)
    b.append(.int(3))
    let c = Vector.concatenate([a.finish(), b.finish()], type: .integer)
    #expect(c.count == 3)
    #expect((0..<3).map { c.value(at: $0) } == [.int(1), .null, .int(3)])
}

@Test func nestedArraysBuildAndSlice() {
    var b = VectorBuilder(type: .array(.string))
    b.append(.array([.string("x"), .string("y")]))
    b.appendNull()
    b.append(.array([]))
    let v = b.finish()
    #expect(v.value(at: 0) == .array([.string("x"), .string("y")]))
    #expect(v.value(at: 1) == .null)
    #expect(v.sliced([2, 0]).flattened().value(at: 1) == .array([.string("x"), .string("y")]))
}

@Test func bitmapCountsAndAppends() {
    var bits = Bitmap(count: 70, value: true)
    bits[69] = false
    #expect(bits.setCount == 69)
    bits.append(true)
    #expect(bits.count == 71 && bits[70])
}
