import PintailCore

/// Strings of one column back to back, with end offsets (offsets[0] == 0), in raw growable buffers.
struct TextColumn: @unchecked Sendable {
    var bytes = GrowableBuffer<UInt8>(capacity: 1 << 16)
    var offsets = GrowableBuffer<Int32>(capacity: 4097)

    init() { offsets.append(0) }

    /// Ends the current value (whatever was appended to `bytes` since the last call).
    @inline(__always)
    mutating func endValue() { offsets.append(Int32(truncatingIfNeeded: bytes.count)) }

    mutating func removeAll() {
        bytes.removeAll()
        offsets.removeAll()
        offsets.append(0)
    }

    func deallocate() {
        bytes.deallocate()
        offsets.deallocate()
    }

    /// Appends value `i`'s bytes to `out`.
    @inline(__always)
    func copy(_ i: Int, to out: inout GrowableBuffer<UInt8>) {
        let start = Int(offsets[i])
        out.appendShort(bytes.base + start, count: Int(offsets[i + 1]) - start)
    }

    var byteColumn: ByteColumn { ByteColumn(offsets: offsets.toArray(), bytes: bytes.toArray()) }
}

/// Generated reviews in column form, reused batch after batch: strings as text columns, numbers as Int32 buffers.
/// The owner calls `deallocate()` once at the end.
struct ReviewBatch: ReviewSink, @unchecked Sendable {
    var customerId = TextColumn()
    var reviewId = TextColumn()
    var productId = TextColumn()
    var productParent = TextColumn()
    var productTitle = TextColumn()
    var reviewHeadline = TextColumn()
    var reviewBody = TextColumn()
    /// "Y"/"N" flags as single bytes.
    var vine = GrowableBuffer<UInt8>(capacity: 4096)
    var verifiedPurchase = GrowableBuffer<UInt8>(capacity: 4096)
    var starRating = GrowableBuffer<Int32>(capacity: 4096)
    var helpfulVotes = GrowableBuffer<Int32>(capacity: 4096)
    var totalVotes = GrowableBuffer<Int32>(capacity: 4096)
    var year = GrowableBuffer<Int32>(capacity: 4096)
    /// Days since 1970-01-01.
    var reviewDate = GrowableBuffer<Int32>(capacity: 4096)

    var count: Int { starRating.count }

    private var texts: [TextColumn] {
        [customerId, reviewId, productId, productParent, productTitle, reviewHeadline, reviewBody]
    }

    mutating func removeAll() {
        customerId.removeAll(); reviewId.removeAll(); productId.removeAll(); productParent.removeAll()
        productTitle.removeAll(); reviewHeadline.removeAll(); reviewBody.removeAll()
        vine.removeAll(); verifiedPurchase.removeAll(); starRating.removeAll(); helpfulVotes.removeAll()
        totalVotes.removeAll(); year.removeAll(); reviewDate.removeAll()
    }

    func deallocate() {
        for text in texts { text.deallocate() }
        for flags in [vine, verifiedPurchase] { flags.deallocate() }
        for ints in [starRating, helpfulVotes, totalVotes, year, reviewDate] { ints.deallocate() }
    }

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

    /// Columns whose values are (nearly) all distinct, written PLAIN: a dictionary would be built for nothing.
    static let plainParquetColumns: Set<String> = ["review_id", "review_body"]

