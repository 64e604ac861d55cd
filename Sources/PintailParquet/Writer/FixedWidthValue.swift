import PintailCore

/// The Swift types of Parquet's fixed-width physical types (INT32, INT64, FLOAT, DOUBLE).
protocol FixedWidthValue: Comparable, BitwiseCopyable {
    var bitPattern64: UInt64 { get }
    init(bitPattern64: UInt64)
    /// NaN is left out of statistics.
    var isNaNValue: Bool { get }
    /// Statistics use -0.0 as a minimum zero and +0.0 as a maximum zero.
    var asMinimum: Self { get }
    var asMaximum: Self { get }
    /// The storage of `vector` as this type: viewed in place when the kinds match, converted otherwise.
    static func withValues<R>(of vector: Vector, column: String, _ body: (UnsafeBufferPointer<Self>) throws -> R) throws -> R
    /// Appends `rows` of `vector` to `values`. Each conformance implements it (as `values.append(vector, rows)`) so
    /// that the loop is compiled for the concrete type: methods of the generic writer class are not specialized.
    static func append(_ vector: Vector, _ rows: Range<Int>, column: String, to values: inout FixedWidthChunkValues<Self>) throws
}

extension FixedWidthValue {
    static func mismatch(_ vector: Vector, _ column: String) -> ParquetWriteError {
        .schemaMismatch("column '\(column)' expects \(Self.self) values but got a \(vector.type) vector")
    }
}

extension Int32: FixedWidthValue {
    static func append(_ vector: Vector, _ rows: Range<Int>, column: String, to values: inout FixedWidthChunkValues<Int32>) throws {
        try withValues(of: vector, column: column) { try values.append($0, rows, vector.validity, column: column) }
    }

    var bitPattern64: UInt64 { UInt64(UInt32(bitPattern: self)) }
    init(bitPattern64: UInt64) { self.init(bitPattern: UInt32(truncatingIfNeeded: bitPattern64)) }
    var isNaNValue: Bool { false }
    var asMinimum: Int32 { self }
    var asMaximum: Int32 { self }

    static func withValues<R>(of vector: Vector, column: String, _ body: (UnsafeBufferPointer<Int32>) throws -> R) throws -> R {
        switch vector.storage {
        case .int32(let a): return try a.withUnsafeBufferPointer(body)
        case .int8(let a): return try a.map { Int32($0) }.withUnsafeBufferPointer(body)
        case .int16(let a): return try a.map { Int32($0) }.withUnsafeBufferPointer(body)
        case .int64(let a):
            // Decimals of precision <= 9 arrive as Int64 and are stored as INT32.
            var narrowed = [Int32]()
            narrowed.reserveCapacity(a.count)
            for v in a {
                guard let n = Int32(exactly: v) else {
                    throw ParquetWriteError.schemaMismatch("column '\(column)': value \(v) does not fit INT32")
                }
                narrowed.append(n)
            }
            return try narrowed.withUnsafeBufferPointer(body)
        default: throw mismatch(vector, column)
        }
    }
}

extension Int64: FixedWidthValue {
    static func append(_ vector: Vector, _ rows: Range<Int>, column: String, to values: inout FixedWidthChunkValues<Int64>) throws {
        try withValues(of: vector, column: column) { try values.append($0, rows, vector.validity, column: column) }
    }

    var bitPattern64: UInt64 { UInt64(bitPattern: self) }
    init(bitPattern64: UInt64) { self.init(bitPattern: bitPattern64) }
    var isNaNValue: Bool { false }
    var asMinimum: Int64 { self }
    var asMaximum: Int64 { self }

    static func withValues<R>(of vector: Vector, column: String, _ body: (UnsafeBufferPointer<Int64>) throws -> R) throws -> R {
        switch vector.storage {
        case .int64(let a): return try a.withUnsafeBufferPointer(body)
        case .int32(let a): return try a.map { Int64($0) }.withUnsafeBufferPointer(body)
        default: throw mismatch(vector, column)
        }
    }
}

extension Float: FixedWidthValue {
    static func append(_ vector: Vector, _ rows: Range<Int>, column: String, to values: inout FixedWidthChunkValues<Float>) throws {
        try withValues(of: vector, column: column) { try values.append($0, rows, vector.validity, column: column) }
    }

    var bitPattern64: UInt64 { UInt64(bitPattern) }
    init(bitPattern64: UInt64) { self.init(bitPattern: UInt32(truncatingIfNeeded: bitPattern64)) }
    var isNaNValue: Bool { isNaN }
    var asMinimum: Float { self == 0 ? -0.0 : self }
    var asMaximum: Float { self == 0 ? 0.0 : self }

    static func withValues<R>(of vector: Vector, column: String, _ body: (UnsafeBufferPointer<Float>) throws -> R) throws -> R {
        switch vector.storage {
        case .float32(let a): return try a.withUnsafeBufferPointer(body)
        case .float64(let a): return try a.map { Float($0) }.withUnsafeBufferPointer(body)
        default: throw mismatch(vector, column)
        }
    }
}

extension Double: FixedWidthValue {
    static func append(_ vector: Vector, _ rows: Range<Int>, column: String, to values: inout FixedWidthChunkValues<Double>) throws {
        try withValues(of: vector, column: column) { try values.append($0, rows, vector.validity, column: column) }
    }

    var bitPattern64: UInt64 { bitPattern }
    init(bitPattern64: UInt64) { self.init(bitPattern: bitPattern64) }
    var isNaNValue: Bool { isNaN }
    var asMinimum: Double { self == 0 ? -0.0 : self }
    var asMaximum: Double { self == 0 ? 0.0 : self }

    static func withValues<R>(of vector: Vector, column: String, _ body: (UnsafeBufferPointer<Double>) throws -> R) throws -> R {
        switch vector.storage {
        case .float64(let a): return try a.withUnsafeBufferPointer(body)
        case .float32(let a): return try a.map { Double($0) }.withUnsafeBufferPointer(body)
        default: throw mismatch(vector, column)
        }
    }
}
