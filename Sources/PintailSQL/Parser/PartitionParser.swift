/// MSCK REPAIR TABLE and ALTER TABLE ... ADD / DROP PARTITION.
extension Parser {
    /// Grammar: repair-table
    mutating func repairTable() throws(SQLSyntaxError) -> StatementKind {
        try expect("msck")
        try expect("repair")
        try expect("table")
        return .repairTable(try qualifiedName())
    }

    /// Grammar: alter-table-partitions
    mutating func alterTablePartitions() throws(SQLSyntaxError) -> StatementKind {
        try expect("alter")
        try expect("table")
        let table = try qualifiedName()
        if accept("add") {
            let ifNotExists = try ifNotExistsClause()
            var partitions: [PartitionSpec] = []
            repeat { partitions.append(try partitionSpec(allowLocation: true)) } while at("partition")
            return .addPartitions(AddPartitions(table: table, ifNotExists: ifNotExists, partitions: partitions))
        }
        try expect("drop")
        let ifExists = try ifExistsClause()
        let partitions = try commaList { (p: inout Parser) throws(SQLSyntaxError) in
            try p.partitionSpec(allowLocation: false)
        }
        return .dropPartitions(DropPartitions(table: table, ifExists: ifExists, partitions: partitions))
    }

    /// Grammar: partition-spec
    mutating func partitionSpec(allowLocation: Bool) throws(SQLSyntaxError) -> PartitionSpec {
        let start = try expect("partition").start
        let values = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in
            let key = try p.identifier()
            try p.expectSymbol("=")
            return PartitionValue(key: key, value: try p.partitionValue())
        }
        var spec = PartitionSpec(values: values, location: start)
        if allowLocation, accept("location") { spec.storageLocation = try stringLiteral() }
        return spec
    }

    /// A literal: string, number (optionally signed), boolean, or typed literal like `DATE '2020-01-01'`.
    /// Grammar: partition-value
    mutating func partitionValue() throws(SQLSyntaxError) -> Expression {
        let value = try unaryExpression()
        if case .literal = value.kind { return value }
        if case .unary(_, let operand) = value.kind, case .literal = operand.kind { return value }
        throw SQLSyntaxError(message: "partition value must be a literal", at: value.location)
    }
}