    /// The rows as a Pintail batch with `parquetColumns` (one copy of each column into arrays).
    func parquetBatch() -> Batch {
        let n = count
        func text(_ column: TextColumn) -> Vector { Vector(type: .string, count: n, storage: .bytes(column.byteColumn)) }
        func flags(_ column: GrowableBuffer<UInt8>) -> Vector {
            // One byte per value: offsets are 0, 1, 2, ...
            let offsets = [Int32](unsafeUninitializedCapacity: n + 1) { buffer, initialized in
                for i in 0...n { buffer[i] = Int32(i) }
                initialized = n + 1
            }
            return Vector(type: .string, count: n, storage: .bytes(ByteColumn(offsets: offsets, bytes: column.toArray())))
        }
        func int(_ values: GrowableBuffer<Int32>, _ type: DataType = .integer) -> Vector {
            Vector(type: type, count: n, storage: .int32(values.toArray()))
        }
        let marketplace = Vector(value: .string("US"), type: .string, count: n)
        return Batch(columns: [
            marketplace, text(customerId), text(reviewId), text(productId), text(productParent), text(productTitle),
            int(starRating), int(helpfulVotes), int(totalVotes), flags(vine), flags(verifiedPurchase),
            text(reviewHeadline), text(reviewBody), int(year), int(reviewDate, .date),
        ], count: n)
    }

    /// Appends the rows as TSV lines to `tsv`.
    func appendTSV(to tsv: inout TSVRowWriter) {
        for i in 0..<count {
            tsv.beginRow()
            customerId.copy(i, to: &tsv.line); tsv.end(.customerId)
            reviewId.copy(i, to: &tsv.line); tsv.end(.reviewId)
            productId.copy(i, to: &tsv.line); tsv.end(.productId)
            productParent.copy(i, to: &tsv.line); tsv.end(.productParent)
            productTitle.copy(i, to: &tsv.line); tsv.end(.productTitle)
            tsv.numbers(star: Int(starRating[i]), helpfulVotes: Int(helpfulVotes[i]), totalVotes: Int(totalVotes[i]),
                        vine: vine[i] == 0x59, verified: verifiedPurchase[i] == 0x59)
            reviewHeadline.copy(i, to: &tsv.line); tsv.end(.reviewHeadline)
            reviewBody.copy(i, to: &tsv.line); tsv.end(.reviewBody)
            tsv.endRow(year: Int(year[i]), day: Int(reviewDate[i]))
        }
    }

    // ReviewSink: the generator's fields go to their columns.

    mutating func beginRow() {}

    @inline(__always)
    subscript(field: ReviewTextField) -> GrowableBuffer<UInt8> {
        get {
            switch field {
            case .customerId: customerId.bytes
            case .reviewId: reviewId.bytes
            case .productId: productId.bytes
            case .productParent: productParent.bytes
            case .productTitle: productTitle.bytes
            case .reviewHeadline: reviewHeadline.bytes
            case .reviewBody: reviewBody.bytes
            }
        }
        set {
            switch field {
            case .customerId: customerId.bytes = newValue
            case .reviewId: reviewId.bytes = newValue
            case .productId: productId.bytes = newValue
            case .productParent: productParent.bytes = newValue
            case .productTitle: productTitle.bytes = newValue
            case .reviewHeadline: reviewHeadline.bytes = newValue
            case .reviewBody: reviewBody.bytes = newValue
            }
        }
    }

    @inline(__always)
    mutating func end(_ field: ReviewTextField) {
        switch field {
        case .customerId: customerId.endValue()
        case .reviewId: reviewId.endValue()
        case .productId: productId.endValue()
        case .productParent: productParent.endValue()
        case .productTitle: productTitle.endValue()
        case .reviewHeadline: reviewHeadline.endValue()
        case .reviewBody: reviewBody.endValue()
        }
    }

    @inline(__always)
    mutating func numbers(star: Int, helpfulVotes: Int, totalVotes: Int, vine: Bool, verified: Bool) {
        starRating.append(Int32(star))
        self.helpfulVotes.append(Int32(helpfulVotes))
        self.totalVotes.append(Int32(totalVotes))
        self.vine.append(vine ? 0x59 : 0x4E)
        verifiedPurchase.append(verified ? 0x59 : 0x4E)
    }

    @inline(__always)
    mutating func endRow(year: Int, day: Int) {
        self.year.append(Int32(year))
        reviewDate.append(Int32(day))
    }
}
