import Testing
@testable import PintailCodecs

/// After the window slides, no hash-table entry may point before the window's start: a position less than 32 KiB into
/// the new window would accept it as a candidate and read memory before the window (a crash seen while generating a
/// 4M-row lake).
@Suite struct FastDeflateSlideTests {
    @Test func positionsThatFallOffTheWindowAreForgotten() {
        let finder = FastDeflateMatchFinder()
        defer { finder.deallocate() }
        let slots = 1 << FastDeflateMatchFinder.hashBits
        for i in 0..<slots { finder.table[i] = i % 3 == 0 ? FastDeflateMatchFinder.noPosition : Int32(i * 40) }
        let shift = 600_000
        finder.slide(by: shift)
        for i in 0..<slots {
            let before = i % 3 == 0 ? FastDeflateMatchFinder.noPosition : Int32(i * 40)
            let expected = before == FastDeflateMatchFinder.noPosition || Int(before) < shift
                ? FastDeflateMatchFinder.noPosition : before - Int32(shift)
            #expect(finder.table[i] == expected, "slot \(i)")
            #expect(finder.table[i] >= 0 || finder.table[i] == FastDeflateMatchFinder.noPosition)
        }
    }
}
