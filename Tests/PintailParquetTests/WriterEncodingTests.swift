import Foundation
import PintailCodecs
import PintailCore
import Testing
@testable import PintailParquet

/// The writer's fast encoding paths against straightforward references.
@Suite struct WriterEncodingTests {
    /// The hybrid encoder as first written: scan every run in order (the reference for the probing scan).
    static func referenceRle(_ values: [UInt32], bitWidth: Int) -> [UInt8] {
        var out: [UInt8] = []
        func varint(_ value: Int) {
            var v = UInt64(value)
            while v >= 0x80 { out.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
            out.append(UInt8(v))
        }
        func bitPack(_ range: Range<Int>) {
            let groups = (range.count + 7) / 8
            varint(groups << 1 | 1)
            var accumulator: UInt64 = 0, bits = 0
            for k in 0..<(groups * 8) {
                let idx = range.lowerBound + k
                accumulator |= UInt64(idx < range.upperBound ? values[idx] : 0) << UInt64(bits)
                bits += bitWidth
                while bits >= 8 { out.append(UInt8(truncatingIfNeeded: accumulator)); accumulator >>= 8; bits -= 8 }
            }
            if bits > 0 { out.append(UInt8(truncatingIfNeeded: accumulator)) }
        }
        var literalStart = 0, i = 0
        while i < values.count {
            var runEnd = i + 1
            while runEnd < values.count && values[runEnd] == values[i] { runEnd += 1 }
            var runStart = i
            let pending = (runStart - literalStart) & 7
            if pending != 0 && runEnd - runStart >= 8 { runStart += min(8 - pending, runEnd - runStart) }
            if runEnd - runStart >= 8 {
                if runStart > literalStart { bitPack(literalStart..<runStart) }
                varint((runEnd - runStart) << 1)
                var v = values[i]
                for _ in 0..<((bitWidth + 7) / 8) { out.append(UInt8(truncatingIfNeeded: v)); v >>= 8 }
                literalStart = runEnd
            }
            i = runEnd
        }
        if literalStart < values.count { bitPack(literalStart..<values.count) }
        return out
    }

    @Test func probingRleScanMatchesTheReference() {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<400 {
            let widths = Array(1...17) + [24, 31, 32]
            let bitWidth = widths[trial % widths.count]
            let limit = bitWidth == 32 ? UInt32.max : (UInt32(1) << UInt32(bitWidth)) - 1
            var values: [UInt32] = []
            let count = Int.random(in: 0...300, using: &rng)
            while values.count < count {
                // Runs of every length around the 8-value threshold, and single values.
                let length = [1, 1, 2, 7, 8, 9, 15, 16, 17, 30][Int.random(in: 0..<10, using: &rng)]
                let value = UInt32.random(in: 0...min(limit, trial % 3 == 0 ? 1 : limit), using: &rng)
                values.append(contentsOf: repeatElement(value, count: min(length, count - values.count)))
            }
            var fast: [UInt8] = []
            values.withUnsafeBufferPointer { RleHybridEncoder.encode($0, bitWidth: bitWidth, into: &fast) }
            #expect(fast == Self.referenceRle(values, bitWidth: bitWidth), "width \(bitWidth) values \(values)")
        }
    }

    @Test func bytesDictionaryGivesInsertionOrderIdsAndKeepsTheBytes() {
        var rng = SystemRandomNumberGenerator()
        let dictionary = BytesDictionary()
        var reference: [[UInt8]: Int32] = [:]
        var order: [[UInt8]] = []
        for _ in 0..<20_000 {
            // Short and long values, many repeats, and values that differ only in their last byte.
            let length = [0, 1, 3, 4, 7, 8, 9, 16, 17, 40][Int.random(in: 0..<10, using: &rng)]
            var value = [UInt8](repeating: 0x61, count: length)
            if length > 0 { value[length - 1] = UInt8.random(in: 0x61...0x70, using: &rng) }
            if length > 2 { value[0] = UInt8.random(in: 0x61...0x62, using: &rng) }
            let id = value.withUnsafeBytes { dictionary.id(for: $0.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, length: length) }
            if let known = reference[value] {
                #expect(id == known)
            } else {
                #expect(id == Int32(order.count))
                reference[value] = id
                order.append(value)
            }
        }
        #expect(dictionary.count == order.count)
        for (i, value) in order.enumerated() {
            let start = Int(dictionary.offsets.base[i]), end = Int(dictionary.offsets.base[i + 1])
            #expect(Array(UnsafeBufferPointer(start: dictionary.bytes.base + start, count: end - start)) == value)
        }
    }

    @Test func bytesEqualComparesEveryByte() {
        for length in 0..<40 {
            let a = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            #expect(a.withUnsafeBytes { x in a.withUnsafeBytes { y in bytesEqual(x.baseAddress ?? y.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, y.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, length) } })
            for position in 0..<length {
                var b = a
                b[position] ^= 0x80
                #expect(!a.withUnsafeBytes { x in b.withUnsafeBytes { y in bytesEqual(x.baseAddress!, y.baseAddress!, length) } })
            }
        }
    }

    @Test func boundsFollowUnsignedByteOrderAcrossBatches() {
        var rng = SystemRandomNumberGenerator()
        let bounds = ByteArrayBounds(signedFirstByte: false)
        var all: [[UInt8]] = []
        for _ in 0..<20 {
            let batch = (0..<50).map { _ in
                (0..<Int.random(in: 0...20, using: &rng)).map { _ in UInt8.random(in: [0x00, 0x41, 0x7F, 0x80, 0xFF].randomElement(using: &rng)!...0xFF, using: &rng) }
            }
            all += batch
            let column = ByteColumn(offsets: batch.reduce(into: [Int32(0)]) { $0.append($0.last! + Int32($1.count)) },
                                    bytes: batch.flatMap { $0 })
            column.bytes.withUnsafeBytes { raw in
                column.offsets.withUnsafeBufferPointer { offsets in
                    bounds.fold(raw.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, offsets.baseAddress!, 0..<batch.count, nil)
                }
            }
        }
        let sorted = all.sorted { $0.lexicographicallyPrecedes($1) }
        let taken = bounds.take()
        #expect(taken?.min == sorted.first)
        #expect(taken?.max == sorted.last)
        #expect(bounds.take() == nil)
    }

    @Test func decimalBoundsCompareTheFirstByteSigned() {
        let bounds = ByteArrayBounds(signedFirstByte: true)
        for value: [UInt8] in [[0x01, 0x00], [0xFF, 0xFF], [0x80, 0x00], [0x7F, 0xFF], [0x00, 0x01]] {
            value.withUnsafeBytes { bounds.fold($0) }
        }
        let taken = bounds.take()
        #expect(taken?.min == [0x80, 0x00])
        #expect(taken?.max == [0x7F, 0xFF])
    }

    /// Pages that start without NULLs and meet one later, PLAIN and dictionary, read back with the same rows.
    @Test func nullsAfterValidRowsInOnePageRoundTrip() throws {
        let folder = try WriterTestSupport.temporaryFolder("levels")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("l.parquet").path
        let rows = 5000
        let strings = (0..<rows).map { "value-\($0 % 700)-" + String(repeating: "x", count: $0 % 23) }
        var validity = Bitmap(count: rows, value: true)
        for i in stride(from: 2100, to: rows, by: 7) { validity[i] = false }
        let text = Vector(type: .string, count: rows, storage: .bytes(ByteColumn(strings: strings)), validity: validity)
        let numbers = Vector(type: .bigint, count: rows, storage: .int64((0..<rows).map { Int64($0 % 300) }), validity: validity)
        let writer = try ParquetWriter(path: path, columns: [ParquetColumn(name: "d", type: .string),
                                                             ParquetColumn(name: "p", type: .string),
                                                             ParquetColumn(name: "n", type: .bigint)],
                                       options: ParquetWriteOptions(codec: .snappy, plainColumns: ["p"]))
        for start in stride(from: 0, to: rows, by: 1000) {
            let slice = Array((start..<min(rows, start + 1000)).map { Int32($0) })
            try writer.write(Batch(columns: [text.sliced(slice).flattened(), text.sliced(slice).flattened(),
                                             numbers.sliced(slice).flattened()], count: slice.count))
        }
        try writer.close()
        let file = try ParquetFile.open(path: path)
        let reader = try file.readRowGroup(0, columns: [0, 1, 2], batchSize: 777)
        var row = 0
        var mismatches = 0
        while let batch = try reader.next() {
            for i in 0..<batch.count {
                let expected: Value = validity[row + i] ? .string(strings[row + i]) : .null
                let number: Value = validity[row + i] ? .int(Int64((row + i) % 300)) : .null
                if batch.columns[0].value(at: i) != expected || batch.columns[1].value(at: i) != expected
                    || batch.columns[2].value(at: i) != number { mismatches += 1 }
            }
            row += batch.count
        }
        #expect(row == rows)
        #expect(mismatches == 0)
    }

    /// Constant vectors (the repeated-id path, the PLAIN path and constant NULLs) mixed with flat batches.
    @Test func constantVectorsMixWithFlatBatches() throws {
        let folder = try WriterTestSupport.temporaryFolder("constants")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("c.parquet").path
        let writer = try ParquetWriter(path: path, columns: [ParquetColumn(name: "d", type: .string),
                                                             ParquetColumn(name: "p", type: .string)],
                                       options: ParquetWriteOptions(codec: .zstd, plainColumns: ["p"]))
        var expected: [Value] = []
        for (i, rows) in [3000, 1500, 2500].enumerated() {
            if i == 1 {
                let flat = Vector(type: .string, count: rows, storage: .bytes(ByteColumn(strings: (0..<rows).map { "f\($0 % 9)" })))
                try writer.write(Batch(columns: [flat, flat], count: rows))
                expected += (0..<rows).map { .string("f\($0 % 9)") }
            } else {
                let value: Value = i == 0 ? .string("US") : .null
                let constant = i == 0 ? Vector(value: value, type: .string, count: rows) : Vector.nulls(.string, count: rows)
                try writer.write(Batch(columns: [constant, constant], count: rows))
                expected += Array(repeating: value, count: rows)
            }
        }
        try writer.close()
        let file = try ParquetFile.open(path: path)
        let reader = try file.readRowGroup(0, columns: [0, 1], batchSize: 1000)
        var got: [[Value]] = [[], []]
        while let batch = try reader.next() {
            for c in 0..<2 { got[c] += (0..<batch.count).map { batch.columns[c].value(at: $0) } }
        }
        #expect(got[0] == expected)
        #expect(got[1] == expected)

        let required = try ParquetWriter(path: folder.appendingPathComponent("r.parquet").path,
                                         columns: [ParquetColumn(name: "r", type: .string, nullable: false)])
        #expect(throws: ParquetWriteError.self) {
            try required.write(Batch(columns: [Vector.nulls(.string, count: 10)], count: 10))
        }
    }

