/// A validity bitmap: bit `i` set means row `i` is not NULL. Vectors with no NULLs carry no bitmap at all.
public struct Bitmap: Sendable, Equatable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    /// A bitmap of `count` bits, all set to `value`.
    public init(count: Int, value: Bool) {
        self.count = count
        let wordCount = (count + 63) >> 6
        words = [UInt64](repeating: value ? ~0 : 0, count: wordCount)
        if value { clearTail() }
    }

    public init(words: [UInt64], count: Int) {
        self.words = words
        self.count = count
        clearTail()
    }

    @inline(__always)
    public subscript(index: Int) -> Bool {
        get { (words[index >> 6] >> UInt64(index & 63)) & 1 == 1 }
        set {
            let mask: UInt64 = 1 << UInt64(index & 63)
            if newValue { words[index >> 6] |= mask } else { words[index >> 6] &= ~mask }
        }
    }

    /// Bit `index` (the read half of the subscript, inlinable into other modules' loops).
    @inlinable
    public func isSet(_ index: Int) -> Bool { (words[index >> 6] >> UInt64(index & 63)) & 1 == 1 }

    /// Number of set bits (valid rows).
    public var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    public var allSet: Bool { setCount == count }

    public mutating func append(_ value: Bool) {
        if count & 63 == 0 { words.append(0) }
        if value { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    /// Bitwise AND with another bitmap of the same length (NULL if either side is NULL).
    public func and(_ other: Bitmap) -> Bitmap {
        var result = self
        for i in 0..<min(words.count, other.words.count) { result.words[i] &= other.words[i] }
        return result
    }

    private mutating func clearTail() {
        let extra = count & 63
        if extra != 0, !words.isEmpty { words[words.count - 1] &= (1 << UInt64(extra)) - 1 }
    }
}

extension Optional where Wrapped == Bitmap {
    /// Combines two optional validity bitmaps: absent means all valid.
    public func and(_ other: Bitmap?) -> Bitmap? {
        switch (self, other) {
        case (nil, nil): return nil
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (let a?, let b?): return a.and(b)
        }
    }
}
