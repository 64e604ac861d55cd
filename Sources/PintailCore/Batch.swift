/// The unit of work between operators: equal-length vectors, a few thousand rows.
public struct Batch: Sendable {
    public var columns: [Vector]
    public var count: Int

    /// Rows per batch that scans aim for.
    public static let preferredSize = 4096

    public init(columns: [Vector], count: Int) {
        self.columns = columns
        self.count = count
    }

    /// The rows at `selection`, sliced without copying values.
    public func sliced(_ selection: [Int32]) -> Batch {
        Batch(columns: columns.map { $0.sliced(selection) }, count: selection.count)
    }

    /// Rows `range` of the batch.
    public func rows(_ range: Range<Int>) -> Batch {
        if range.lowerBound == 0 && range.count == count { return self }
        return sliced(range.map { Int32($0) })
    }
}
