/// A parameter of a declared UDF: `name type`.
public struct FunctionParameter: Sendable, Hashable {
    /// Parameter name.
    public var name: Identifier
    /// Parameter type.
    public var type: TypeSyntax

    public init(name: Identifier, type: TypeSyntax) {
        self.name = name
        self.type = type
    }
}

/// What backs an Athena UDF.
public enum FunctionImplementationKind: String, Sendable, Hashable {
    /// `TYPE SAGEMAKER_INVOKE_ENDPOINT` / `SAGEMAKER 'endpoint'`: a model endpoint (a Pintail ENDPOINT locally).
    case sagemakerInvokeEndpoint = "SAGEMAKER_INVOKE_ENDPOINT"
    /// `TYPE LAMBDA_INVOKE` / `LAMBDA 'name'`.
    case lambdaInvoke = "LAMBDA_INVOKE"
}

/// `[EXTERNAL] FUNCTION name(params) RETURNS type (TYPE kind WITH (props) | SAGEMAKER 'e' | LAMBDA 'l')`.
///
/// The short forms are normalized: `SAGEMAKER 'e'` gives properties `[sagemaker_endpoint = 'e']` and
/// `LAMBDA 'l'` gives `[lambda_name = 'l']`, with `shorthand` set so the printer writes them back the same way.
public struct FunctionDeclaration: Sendable, Hashable {
    /// Function name as called in the query.
    public var name: Identifier
    /// `EXTERNAL` was written.
    public var external: Bool
    /// Parameters.
    public var parameters: [FunctionParameter]
    /// `RETURNS` type.
    public var returnType: TypeSyntax
    /// SageMaker or Lambda.
    public var implementation: FunctionImplementationKind
    /// `WITH (...)` properties, e.g. `sagemaker_endpoint = 'reviews'`.
    public var properties: [Property]
    /// Written as `SAGEMAKER 'e'` / `LAMBDA 'l'`.
    public var shorthand: Bool
    /// Where FUNCTION (or EXTERNAL) is.
    public var location: SourceLocation

    public init(
        name: Identifier, external: Bool = false, parameters: [FunctionParameter], returnType: TypeSyntax,
        implementation: FunctionImplementationKind, properties: [Property], shorthand: Bool = false,
        location: SourceLocation = .start
    ) {
        self.name = name
        self.external = external
        self.parameters = parameters
        self.returnType = returnType
        self.implementation = implementation
        self.properties = properties
        self.shorthand = shorthand
        self.location = location
    }
}

/// `CREATE [OR REPLACE] ENDPOINT [IF NOT EXISTS] name WITH (model = 'sentiment', path = '/dir', ...)`.
public struct CreateEndpoint: Sendable, Hashable {
    /// Endpoint name (what `sagemaker_endpoint` refers to).
    public var name: Identifier
    /// `OR REPLACE`.
    public var orReplace: Bool
    /// `IF NOT EXISTS`.
    public var ifNotExists: Bool
    /// The model settings.
    public var properties: [Property]

    public init(name: Identifier, orReplace: Bool = false, ifNotExists: Bool = false, properties: [Property]) {
        self.name = name
        self.orReplace = orReplace
        self.ifNotExists = ifNotExists
        self.properties = properties
    }
}
