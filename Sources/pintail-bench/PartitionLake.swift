import Foundation
import PintailCore
import PintailParquet

/// The Hive-partitioned Parquet lake of the partitions suite: `dt=YYYY-MM-DD/part-0.parquet`, one day per partition
/// from 2022-01-01, each file with `rowsPerPartition` events (id, user_id, amount, kind). Ids run on across
/// partitions (partition i holds ids i*R ..< (i+1)*R), so a data-column range can select exactly one partition's rows.
struct PartitionLake: Sendable {
    let folder: String
    let partitions: Int
    let rowsPerPartition: Int

    static let table = "events"
    static let columns: [(String, DataType)] = [("id", .bigint), ("user_id", .bigint), ("amount", .double), ("kind", .string)]
    static let kinds = ["purchase", "refund", "view", "cart"]
    /// Users are drawn from 0..<userCount, so `user_id < userCount / 100` keeps about 1% of the rows.
    static let userCount = 100_000

    /// The `dt` value of partition `index`: 2022-01-01 (day 18,993 of the Unix epoch) plus `index` days.
    static func day(_ index: Int) -> String { CivilDay(daysSinceEpoch: 18_993 + index).text }

    func partitionFolder(_ index: Int) -> String { folder + "/dt=" + Self.day(index) }
    func partitionFile(_ index: Int) -> String { partitionFolder(index) + "/part-0.parquet" }

    /// Bytes of every data file of partition `index` (one file here).
    func partitionBytes(_ index: Int) throws -> Int { try Self.fileSize(partitionFile(index)) }

    /// Bytes of every data file of the lake.
    func totalBytes() throws -> Int {
        var total = 0
        for i in 0..<partitions { total += try partitionBytes(i) }
        return total
    }

    /// What a reader that opens a file only to prune it by statistics reads: the 4-byte head magic, the footer and
    /// the 8-byte tail (footer length and magic).
    func footerReadBytes(_ index: Int) throws -> Int {
        let path = partitionFile(index)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchError("cannot open \(path)") }
        defer { try? handle.close() }
        let size = try Self.fileSize(path)
        guard size >= 12 else { throw BenchError("\(path) is too small to be Parquet") }
        try handle.seek(toOffset: UInt64(size - 8))
        let tail = [UInt8](try handle.read(upToCount: 4) ?? Data())
        guard tail.count == 4 else { throw BenchError("cannot read the footer length of \(path)") }
        let length = Int(tail[0]) | Int(tail[1]) << 8 | Int(tail[2]) << 16 | Int(tail[3]) << 24
        return 4 + length + 8
    }

    static func fileSize(_ path: String) throws -> Int {
        guard let size = (try FileManager.default.attributesOfItem(atPath: path))[.size] as? NSNumber else {
            throw BenchError("cannot read the size of \(path)")
        }
        return size.intValue
    }

    /// Writes the lake unless `folder/.complete` says it is already there with the same shape.
    func prepare(seed: UInt64) throws {
        let fm = FileManager.default
        let marker = folder + "/.complete"
        let stamp = "partitions \(partitions) rows-per-partition \(rowsPerPartition) seed \(seed)\n"
        if let old = try? String(contentsOfFile: marker, encoding: .utf8), old == stamp { return }
        log("writing \(partitions) partitions of \(rowsPerPartition) rows in \(folder)")
        try? fm.removeItem(atPath: folder)
        let columns = Self.columns.map { ParquetColumn(name: $0.0, type: $0.1) }
        var random = SplitMix64(seed: seed)
        for p in 0..<partitions {
            try fm.createDirectory(atPath: partitionFolder(p), withIntermediateDirectories: true)
            let writer = try ParquetWriter(path: partitionFile(p), columns: columns)
            try writer.write(batch(partition: p, random: &random))
            _ = try writer.close()
        }
        guard fm.createFile(atPath: marker, contents: Data(stamp.utf8)) else { throw BenchError("cannot write \(marker)") }
    }

    private func batch(partition: Int, random: inout SplitMix64) -> Batch {
        let n = rowsPerPartition
        var ids = [Int64](repeating: 0, count: n)
        var users = [Int64](repeating: 0, count: n)
        var amounts = [Double](repeating: 0, count: n)
        var kinds = ByteColumn()
        let kindBytes = Self.kinds.map { Array($0.utf8) }
        for r in 0..<n {
            ids[r] = Int64(partition * n + r)
            users[r] = Int64(random.next() % UInt64(Self.userCount))
            amounts[r] = Double(random.next() % 100_000) / 100  // cents, 0.00 ..< 1000.00
            kinds.append(bytes: kindBytes[Int(random.next() % UInt64(kindBytes.count))])
        }
        return Batch(columns: [
            Vector(type: .bigint, count: n, storage: .int64(ids)),
            Vector(type: .bigint, count: n, storage: .int64(users)),
            Vector(type: .double, count: n, storage: .float64(amounts)),
            Vector(type: .string, count: n, storage: .bytes(kinds)),
        ], count: n)
    }
}

/// A small, seedable generator (SplitMix64) so that the lake is the same on every machine.
struct SplitMix64: Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A proleptic Gregorian day, from days since 1970-01-01 (Howard Hinnant's civil_from_days), as `YYYY-MM-DD`.
struct CivilDay: Sendable {
    var year: Int, month: Int, day: Int

    init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    var text: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
