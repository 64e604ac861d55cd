import Foundation
@testable import PintailCatalog

/// Runs `body` with a fresh folder that is removed afterwards.
func withTemporaryFolder<Result>(_ body: (String) throws -> Result) throws -> Result {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("pintail-catalog-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
}

/// Runs `body` with a new catalog in a temporary folder.
func withCatalog<Result>(_ body: (Catalog) throws -> Result) throws -> Result {
    try withTemporaryFolder { folder in try body(try Catalog.open(path: folder + "/catalog.db")) }
}

/// The book's TSV table (`dsoaws.amazon_reviews_tsv`), cut to a few columns.
func reviewsTSV(database: String = "dsoaws", name: String = "amazon_reviews_tsv") -> CatalogTable {
    CatalogTable(
        database: database, name: name, kind: .external, location: "/lake/amazon-reviews-pds/tsv",
        format: .textFile, inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
        outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
        serdeLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
        serdeProperties: ["field.delim": "\t", "line.delim": "\n"],
        properties: ["compressionType": "gzip", "skip.header.line.count": "1"],
        columns: [
            CatalogColumn(name: "marketplace", type: "string"),
            CatalogColumn(name: "Star_Rating", type: "int", comment: "1 to 5"),
            CatalogColumn(name: "price", type: "decimal(10,2)"),
            CatalogColumn(name: "tags", type: "array<string>"),
        ],
        comment: "Amazon customer reviews")
}

/// A Parquet table partitioned by `product_category`, as the book's CTAS creates it.
func reviewsParquet(database: String = "dsoaws", keys: [String] = ["product_category"]) -> CatalogTable {
    CatalogTable(
        database: database, name: "amazon_reviews_parquet", kind: .managed,
        location: "/lake/amazon-reviews-pds/parquet", format: .parquet,
        columns: [CatalogColumn(name: "review_id", type: "string"), CatalogColumn(name: "star_rating", type: "int")],
        partitionKeys: keys.map { CatalogColumn(name: $0, type: "string") })
}

/// Partitions `category=c0` ... for a one-key table.
func categoryPartitions(_ count: Int, root: String = "/lake/amazon-reviews-pds/parquet") -> [CatalogPartition] {
    (0..<count).map { index in
        CatalogPartition(values: ["c\(index)"], location: "\(root)/product_category=c\(index)")
    }
}
