/// Huffman code lengths limited to a maximum length, and the canonical codes deflate derives from them
/// (RFC 1951 section 3.2.2). Runs a few times per block over at most 286 symbols, so plain arrays are fine here.
enum FastDeflateHuffman {
    /// Code lengths for `frequencies`, none longer than `maxBits`. At least two symbols always get a code (a
    /// complete code: zlib's inflate rejects incomplete ones), so a symbol of frequency 0 may get one too.
    static func lengths(_ frequencies: [UInt32], maxBits: Int) -> [UInt8] {
        // Frequency and symbol in one integer key: plain integer sorting, no comparison closure.
        var used: [UInt64] = []
        used.reserveCapacity(frequencies.count)
        for (symbol, frequency) in frequencies.enumerated() where frequency > 0 {
            used.append(UInt64(frequency) << 16 | UInt64(symbol))
        }
        var filler = 0
        while used.count < 2 && filler < frequencies.count {
            if frequencies[filler] == 0 { used.append(1 << 16 | UInt64(filler)) }
            filler += 1
        }
        var lengths = [UInt8](repeating: 0, count: frequencies.count)
        guard used.count >= 2 else { return lengths }
        used.sort()
        let depths = leafDepths(used.map { $0 >> 16 })
        // Count codes per length, fold the too-long ones into maxBits, then restore Kraft's equality by
        // lengthening one shorter code per unit of excess (as zlib and miniz do).
        var perLength = [Int](repeating: 0, count: maxBits + 1)
        for depth in depths { perLength[min(depth, maxBits)] += 1 }
        var kraft = 0
        for length in 1...maxBits { kraft += perLength[length] << (maxBits - length) }
        while kraft > 1 << maxBits {
            perLength[maxBits] -= 1
            for length in stride(from: maxBits - 1, through: 1, by: -1) where perLength[length] > 0 {
                perLength[length] -= 1
                perLength[length + 1] += 2
                break
            }
            kraft -= 1
        }
        // The rarest symbols (first in `used`) take the longest codes.
        var next = 0
        for length in stride(from: maxBits, through: 1, by: -1) {
            for _ in 0..<perLength[length] {
                lengths[Int(used[next] & 0xFFFF)] = UInt8(length)
                next += 1
            }
        }
        return lengths
    }

    /// Depths of the leaves of a Huffman tree over `weights` sorted ascending (two-queue construction).
    private static func leafDepths(_ weights: [UInt64]) -> [Int] {
        let n = weights.count
        var nodeWeight = [UInt64](repeating: 0, count: n - 1)
        var nodeParent = [Int](repeating: 0, count: n - 1)
        var leafParent = [Int](repeating: 0, count: n)
        var leaf = 0, node = 0
        for created in 0..<(n - 1) {
            var sum: UInt64 = 0
            for _ in 0..<2 {
                if leaf < n && (node >= created || weights[leaf] <= nodeWeight[node]) {
                    sum += weights[leaf]
                    leafParent[leaf] = created
                    leaf += 1
                } else {
                    sum += nodeWeight[node]
                    nodeParent[node] = created
                    node += 1
                }
            }
            nodeWeight[created] = sum
        }
        var nodeDepth = [Int](repeating: 0, count: n - 1)
        for k in stride(from: n - 3, through: 0, by: -1) { nodeDepth[k] = nodeDepth[nodeParent[k]] + 1 }
        return leafParent.map { nodeDepth[$0] + 1 }
    }

    /// Canonical codes for `lengths`, bit-reversed so that they can be written least significant bit first.
    static func reversedCodes(_ lengths: [UInt8]) -> [UInt32] {
        var perLength = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { perLength[Int(length)] += 1 }
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1..<16 {
            code = (code + perLength[length - 1]) << 1
            nextCode[length] = code
        }
        // perLength[0] counted nothing, so the first code of each length follows RFC 1951's recurrence.
        var codes = [UInt32](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let l = Int(length)
            // Reverse all 16 bits by swapping ever larger groups, then drop the 16 - l unused ones.
            var value = UInt32(nextCode[l])
            nextCode[l] += 1
            value = (value & 0x5555) << 1 | (value >> 1) & 0x5555
            value = (value & 0x3333) << 2 | (value >> 2) & 0x3333
            value = (value & 0x0F0F) << 4 | (value >> 4) & 0x0F0F
            value = (value & 0x00FF) << 8 | (value >> 8) & 0x00FF
            codes[symbol] = value >> (16 - l)
        }
        return codes
    }
}
