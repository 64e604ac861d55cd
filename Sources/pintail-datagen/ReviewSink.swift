/// The text columns of a review, in the order the generator writes them (TSV order).
enum ReviewTextField {
    case customerId, reviewId, productId, productParent, productTitle, reviewHeadline, reviewBody
}

/// Where the generator puts a row's fields, in TSV order: `ReviewBatch` keeps columns (for Parquet, and for both
/// formats), `TSVRowWriter` writes TSV lines straight away (TSV alone: no columns to copy from afterwards).
protocol ReviewSink {
    mutating func beginRow()
    /// The buffer the current row's text field `field` is appended to.
    subscript(field: ReviewTextField) -> GrowableBuffer<UInt8> { get set }
    /// Ends the current row's text field `field`.
    mutating func end(_ field: ReviewTextField)
    /// The numbers and flags, which come between product_title and review_headline.
    mutating func numbers(star: Int, helpfulVotes: Int, totalVotes: Int, vine: Bool, verified: Bool)
    mutating func endRow(year: Int, day: Int)
}

/// TSV lines as the public dataset has them (no quoting: generated text has no tabs or newlines), appended to
/// `line`; the owner empties and deallocates it.
struct TSVRowWriter: ReviewSink {
    var line: GrowableBuffer<UInt8>
    private let category: UnsafeMutablePointer<UInt8>
    private let categoryCount: Int
    private let dates = CivilDate.ISOTable()

    init(category name: String, capacity: Int = 1 << 20) {
        line = GrowableBuffer(capacity: capacity)
        let bytes = Array(name.utf8)
        categoryCount = bytes.count
        category = .allocate(capacity: bytes.count + GrowableBuffer<UInt8>.slack)
        category.initialize(repeating: 0, count: bytes.count + GrowableBuffer<UInt8>.slack)
        category.update(from: bytes, count: bytes.count)
    }

    func deallocate() {
        line.deallocate()
        category.deallocate()
    }

    @inline(__always)
    mutating func beginRow() {
        line.reserve(3)
        line.append(0x55); line.append(0x53); line.append(0x09)  // "US\t"
    }

    @inline(__always)
    subscript(field: ReviewTextField) -> GrowableBuffer<UInt8> {
        get { line }
        set { line = newValue }
    }

    @inline(__always)
    mutating func end(_ field: ReviewTextField) {
        line.append(0x09)
        if field == .productTitle {
            line.appendShort(category, count: categoryCount)
            line.append(0x09)
        }
    }

    @inline(__always)
    mutating func numbers(star: Int, helpfulVotes: Int, totalVotes: Int, vine: Bool, verified: Bool) {
        line.append(UInt8(truncatingIfNeeded: 0x30 &+ star)); line.append(0x09)  // 1 to 5
        line.appendDecimal(helpfulVotes); line.append(0x09)
        line.appendDecimal(totalVotes); line.append(0x09)
        line.append(vine ? 0x59 : 0x4E); line.append(0x09)
        line.append(verified ? 0x59 : 0x4E); line.append(0x09)
    }

    @inline(__always)
    mutating func endRow(year: Int, day: Int) {
        dates.append(days: day, to: &line)
        line.append(0x0A)
    }
}
