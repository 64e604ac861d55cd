import PintailCore

/// Generated reviews in column form: strings as byte columns, numbers as Int32 arrays.
struct ReviewBatch {
    var customerId = ByteColumn()
    var reviewId = ByteColumn()
    var productId = ByteColumn()
    var productParent = ByteColumn()
    var productTitle = ByteColumn()
    var vine = ByteColumn()
    var verifiedPurchase = ByteColumn()
    var reviewHeadline = ByteColumn()
    var reviewBody = ByteColumn()
    var starRating: [Int32] = []
    var helpfulVotes: [Int32] = []
    var totalVotes: [Int32] = []
    var year: [Int32] = []
    /// Days since 1970-01-01.
    var reviewDate: [Int32] = []

    var count: Int { starRating.count }

    /// The TSV header, as the public dataset has it.
    static let tsvHeader = "marketplace\tcustomer_id\treview_id\tproduct_id\tproduct_parent\tproduct_title\t"
        + "product_category\tstar_rating\thelpful_votes\ttotal_votes\tvine\tverified_purchase\treview_headline\t"
        + "review_body\treview_date\n"

    /// The columns of the Parquet files (the book's CTAS output without the partition column).
    static let parquetColumns: [(String, DataType)] = [
        ("marketplace", .string), ("customer_id", .string), ("review_id", .string), ("product_id", .string),
        ("product_parent", .string), ("product_title", .string), ("star_rating", .integer),
        ("helpful_votes", .integer), ("total_votes", .integer), ("vine", .string), ("verified_purchase", .string),
        ("review_headline", .string), ("review_body", .string), ("year", .integer), ("review_date", .date),
    ]

    /// The rows as a Pintail batch with `parquetColumns`.
    func parquetBatch() -> Batch {
        func text(_ column: ByteColumn) -> Vector { Vector(type: .string, count: count, storage: .bytes(column)) }
        func int(_ values: [Int32], _ type: DataType = .integer) -> Vector {
            Vector(type: type, count: count, storage: .int32(values))
        }
        let marketplace = Vector(value: .string("US"), type: .string, count: count)
        return Batch(columns: [
            marketplace, text(customerId), text(reviewId), text(productId), text(productParent), text(productTitle),
            int(starRating), int(helpfulVotes), int(totalVotes), text(vine), text(verifiedPurchase),
            text(reviewHeadline), text(reviewBody), int(year), int(reviewDate, .date),
        ], count: count)
    }

    /// Appends the rows as TSV lines (no quoting: generated text has no tabs or newlines).
    func appendTSV(category: [UInt8], to out: inout [UInt8]) {
        func field(_ column: ByteColumn, _ i: Int) {
            out.append(contentsOf: column.bytes[Int(column.offsets[i])..<Int(column.offsets[i + 1])])
            out.append(0x09)
        }
        for i in 0..<count {
            out.append(contentsOf: [0x55, 0x53, 0x09])  // "US\t"
            field(customerId, i)
            field(reviewId, i)
            field(productId, i)
            field(productParent, i)
            field(productTitle, i)
            out.append(contentsOf: category)
            out.append(0x09)
            out.appendDecimal(Int(starRating[i]))
            out.append(0x09)
            out.appendDecimal(Int(helpfulVotes[i]))
            out.append(0x09)
            out.appendDecimal(Int(totalVotes[i]))
            out.append(0x09)
            field(vine, i)
            field(verifiedPurchase, i)
            field(reviewHeadline, i)
            field(reviewBody, i)
            CivilDate.appendISO(days: Int(reviewDate[i]), to: &out)
            out.append(0x0A)
        }
    }
}
