import Testing
@testable import PintailSQL

/// Shapes of parsed trees (positions are checked where they matter to the binder).
@Suite struct ParserTests {
    func select(_ sql: String) throws -> QuerySpecification {
        guard case .query(let query) = try parseStatement(sql).kind, case .select(let spec) = query.body else {
            throw SQLSyntaxError(message: "not a SELECT", at: .start)
        }
        return spec
    }

    func expression(_ sql: String) throws -> ExpressionKind { try parseExpression(sql).kind }

    func name(_ text: String) -> Expression { Expression(.identifier(Identifier(text))) }
    func int(_ text: String) -> Expression { Expression(.literal(.integer(text))) }

    @Test func precedenceOfArithmeticAndLogic() throws {
        #expect(try expression("1 + 2 * 3") == .binary(.add, int("1"), Expression(.binary(.multiply, int("2"), int("3")))))
        #expect(try expression("-a * b") == .binary(.multiply, Expression(.unary(.minus, name("a"))), name("b")))
        #expect(try expression("a || b + c") == .binary(.concatenate, name("a"), Expression(.binary(.add, name("b"), name("c")))))
        let notAnd = try expression("NOT a = 1 AND b OR c")
        guard case .binary(.or, let left, _) = notAnd, case .binary(.and, let inner, _) = left.kind,
              case .not(let negated) = inner.kind, case .binary(.equal, _, _) = negated.kind
        else {
            Issue.record("wrong tree: \(notAnd)")
            return
        }
    }

    @Test func predicates() throws {
        #expect(try expression("a NOT BETWEEN 1 AND 2") == .between(name("a"), low: int("1"), high: int("2"), negated: true))
        #expect(try expression("a IS NOT NULL") == .isNull(name("a"), negated: true))
        #expect(try expression("a NOT IN (1, 2)") == .inList(name("a"), [int("1"), int("2")], negated: true))
        #expect(try expression("a IS DISTINCT FROM b") == .isDistinctFrom(name("a"), name("b"), negated: false))
        guard case .like(_, _, let escape?, true) = try expression("a NOT LIKE 'x' ESCAPE '!'") else {
            Issue.record("LIKE ESCAPE")
            return
        }
        #expect(escape.kind == .literal(.string(StringLiteral(raw: "!"))))
        guard case .inSubquery = try expression("a IN (SELECT 1)") else { Issue.record("IN subquery"); return }
    }

