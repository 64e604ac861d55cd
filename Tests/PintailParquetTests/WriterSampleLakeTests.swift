import Foundation
import Testing

/// The committed sample lake (Datasets/amazon-reviews, made by pintail-datagen): DuckDB reads both layouts and
/// finds the same rows per category, every category present, with the schema of the book's CTAS.
@Suite struct WriterSampleLakeTests {
    @Test func duckdbReadsBothLayoutsWithTheSameCounts() throws {
        let lake = WriterTestSupport.repoRoot.appendingPathComponent("Datasets/amazon-reviews").path
        let result = try #require(try WriterTestSupport.pythonJSON("count_lake.py", [lake]) as? [String: Any])
        let tsv = try #require(result["tsv"] as? [String: Int])
        let parquet = try #require(result["parquet"] as? [String: Int])
        #expect(tsv.count == 43)
        #expect(tsv == parquet)
        let total = tsv.values.reduce(0, +)
        #expect(total == 5000)
        #expect(tsv.values.allSatisfy { $0 >= 1 })
        #expect((tsv["Digital_Ebook_Purchase"] ?? 0) > (tsv["Books"] ?? 0))
        #expect((tsv["Books"] ?? 0) > (tsv["Wireless"] ?? 0) / 2)
        let schema = try #require(result["parquet_schema"] as? [String: String])
        #expect(schema["star_rating"] == "INTEGER")
        #expect(schema["review_date"] == "DATE")
        #expect(schema["year"] == "INTEGER")
        #expect(schema["review_body"] == "VARCHAR")
        #expect(schema["product_category"] == nil)
        #expect(schema.count == 15)
    }
}
