/// How often each literal byte, match length and distance symbol occurred in a block, counted by the match finder's
/// sinks in the cheapest form (by byte, by length - 3, by distance symbol) and turned into the two deflate alphabets'
/// symbol frequencies once per block.
struct FastDeflateFrequencies {
    /// Literals by byte at 0..<256, matches by length - 3 at 256..<512, distance symbols at 512..<542.
    let counts: UnsafeMutablePointer<UInt32>
    private static let total = 544

    init() {
        counts = .allocate(capacity: Self.total)
        counts.initialize(repeating: 0, count: Self.total)
    }

    func deallocate() { counts.deallocate() }

    func reset() { counts.update(repeating: 0, count: Self.total) }

    var literals: UnsafeMutablePointer<UInt32> { counts }
    var lengths: UnsafeMutablePointer<UInt32> { counts + 256 }
    var distances: UnsafeMutablePointer<UInt32> { counts + 512 }

    /// Literal/length (286, end of block included) and distance (30) symbol frequencies. With `smoothed`, every
    /// symbol counts at least once, so that codes built from them can code any block (used for the next block).
    func symbolFrequencies(smoothed: Bool) -> (literalLength: [UInt32], distance: [UInt32]) {
        let floor: UInt32 = smoothed ? 1 : 0
        var literalLength = [UInt32](repeating: floor, count: 286)
        for byte in 0..<256 { literalLength[byte] &+= literals[byte] }
        literalLength[256] = 1
        let lengthSymbol = FastDeflateTables.shared.lengthSymbol
        for index in 0..<256 { literalLength[257 + Int(lengthSymbol[index])] &+= lengths[index] }
        var distance = [UInt32](repeating: floor, count: 30)
        for symbol in 0..<30 { distance[symbol] &+= distances[symbol] }
        return (literalLength, distance)
    }
}