    /// Small keys (direct table, grown on demand) and large ones (hash table) get insertion-order ids; reset forgets.
    @Test func fixedWidthDictionaryMixesDirectAndHashedKeys() {
        var rng = SystemRandomNumberGenerator()
        let dictionary = FixedWidthDictionary()
        for round in 0..<2 {
            var reference: [UInt64: Int32] = [:]
            for _ in 0..<30_000 {
                let key: UInt64 = switch Int.random(in: 0..<4, using: &rng) {
                case 0: UInt64.random(in: 0..<300, using: &rng)
                case 1: UInt64.random(in: 0..<(1 << 16), using: &rng)
                case 2: UInt64.random(in: (1 << 16)..<(1 << 17), using: &rng)
                default: UInt64.random(in: 0...UInt64.max, using: &rng)
                }
                let id = dictionary.id(for: key)
                if let known = reference[key] { #expect(id == known) } else {
                    #expect(id == Int32(reference.count), "round \(round)")
                    reference[key] = id
                }
            }
            #expect(dictionary.count == reference.count)
            for (key, id) in reference { #expect(dictionary.values.base[Int(id)] == key) }
            dictionary.reset()
            #expect(dictionary.count == 0)
        }
    }

    @Test func copyBytesCopiesExactlyTheBytesAsked() {
        let source = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ 7) }
        for length in 0..<100 {
            var target = [UInt8](repeating: 0xEE, count: 220)
            source.withUnsafeBytes { src in
                target.withUnsafeMutableBytes { dst in copyBytes(dst.baseAddress! + 10, src.baseAddress! + 3, length) }
            }
            #expect(Array(target[10..<(10 + length)]) == Array(source[3..<(3 + length)]), "length \(length)")
            #expect(target[0..<10].allSatisfy { $0 == 0xEE } && target[(10 + length)...].allSatisfy { $0 == 0xEE })
        }
    }
}
