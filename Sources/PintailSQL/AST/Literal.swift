/// A quoted string as written: `'it''s'`.
///
/// `raw` is the text between the quotes exactly as typed; `value` applies SQL's `''` escape. Hive DDL clauses such as
/// `FIELDS TERMINATED BY '\t'` want backslash escapes instead: use `hiveValue`.
public struct StringLiteral: Sendable, Hashable {
    /// Text between the quotes, unchanged.
    public var raw: String
    /// The SQL value: `''` becomes `'`.
    public var value: String
    /// Where the opening quote is.
    public var location: SourceLocation

    public init(raw: String, location: SourceLocation = .start) {
        self.raw = raw
        self.value = raw.replacingDoubledQuotes()
        self.location = location
    }

    /// Builds a literal whose value is `value`, escaping quotes as SQL requires.
    public init(value: String, location: SourceLocation = .start) {
        self.raw = value.doublingQuotes()
        self.value = value
        self.location = location
    }

    /// The value with Hive's backslash escapes applied (`\t`, `\n`, `\r`, `\0`, `\\`, `\'`, `\"`, octal `\001`,
    /// `\uXXXX`); unknown escapes keep the character after the backslash, as Hive does.
    public var hiveValue: String { HiveEscapes.unescape(value) }
}

/// A unit of an `INTERVAL` literal or an `EXTRACT` field.
public enum IntervalField: String, Sendable, Hashable, CaseIterable {
    case year, month, day, hour, minute, second
}

/// `INTERVAL [+|-] 'value' start [TO end]`, e.g. `INTERVAL '1' DAY` or `INTERVAL '1-2' YEAR TO MONTH`.
public struct IntervalLiteral: Sendable, Hashable {
    /// The quoted value.
    public var value: StringLiteral
    /// True for `INTERVAL - '1' DAY`.
    public var negative: Bool
    /// The leading unit.
    public var start: IntervalField
    /// The trailing unit of `... TO end`, if any.
    public var end: IntervalField?

    public init(value: StringLiteral, negative: Bool = false, start: IntervalField, end: IntervalField? = nil) {
        self.value = value
        self.negative = negative
        self.start = start
        self.end = end
    }
}

/// A constant written in the query.
public enum Literal: Sendable, Hashable {
    /// `NULL`.
    case null
    /// `TRUE` or `FALSE`.
    case boolean(Bool)
    /// An integer such as `42`, kept as text (digits only); Trino types it INTEGER or BIGINT by magnitude.
    case integer(String)
    /// A number with a point and no exponent such as `1.5`; Trino types it DECIMAL.
    case decimal(String)
    /// A number with an exponent such as `1e3` or `2.5E-1`; Trino types it DOUBLE.
    case double(String)
    /// A quoted string.
    case string(StringLiteral)
    /// `X'0A1B'`: the hex digits as written.
    case binary(String)
    /// A type name before a string, e.g. `DATE '2020-01-01'`, `TIMESTAMP '...'`, `TIME '...'`, `DECIMAL '1.5'`.
    case typed(type: String, value: StringLiteral)
    /// `INTERVAL '1' DAY`.
    case interval(IntervalLiteral)
}

extension String {
    /// `''` -> `'`.
    func replacingDoubledQuotes() -> String {
        guard contains("''") else { return self }
        var out = ""
        var previousWasQuote = false
        for ch in self {
            if ch == "'" && previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = ch == "'"
            out.append(ch)
        }
        return out
    }

    /// `'` -> `''`.
    func doublingQuotes() -> String {
        contains("'") ? replacingOccurrences(of: "'", with: "''") : self
    }

    /// Simple substring replacement without Foundation.
    func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
