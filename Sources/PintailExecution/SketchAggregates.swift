import PintailCore
import PintailPlanner
import PintailSketch

/// approx_distinct, approx_set and merge: one HyperLogLog per group, fed 64-bit hashes of the values' canonical
/// bytes (XXH64 for approx_distinct, Murmur3 for approx_set, as Trino hashes them, so sketches are interchangeable).
final class SketchAggregate: AggregateState {
    enum Kind { case approxDistinct, approxSet, merge }
    private let kind: Kind
    private let bucketCount: Int
    private var sketches: [HyperLogLog] = []
    private let prototype: HyperLogLog
    private var dictionaryHashes: DictionaryHashCache
    private var seenEntries = DictionarySeenEntries()

    init(kind: Kind, maxStandardError: Double?) throws {
        self.kind = kind
        do {
            switch kind {
            case .approxSet where maxStandardError == nil: prototype = HyperLogLog.approxSet()
            default: prototype = try HyperLogLog(maxStandardError: maxStandardError ?? 0.023)
            }
        } catch {
            throw ExecutionError(error.message)
        }
        bucketCount = prototype.bucketCount
        dictionaryHashes = DictionaryHashCache(murmur: kind == .approxSet)
    }

    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        if sketches.count < groupCount { sketches += [HyperLogLog](repeating: prototype, count: groupCount - sketches.count) }
        // One group (no GROUP BY): adding a value twice changes nothing, so only each dictionary entry's first row
        // is hashed and added.
        if kind != .merge, groupCount == 1, let rows = try seenEntries.firstRows(arguments[0]) {
            let firsts = arguments[0].sliced(rows)
            if let hashes = try dictionaryHashes.rowHashes(firsts) {
                add(hashes, validity: firsts.validity, groups: [Int32](repeating: 0, count: rows.count))
                return
            }
        }
        if kind != .merge, let hashes = try dictionaryHashes.rowHashes(arguments[0]) {
            add(hashes, validity: arguments[0].validity, groups: groups)
            return
        }
        let v = arguments[0].flattened()
        if kind == .merge {
            guard let bytes = v.byteColumn else { throw ExecutionError("internal: merge expects HyperLogLog values") }
            for (i, g) in groups.enumerated() where v.isValid(i) {
                do {
                    let other = try HyperLogLog(serialized: bytes.value(at: i))
                    if sketches[Int(g)].cardinality() == 0 && sketches[Int(g)].bucketCount != other.bucketCount {
                        sketches[Int(g)] = other
                    } else {
                        try sketches[Int(g)].merge(other)
                    }
                } catch {
                    throw ExecutionError(error.message)
                }
            }
            return
        }
        add(ValueHashing.hashes(v, murmur: kind == .approxSet), validity: v.flatValidity, groups: groups)
    }

    /// Feeds row `i`'s hash to its group's sketch, skipping NULL rows (`validity` is per row).
    private func add(_ hashes: [Int64], validity: Bitmap?, groups: [Int32]) {
        hashes.withUnsafeBufferPointer { h in
            sketches.withUnsafeMutableBufferPointer { s in
                for (i, g) in groups.enumerated() {
                    if let validity, !validity[i] { continue }
                    s[Int(g)].addHash(h[i])
                }
            }
        }
    }

    func finish(groupCount: Int) -> Vector {
        if sketches.count < groupCount { sketches += [HyperLogLog](repeating: prototype, count: groupCount - sketches.count) }
        switch kind {
        case .approxDistinct:
            return Vector(type: .bigint, count: groupCount, storage: .int64(sketches.map { $0.cardinality() }))
        case .approxSet, .merge:
            var out = ByteColumn()
            for s in sketches { out.append(bytes: s.serialized()) }
            return Vector(type: .hyperLogLog, count: groupCount, storage: .bytes(out))
        }
    }

    /// Thread-local partial sketches merge into one (register-wise max).
    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? SketchAggregate else { return }
        extend(&sketches, to: groupCount, with: prototype)
        for (i, g) in mapping.enumerated() where i < o.sketches.count {
            do { try sketches[Int(g)].merge(o.sketches[i]) } catch { throw ExecutionError(error.message) }
        }
    }
}

/// approx_distinct over booleans counts which of true and false appeared, as Trino does (no sketch needed).
final class BooleanDistinctAggregate: AggregateState {
    private var seen: [UInt8] = []
    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        if seen.count < groupCount { seen += [UInt8](repeating: 0, count: groupCount - seen.count) }
        let v = arguments[0]
        for (i, g) in groups.enumerated() where v.isValid(i) { seen[Int(g)] |= v.boolValue(at: i) ? 2 : 1 }
    }
    func finish(groupCount: Int) -> Vector {
        let counts = (0..<groupCount).map { g -> Int64 in g < seen.count ? Int64(seen[g].nonzeroBitCount) : 0 }
        return Vector(type: .bigint, count: groupCount, storage: .int64(counts))
    }
    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? BooleanDistinctAggregate else { return }
        extend(&seen, to: groupCount, with: 0)
        for (i, g) in mapping.enumerated() where i < o.seen.count { seen[Int(g)] |= o.seen[i] }
    }
}

/// 64-bit hashes of a flat vector's values in Trino's canonical form: integers (and dates, timestamps, short
/// decimals) as their 8-byte value, doubles as IEEE bits with NaN (and for XXH64 -0.0) made canonical, strings and
/// binaries as their bytes. NULL rows get a hash too; callers skip them.
enum ValueHashing {
    static func hashes(_ v: Vector, murmur: Bool) -> [Int64] {
        var out = [Int64](repeating: 0, count: v.count)
        func hash(_ x: Int64) -> Int64 { murmur ? Murmur3Hash128.hash64(x) : XxHash64.hash(x) }
        switch v.storage {
        case .float64, .float32:
            let d = v.doubleValues() ?? []
            for i in 0..<d.count {
                var x = d[i]
                if x.isNaN { x = .nan }
                if !murmur && x == 0 { x = 0 }
                out[i] = hash(Int64(bitPattern: x.bitPattern))
            }
        case .bytes(let b):
            b.bytes.withUnsafeBytes { raw in
                for i in 0..<b.count {
                    let s = UnsafeRawBufferPointer(rebasing: raw[Int(b.offsets[i])..<Int(b.offsets[i + 1])])
                    out[i] = murmur ? Murmur3Hash128.hash64(s) : XxHash64.hash(s)
                }
            }
        case .int128(let a):
            for i in 0..<a.count {
                var x = a[i]
                out[i] = withUnsafeBytes(of: &x) { murmur ? Murmur3Hash128.hash64($0) : XxHash64.hash($0) }
            }
        case .list, .map, .row:
            for i in 0..<v.count {
                let text = ValueText.text(v.value(at: i), type: v.type)
                out[i] = text.utf8.withContiguousStorageIfAvailable { murmur ? Murmur3Hash128.hash64(UnsafeRawBufferPointer($0)) : XxHash64.hash(UnsafeRawBufferPointer($0)) } ?? 0
            }
        default:
            let x = v.int64Values() ?? []
            for i in 0..<x.count { out[i] = hash(x[i]) }
        }
        return out
    }
}
