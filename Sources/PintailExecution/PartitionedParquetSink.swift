import PintailCodecs
import PintailCore
import PintailParquet

/// Writes query results as a Hive-partitioned Parquet table under a staging folder: one file per partition
/// (`key=value/.../part-00000-<query id>.parquet`), partition columns taken out of the files as Hive lays them out.
public final class PartitionedParquetSink {
    public struct WrittenPartition: Sendable {
        /// Values in partition key order, nil for NULL (Hive's default partition).
        public var values: [String?]
        /// Folder relative to the table root.
        public var relativePath: String
        /// The file's name inside that folder.
        public var fileName: String
        public var rows: Int
        public var bytes: Int
    }

    private let root: String
    private let queryID: String
    private let dataColumns: [ParquetColumn]
    private let dataIndices: [Int]
    private let partitionIndices: [Int]
    private let partitionNames: [String]
    private let options: ParquetWriteOptions
    private var writers: [GroupKey: (ParquetWriter, [String?], String, String)] = [:]
    private var order: [GroupKey] = []
    private var encoder = KeyEncoder()

    /// - Parameters:
    ///   - columns: every output column (name, type); the ones named in `partitionedBy` must come last, in order.
    public init(root: String, queryID: String, columns: [(String, DataType)], partitionedBy: [String], codec: CompressionCodec) throws {
        self.root = root
        self.queryID = queryID
        let names = columns.map(\.0)
        guard Array(names.suffix(partitionedBy.count)) == partitionedBy else {
            throw ExecutionError("Partition columns \(partitionedBy) must be the last columns of the query, in the same order")
        }
        partitionIndices = Array((columns.count - partitionedBy.count)..<columns.count)
        dataIndices = Array(0..<(columns.count - partitionedBy.count))
        guard !dataIndices.isEmpty else { throw ExecutionError("A table needs at least one column that is not a partition column") }
        partitionNames = partitionedBy
        // Sketches are stored as their serialized bytes.
        dataColumns = dataIndices.map { ParquetColumn(name: columns[$0].0, type: columns[$0].1 == .hyperLogLog ? .varbinary : columns[$0].1) }
        options = ParquetWriteOptions(codec: codec)
    }

    public func write(_ batch: Batch) throws {
        guard batch.count > 0 else { return }
        let partitionVectors = partitionIndices.map { batch.columns[$0] }
        var rowsByKey: [GroupKey: [Int32]] = [:]
        var keysInOrder: [GroupKey] = []
        for row in 0..<batch.count {
            let key = encoder.encode(partitionVectors, row: row)
            if rowsByKey[key] == nil {
                keysInOrder.append(key)
                if writers[key] == nil {
                    let values: [String?] = partitionVectors.map { v in
                        let value = v.value(at: row)
                        return value.isNull ? nil : ValueText.text(value, type: v.type)
                    }
                    try openWriter(key, values: values)
                }
            }
            rowsByKey[key, default: []].append(Int32(row))
        }
        let data = Batch(columns: dataIndices.map { i in
            var v = batch.columns[i]
            if v.type == .hyperLogLog { v.type = .varbinary }
            return v
        }, count: batch.count)
        for key in keysInOrder {
            let rows = rowsByKey[key]!
            let slice = rows.count == batch.count ? data : data.sliced(rows)
            do { try writers[key]!.0.write(slice) } catch { throw ExecutionError("Writing Parquet: \(error)") }
        }
    }

    private func openWriter(_ key: GroupKey, values: [String?]) throws {
        let relative = zip(partitionNames, values).map { "\($0)=\(HivePath.escape($1 ?? "__HIVE_DEFAULT_PARTITION__"))" }.joined(separator: "/")
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard FileSystem.makeDirectories(folder) else { throw ExecutionError("Cannot create folder '\(folder)'") }
        let path = folder + "/part-00000-\(queryID).parquet"
        let writer: ParquetWriter
        do { writer = try ParquetWriter(path: path, columns: dataColumns, options: options) } catch {
            throw ExecutionError("Cannot write '\(path)': \(error)")
        }
        writers[key] = (writer, values, relative, path)
        order.append(key)
    }

    /// Closes every file; returns the partitions written, in first-seen order.
    public func finish() throws -> [WrittenPartition] {
        var out: [WrittenPartition] = []
        if order.isEmpty && partitionIndices.isEmpty {
            // An empty unpartitioned result still gets one (empty) file, so the table has a schema on disk.
            try openWriter(GroupKey(bytes: []), values: [])
        }
        for key in order {
            let (writer, values, relative, path) = writers[key]!
            let summary: ParquetWriteSummary
            do { summary = try writer.close() } catch { throw ExecutionError("Writing Parquet: \(error)") }
            let fileName = String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...])
            out.append(WrittenPartition(values: values, relativePath: relative, fileName: fileName,
                                        rows: Int(summary.rows), bytes: Int(summary.bytes)))
        }
        return out
    }
}

/// Hive's escaping of partition values in folder names.
public enum HivePath {
    public static func escape(_ s: String) -> String {
        var out = ""
        for u in s.utf8 {
            let c = Character(Unicode.Scalar(u))
            if u < 0x20 || u >= 0x7F || "\"#%'*/:=?\\{[]^".contains(c) {
                let hex = String(u, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                out.append(c)
            }
        }
        return out
    }

    public static func unescape(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let v = UInt8(String(decoding: b[i + 1...i + 2], as: UTF8.self), radix: 16) {
                out.append(v)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