    @Test func literalsStayDistinct() throws {
        #expect(try expression("1.5") == .literal(.decimal("1.5")))
        #expect(try expression("1e3") == .literal(.double("1e3")))
        #expect(try expression("DATE '2020-01-01'") == .literal(.typed(type: "date", value: StringLiteral(raw: "2020-01-01"))))
        #expect(try expression("INTERVAL '1' DAY TO SECOND") == .literal(.interval(IntervalLiteral(
            value: StringLiteral(raw: "1"), start: .day, end: .second))))
        #expect(try expression("date") == .identifier(Identifier("date")))
        guard case .function(let call) = try expression("date(x)") else { Issue.record("date()"); return }
        #expect(call.name.dotted == "date")
    }

    @Test func functionCallForms() throws {
        guard case .function(let star) = try expression("count(*) FILTER (WHERE a > 1)") else { Issue.record("count"); return }
        #expect(star.isStar && star.filter != nil)
        guard case .function(let approximate) = try expression("APPROXIMATE COUNT(DISTINCT x)") else { Issue.record("approx"); return }
        #expect(approximate.approximate && approximate.distinct && approximate.arguments == [name("x")])
        guard case .function(let window) = try expression(
            "sum(x) OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING)")
        else { Issue.record("window"); return }
        guard case .specification(let spec)? = window.window else { Issue.record("spec"); return }
        #expect(spec.partitionBy == [name("a")])
        #expect(spec.orderBy == [SortItem(expression: name("b"), ordering: .descending)])
        #expect(spec.frame == WindowFrame(unit: .rows, start: .preceding(int("1")), end: .unboundedFollowing))
        guard case .function(let qualified) = try expression("a.b.c(1)") else { Issue.record("qualified"); return }
        #expect(qualified.name.dotted == "a.b.c")
    }

    @Test func dereferenceSubscriptAndLambda() throws {
        #expect(try expression("t.col") == .dereference(base: name("t"), field: Identifier("col")))
        #expect(try expression("a[1]") == .subscriptAccess(base: name("a"), index: int("1")))
        #expect(try expression("x -> x + 1") == .lambda(parameters: [Identifier("x")],
                                                       body: Expression(.binary(.add, name("x"), int("1")))))
        guard case .lambda(let parameters, _) = try expression("(x, y) -> x") else { Issue.record("lambda"); return }
        #expect(parameters.map(\.value) == ["x", "y"])
        #expect(try expression("CURRENT_DATE") == .currentTime(.currentDate, precision: nil))
    }

    @Test func selectItemsAndAliases() throws {
        let spec = try select("SELECT *, t.*, a AS x, b y, year, \"Date\" FROM t")
        #expect(spec.selectItems.count == 6)
        #expect(spec.selectItems[1] == .allColumns(prefix: QualifiedName([Identifier("t")]), location: .start))
        #expect(spec.selectItems[3] == .expression(name("b"), alias: Identifier("y")))
        guard case .expression(let quoted, nil) = spec.selectItems[5], case .identifier(let id) = quoted.kind else {
            Issue.record("quoted")
            return
        }
        #expect(id.isQuoted && id.value == "date" && id.original == "Date")
        // LIMIT is non-reserved but never an implicit alias.
        guard case .query(let query) = try parseStatement("SELECT a FROM t LIMIT 5").kind else { return }
        #expect(query.limit?.count == int("5"))
    }

    @Test func joinsAndUnnest() throws {
        let spec = try select("SELECT 1 FROM a LEFT JOIN b USING (k), UNNEST(xs) WITH ORDINALITY AS u (x, n)")
        guard case .join(let implicit)? = spec.from?.kind, implicit.type == .implicit,
              case .join(let left) = implicit.left.kind, left.type == .left,
              case .aliased(let unnest, let alias, let columns) = implicit.right.kind,
              case .unnest(let u) = unnest.kind
        else {
            Issue.record("shape: \(String(describing: spec.from))")
            return
        }
        #expect(left.criteria == .using([Identifier("k")]))
        #expect(u.withOrdinality && alias.value == "u" && columns?.map(\.value) == ["x", "n"])
    }

    @Test func groupByForms() throws {
        let spec = try select("SELECT 1 FROM t GROUP BY 1, (a, b), ROLLUP (c), GROUPING SETS ((a), ())")
        #expect(spec.groupBy?.elements == [
            .expression(int("1")), .expression(name("a")), .expression(name("b")), .rollup([name("c")]),
            .groupingSets([[name("a")], []]),
        ])
    }

    @Test func setOperationPrecedence() throws {
        guard case .query(let query) = try parseStatement("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3").kind,
              case .setOperation(let union) = query.body, union.op == .union,
              case .setOperation(let intersect) = union.right, intersect.op == .intersect
        else {
            Issue.record("INTERSECT must bind tighter")
            return
        }
    }

    @Test func createExternalTable() throws {
        let sql = """
            CREATE EXTERNAL TABLE IF NOT EXISTS db.t (a string COMMENT 'x', b array<struct<c:int>>)
            PARTITIONED BY (p string) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t'
            STORED AS TEXTFILE LOCATION 'dir' TBLPROPERTIES ('skip.header.line.count'='1')
            """
        guard case .createTable(let table) = try parseStatement(sql).kind else { Issue.record("kind"); return }
        #expect(table.name.dotted == "db.t" && table.ifNotExists && table.external)
        #expect(table.columns[1].type.children.first?.type.children.first?.name?.value == "c")
        #expect(table.partitionedBy.map(\.name.value) == ["p"])
        guard case .delimited(let format)? = table.rowFormat else { Issue.record("row format"); return }
        #expect(format.fieldsTerminatedBy?.raw == "\\t" && format.fieldsTerminatedBy?.hiveValue == "\t")
        #expect(table.storedAs == .named(Identifier("TEXTFILE")))
        #expect(table.tableProperties.first?.value.value == "1")
    }

    @Test func plainCreateTableWithColumnsIsHiveTable() throws {
        guard case .createTable(let table) = try parseStatement("CREATE TABLE t (a int)").kind else {
            Issue.record("kind")
            return
        }
        #expect(!table.external)
    }

    @Test func ctas() throws {
        let sql = "CREATE TABLE t WITH (format = 'PARQUET', partitioned_by = ARRAY['c']) AS SELECT 1 AS c WITH NO DATA"
        guard case .createTableAsSelect(let ctas) = try parseStatement(sql).kind else { Issue.record("kind"); return }
        #expect(ctas.properties.map(\.name.value) == ["format", "partitioned_by"])
        #expect(ctas.properties[1].value.kind == .array([Expression(.literal(.string(StringLiteral(raw: "c"))))]))
        #expect(!ctas.withData)
    }

    @Test func partitionsAndEndpoints() throws {
        guard case .addPartitions(let add) = try parseStatement(
            "ALTER TABLE t ADD IF NOT EXISTS PARTITION (a = 'x', b = 2) LOCATION 'p' PARTITION (a = 'y')").kind
        else { Issue.record("add"); return }
        #expect(add.ifNotExists && add.partitions.count == 2 && add.partitions[0].storageLocation?.value == "p")
        guard case .createEndpoint(let endpoint) = try parseStatement(
            "CREATE OR REPLACE ENDPOINT s WITH (model = 'sentiment', path = '/dir')").kind
        else { Issue.record("endpoint"); return }
        #expect(endpoint.orReplace && endpoint.properties.count == 2)
        guard case .queryWithFunctions(let functions, _) = try parseStatement(
            "USING EXTERNAL FUNCTION f(x int) RETURNS int LAMBDA 'fn', FUNCTION g() RETURNS int SAGEMAKER 'ep' SELECT f(1)").kind
        else { Issue.record("using"); return }
        #expect(functions.map(\.implementation) == [.lambdaInvoke, .sagemakerInvokeEndpoint])
        #expect(functions[0].external && functions[0].shorthand)
        #expect(functions[0].properties.first?.name.value == "lambda_name")
        #expect(functions[1].properties.first?.name.value == "sagemaker_endpoint")
    }

    @Test func utilityStatements() throws {
        #expect(try parseStatement("SHOW TABLES IN db LIKE 'a%'").kind == .showTables(
            database: QualifiedName([Identifier("db")]), pattern: StringLiteral(raw: "a%")))
        #expect(try parseStatement("DESC t").kind == .describe(table: QualifiedName([Identifier("t")]), detail: .plain))
        #expect(try parseStatement("DESCRIBE FORMATTED t").kind == .describe(
            table: QualifiedName([Identifier("t")]), detail: .formatted))
        #expect(try parseStatement("SHOW ENDPOINTS;").kind == .showEndpoints)
        guard case .explain(let explain) = try parseStatement("EXPLAIN ANALYZE SELECT 1").kind else { return }
        #expect(explain.analyze && !explain.verbose)
    }

    @Test func scriptSplitsOnSemicolonsOutsideStringsAndComments() throws {
        let sql = "SELECT ';' AS a; -- ; not a separator\n;; /* ; */ SELECT 2\n;"
        let statements = try parse(sql)
        #expect(statements.count == 2)
        #expect(statements[1].location.line == 2)
        #expect(statements[1].range.offsets == 49..<57)
        let utf8 = Array(sql.utf8)
        #expect(String(decoding: utf8[statements[0].range.offsets], as: UTF8.self) == "SELECT ';' AS a")
        #expect(try parse("  ; -- nothing\n").isEmpty)
    }

    @Test func locationsPointAtTheNode() throws {
        let spec = try select("SELECT a,\n  b + c\nFROM t")
        guard case .expression(let sum, _) = spec.selectItems[1] else { return }
        #expect((sum.location.line, sum.location.column, sum.location.offset) == (2, 3, 12))
        #expect((spec.location.line, spec.location.column) == (1, 1))
    }
}
