/// Athena's `USING [EXTERNAL] FUNCTION ...` prefix and Pintail's model endpoints.
extension Parser {
    /// Grammar: query-with-functions
    mutating func queryWithFunctions() throws(SQLSyntaxError) -> StatementKind {
        try expect("using")
        return .queryWithFunctions(functions: try functionDeclarations(), query: try query())
    }

    /// Grammar: function-declarations
    mutating func functionDeclarations() throws(SQLSyntaxError) -> [FunctionDeclaration] {
        var functions = [try functionDeclaration()]
        while acceptSymbol(",") { functions.append(try functionDeclaration()) }
        return functions
    }

    /// Grammar: function-declaration
    mutating func functionDeclaration() throws(SQLSyntaxError) -> FunctionDeclaration {
        let start = current.start
        let external = accept("external")
        try expect("function")
        let name = try identifier()
        try expectSymbol("(")
        var parameters: [FunctionParameter] = []
        if !atSymbol(")") {
            parameters = try commaList { (p: inout Parser) throws(SQLSyntaxError) in
                let name = try p.identifier()
                return FunctionParameter(name: name, type: try p.typeSyntax())
            }
        }
        try expectSymbol(")")
        try expect("returns")
        let returnType = try typeSyntax()
        var declaration = FunctionDeclaration(
            name: name, external: external, parameters: parameters, returnType: returnType,
            implementation: .sagemakerInvokeEndpoint, properties: [], location: start)
        if at("sagemaker") || at("lambda") {
            let token = advance()
            let isSageMaker = token.lowercased == "sagemaker"
            declaration.implementation = isSageMaker ? .sagemakerInvokeEndpoint : .lambdaInvoke
            let value = try stringLiteral()
            let key = Identifier(isSageMaker ? "sagemaker_endpoint" : "lambda_name", location: token.start)
            declaration.properties = [Property(name: key, value: Expression(.literal(.string(value)), location: value.location))]
            declaration.shorthand = true
            return declaration
        }
        try expect("type")
        if accept("sagemaker_invoke_endpoint") {
            declaration.implementation = .sagemakerInvokeEndpoint
        } else {
            try expect("lambda_invoke")
            declaration.implementation = .lambdaInvoke
        }
        try expect("with")
        declaration.properties = try properties()
        return declaration
    }

    /// Grammar: create-endpoint
    mutating func createEndpoint() throws(SQLSyntaxError) -> StatementKind {
        var orReplace = false
        if accept("or") {
            try expect("replace")
            orReplace = true
        }
        try expect("endpoint")
        let ifNotExists = try ifNotExistsClause()
        let name = try identifier()
        try expect("with")
        let endpoint = CreateEndpoint(name: name, orReplace: orReplace, ifNotExists: ifNotExists, properties: try properties())
        return .createEndpoint(endpoint)
    }
}
