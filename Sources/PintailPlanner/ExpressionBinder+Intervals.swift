import PintailCore
import PintailSQL

/// `date ± INTERVAL 'n' unit`: Trino's interval arithmetic on dates and timestamps, bound as `date_add(unit, ±n, x)`.
/// Intervals exist only as operands of + and -; Pintail has no interval type for values.
extension ExpressionBinder {
    /// The interval literal `e` is, if it is one.
    static func intervalLiteral(_ e: Expression) -> IntervalLiteral? {
        if case .literal(.interval(let i)) = e.kind { return i }
        return nil
    }

    /// `x + interval`, `interval + x` or `x - interval`.
    mutating func bindIntervalArithmetic(_ op: BinaryOperator, _ l: Expression, _ r: Expression,
                                         at location: SourceLocation) throws -> BoundExpr? {
        let operand: Expression, interval: IntervalLiteral
        if let i = Self.intervalLiteral(r), op == .add || op == .subtract {
            operand = l; interval = i
        } else if let i = Self.intervalLiteral(l), op == .add {
            operand = r; interval = i
        } else {
            if Self.intervalLiteral(l) != nil || Self.intervalLiteral(r) != nil {
                throw SemanticError("INTERVAL values can only be added to or subtracted from a date or timestamp", at: location)
            }
            return nil
        }
        var x = try bind(operand)
        if case .literal(.string, _) = x { x = coerce(x, to: .date) }
        switch x.type {
        case .date, .timestamp: break
        default: throw SemanticError("Cannot apply operator: \(x.type) \(op.rawValue) interval", at: location)
        }
        let (unit, amount) = try Self.intervalAmount(interval)
        // Adding hours or smaller to a date would need a timestamp result; Trino refuses it too.
        if x.type == .date, !["year", "month", "day"].contains(unit) {
            throw SemanticError("Cannot add an interval of \(unit)s to a date", at: location)
        }
        let n = op == .subtract ? -amount : amount
        return .call("date_add", [.literal(.string(unit), .string), .literal(.int(n), .bigint), x], x.type)
    }

    /// The unit and signed count of an interval literal: `'1-2' YEAR TO MONTH` is 14 months.
    static func intervalAmount(_ i: IntervalLiteral) throws -> (unit: String, amount: Int64) {
        var text = Substring(i.value.value).drop(while: { $0 == " " })
        while text.last == " " { text = text.dropLast() }
        var sign: Int64 = i.negative ? -1 : 1
        if text.hasPrefix("-") { sign = -sign; text = text.dropFirst() } else if text.hasPrefix("+") { text = text.dropFirst() }
        let bad = SemanticError("Invalid INTERVAL value '\(i.value.value)' for \(i.start.rawValue.uppercased())"
                                    + (i.end.map { " TO \($0.rawValue.uppercased())" } ?? ""), at: i.value.location)
        switch (i.start, i.end) {
        case (let unit, nil):
            guard let n = Int64(text), n <= 1_000_000_000 else { throw bad }
            return (unit.rawValue, sign * n)
        case (.year, .month?):
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let y = Int64(parts[0]), let m = Int64(parts[1]), m < 12, y <= 100_000_000 else { throw bad }
            return ("month", sign * (y * 12 + m))
        case (let start, let end?):
            throw SemanticError("INTERVAL \(start.rawValue.uppercased()) TO \(end.rawValue.uppercased()) is not supported yet",
                                at: i.value.location)
        }
    }
}
