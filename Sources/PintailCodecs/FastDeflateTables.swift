/// The fixed tables of RFC 1951 (section 3.2.5) in the shapes the fast deflate encoder looks them up: by match
/// length, by distance, and the code-length alphabet's order. Allocated once for the process and never freed, so
/// the hot loops read them through plain pointers.
struct FastDeflateTables: @unchecked Sendable {
    /// Base match length of length symbols 257...285, and their extra bits.
    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
                                    115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Base distance of distance symbols 0...29, and their extra bits.
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                                      1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                       12, 12, 13, 13]
    /// The order in which a dynamic block header lists the code-length code's lengths.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Length symbol index (0...28, i.e. symbol - 257) by match length - 3.
    let lengthSymbol: UnsafeMutablePointer<UInt8>
    /// Distance symbol by distance - 1 for distances up to 256, then at 256 + ((distance - 1) >> 7) for longer
    /// ones (every symbol from 16 on starts at a multiple of 128).
    let distanceSymbol: UnsafeMutablePointer<UInt8>

    static let shared = FastDeflateTables()

    private init() {
        lengthSymbol = .allocate(capacity: 256)
        for length in 3...258 {
            var symbol = 28
            while Self.lengthBase[symbol] > length { symbol -= 1 }
            lengthSymbol[length - 3] = UInt8(symbol)
        }
        distanceSymbol = .allocate(capacity: 512)
        for index in 0..<512 {
            let distance = index < 256 ? index + 1 : ((index - 256) << 7) + 1
            var symbol = 29
            while Self.distanceBase[symbol] > distance { symbol -= 1 }
            distanceSymbol[index] = UInt8(symbol)
        }
    }

}
