import Foundation
import PintailCatalog
import PintailCodecs
import PintailParquet

/// What the crawler learns from one data file: how to read it and its columns.
struct InferredSchema: Equatable, Sendable {
    var format: StorageFormat
    var columns: [CatalogColumn]
    /// Text files only: the detected field delimiter (tab or comma).
    var delimiter: String?
    /// Parquet columns left out because the reader cannot read their type.
    var skippedColumns: [String] = []

    /// Glue's `classification` table property.
    var classification: String {
        if format == .parquet { return "parquet" }
        return delimiter == "\t" ? "tsv" : "csv"
    }
}

/// A data file the crawler could not read, with the reason, for the run log.
struct SchemaInferenceError: Error, CustomStringConvertible {
    var file: String
    var reason: String
    var description: String { "\(file): \(reason)" }
}

/// Reads a schema from one file: a Parquet footer (types mapped as Parquet tables read them), or the header line of
/// a plain or gzip delimited text file (every column `string`: the crawler does not guess text types).
enum SchemaInference {
    /// The first bytes read from a text file when looking for its header line.
    static let headerLimit = 1 << 20

    static func infer(file path: String) throws(SchemaInferenceError) -> InferredSchema {
        let head = try readPrefix(path, count: 4)
        if head == Array("PAR1".utf8) { return try parquet(path) }
        let gzipMagic = head.count >= 2 && head[0] == 0x1f && head[1] == 0x8b
        let gzipName = path.hasSuffix(".gz") || path.hasSuffix(".gzip")
        if gzipMagic != gzipName {
            throw SchemaInferenceError(file: path, reason: gzipMagic
                ? "gzip data in a file not named .gz (the engine decides compression by extension)"
                : "named .gz but not gzip data")
        }
        return try text(path, header: try headerLine(path, gzip: gzipMagic))
    }

    private static func parquet(_ path: String) throws(SchemaInferenceError) -> InferredSchema {
        let file: ParquetFile
        do { file = try ParquetFile.open(path: path) } catch {
            throw SchemaInferenceError(file: path, reason: "not a readable Parquet file (\(error))")
        }
        var columns: [CatalogColumn] = []
        var skipped: [String] = []
        for field in file.schema.fields {
            if field.unsupportedReason != nil { skipped.append(field.name); continue }
            columns.append(CatalogColumn(name: field.name.lowercased(), type: HiveTypeText.text(field.type)))
        }
        guard !columns.isEmpty else { throw SchemaInferenceError(file: path, reason: "no readable columns") }
        return InferredSchema(format: .parquet, columns: columns, delimiter: nil, skippedColumns: skipped)
    }

    private static func text(_ path: String, header: String) throws(SchemaInferenceError) -> InferredSchema {
        let tabs = header.utf8.count { $0 == 0x09 }
        let commas = header.utf8.count { $0 == 0x2c }
        let delimiter: Character = tabs == 0 && commas > 0 ? "," : "\t"
        var seen = Set<String>()
        var columns: [CatalogColumn] = []
        for (i, raw) in header.split(separator: delimiter, omittingEmptySubsequences: false).enumerated() {
            var name = columnName(String(raw))
            if name.isEmpty { name = "col\(i)" }
            // Duplicate header names get the column number, so every column stays addressable.
            if !seen.insert(name).inserted { name += "_\(i)"; seen.insert(name) }
            columns.append(CatalogColumn(name: name, type: "string"))
        }
        return InferredSchema(format: .textFile, columns: columns, delimiter: String(delimiter))
    }

    /// Lower case, quotes and blanks trimmed, anything outside [a-z0-9_] made `_` (the crawler's naming rule).
    static func columnName(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \"'\r"))
        return String(trimmed.lowercased().unicodeScalars.map { s -> Character in
            (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "_" ? Character(s) : "_"
        })
    }

    private static func readPrefix(_ path: String, count: Int) throws(SchemaInferenceError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SchemaInferenceError(file: path, reason: "cannot be opened")
        }
        defer { try? handle.close() }
        do { return [UInt8](try handle.read(upToCount: count) ?? Data()) } catch {
            throw SchemaInferenceError(file: path, reason: "cannot be read (\(error))")
        }
    }

    /// The first line, decompressing only as much as needed.
    private static func headerLine(_ path: String, gzip: Bool) throws(SchemaInferenceError) -> String {
        let prefix = try readPrefix(path, count: headerLimit)
        var bytes: [UInt8] = []
        if gzip {
            struct Enough: Error {}
            do {
                let decoder = try GzipStreamDecoder()
                try decoder.decode(prefix) { piece in
                    bytes.append(contentsOf: piece)
                    if piece.contains(0x0a) || bytes.count >= headerLimit { throw Enough() }
                }
                if prefix.count < headerLimit { try decoder.finish() }
            } catch is Enough {
            } catch {
                throw SchemaInferenceError(file: path, reason: "corrupt gzip data (\(error))")
            }
        } else {
            bytes = prefix
        }
        guard let end = bytes.firstIndex(of: 0x0a) ?? (bytes.isEmpty ? nil : bytes.endIndex),
              end < headerLimit else {
            throw SchemaInferenceError(file: path, reason: bytes.isEmpty ? "empty file" : "no header line in the first MiB")
        }
        guard let line = String(validating: bytes[..<end], as: UTF8.self), !line.isEmpty else {
            throw SchemaInferenceError(file: path, reason: "the header line is empty or not UTF-8")
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}
