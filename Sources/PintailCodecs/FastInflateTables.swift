/// Decode tables of the fast inflater: one 32-bit entry per lookup of the next `tableBits` input bits, with the
/// extra bits of a length or distance folded in so that one lookup and one shift decode a whole symbol.
///
/// Entry layout (bits): 0-7 bits to consume (code length + extra bits; for a subtable pointer the primary bits),
/// 8-11 code length (where the extra bits start; for a pointer the subtable's index bits), 13 end of block,
/// 14 subtable pointer, 15 exceptional (pointer, end of block or invalid), 16-30 value (literal byte, base length,
/// base distance or subtable start), 31 literal.
enum FastInflateEntry {
    static let literal: UInt32 = 1 << 31
    static let exceptional: UInt32 = 1 << 15
    static let subtable: UInt32 = 1 << 14
    static let endOfBlock: UInt32 = 1 << 13
    static let invalid: UInt32 = exceptional

    /// Primary index bits of each table; codes longer than this continue in subtables.
    static let literalLengthBits = 11
    static let distanceBits = 8
    static let precodeBits = 7
    /// Enough entries for any valid code (zlib's `enough` bounds are 2342 and 402; the builder checks anyway).
    static let literalLengthCapacity = 2400
    static let distanceCapacity = 420
    static let precodeCapacity = 1 << precodeBits

    /// Per-symbol entries before code lengths are added: value, flags and extra-bit count (in bits 0-7).
    static let literalLengthSymbols: [UInt32] = (0..<288).map { symbol in
        switch symbol {
        case 0..<256: return literal | UInt32(symbol) << 16
        case 256: return exceptional | endOfBlock
        case 257..<286:
            let index = symbol - 257
            return UInt32(FastDeflateTables.lengthBase[index]) << 16 | UInt32(FastDeflateTables.lengthExtra[index])
        default: return invalid
        }
    }
    static let distanceSymbols: [UInt32] = (0..<32).map { symbol in
        symbol < 30
            ? UInt32(FastDeflateTables.distanceBase[symbol]) << 16 | UInt32(FastDeflateTables.distanceExtra[symbol])
            : invalid
    }
    static let precodeSymbols: [UInt32] = (0..<19).map { UInt32($0) << 16 }
}

/// Which codes a table may hold short of complete: zlib accepts a lone code of length 1 for literal/lengths and
/// distances, and no distance codes at all (a block of literals only); the code-length code must be complete.
enum FastInflateCodeKind {
    case precode, literalLength, distance
}

enum FastInflateTableBuilder {
    /// Fills `table` for the code lengths `lengths` (0 = unused symbol), whose symbols' base entries are
    /// `symbolEntries`. Throws on over-subscribed or (where not allowed) incomplete codes.
    static func build(lengths: UnsafeBufferPointer<UInt8>, symbolEntries: [UInt32], kind: FastInflateCodeKind,
                      tableBits: Int, table: UnsafeMutablePointer<UInt32>, capacity: Int) throws {
        let maxLength = 15
        var count = [Int](repeating: 0, count: maxLength + 1)
        for length in lengths {
            guard Int(length) <= maxLength else { throw inflateError("code length above 15") }
            count[Int(length)] += 1
        }
        count[0] = 0
        var left = 1
        var longest = 0
        for length in 1...maxLength {
            left <<= 1
            left -= count[length]
            guard left >= 0 else { throw inflateError("over-subscribed \(kind) code") }
            if count[length] > 0 { longest = length }
        }
        if left > 0 {
            // zlib's rule: incomplete only as a lone 1-bit code, or no distance codes at all.
            let allowed = kind != .precode && (longest == 1 || (longest == 0 && kind == .distance))
            guard allowed else { throw inflateError("incomplete \(kind) code") }
            let size = 1 << tableBits
            guard size <= capacity else { throw inflateError("decode table overflow") }
            table.update(repeating: FastInflateEntry.invalid, count: size)
        }
        // Symbols sorted by code length, then by symbol: canonical code order.
        var offset = [Int](repeating: 0, count: maxLength + 2)
        for length in 1...maxLength { offset[length + 1] = offset[length] + count[length] }
        var sorted = [Int](repeating: 0, count: offset[maxLength + 1])
        for (symbol, length) in lengths.enumerated() where length > 0 {
            sorted[offset[Int(length)]] = symbol
            offset[Int(length)] += 1
        }
        var remaining = count
        let primarySize = 1 << tableBits
        let primaryMask = primarySize - 1
        var nextSubtable = primarySize
        var currentPrefix = -1
        var subtableStart = 0
        var subtableBits = 0
        var code = 0
        var codeLength = 0
        for symbol in sorted {
            let length = Int(lengths[symbol])
            // Canonical codes: the next code, shifted left when the length grows.
            if codeLength == 0 { codeLength = length; code = 0 } else {
                code += 1
                code <<= (length - codeLength)
                codeLength = length
            }
            remaining[length] -= 1
            let reversed = reverseBits(code, length)
            let base = symbolEntries[symbol]
            let extra = Int(base & 0xFF)
            let value = base & ~0xFF
            if length <= tableBits {
                let entry = value | UInt32(length) << 8 | UInt32(length + extra)
                guard primarySize <= capacity else { throw inflateError("decode table overflow") }
                var index = reversed
                while index < primarySize {
                    table[index] = entry
                    index += 1 << length
                }
                continue
            }
            let prefix = reversed & primaryMask
            if prefix != currentPrefix {
                // A new subtable, just big enough for the codes under this prefix (zlib's sizing walk).
                currentPrefix = prefix
                subtableBits = length - tableBits
                var slots = 1 << subtableBits
                while tableBits + subtableBits < longest {
                    slots -= remaining[tableBits + subtableBits] + (tableBits + subtableBits == length ? 1 : 0)
                    if slots <= 0 { break }
                    subtableBits += 1
                    slots <<= 1
                }
                subtableStart = nextSubtable
                nextSubtable += 1 << subtableBits
                guard nextSubtable <= capacity else { throw inflateError("decode table overflow") }
                table[prefix] = FastInflateEntry.exceptional | FastInflateEntry.subtable | UInt32(subtableStart) << 16
                    | UInt32(subtableBits) << 8 | UInt32(tableBits)
            }
            let subLength = length - tableBits
            let entry = value | UInt32(subLength) << 8 | UInt32(subLength + extra)
            var index = reversed >> tableBits
            while index < 1 << subtableBits {
                table[subtableStart + index] = entry
                index += 1 << subLength
            }
        }
    }

    /// The low `length` bits of `code` in reverse order: deflate sends Huffman codes most significant bit first
    /// into a stream read from the least significant bit.
    @inline(__always)
    static func reverseBits(_ code: Int, _ length: Int) -> Int {
        var result = 0
        var c = code
        for _ in 0..<length {
            result = result << 1 | (c & 1)
            c >>= 1
        }
        return result
    }
}

func inflateError(_ message: String) -> DecompressError {
    DecompressError(codec: .gzip, message: message)
}
