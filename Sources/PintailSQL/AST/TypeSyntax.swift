/// A type as written, before the binder maps it to an engine type.
///
/// Examples: `int` (name "int"), `varchar(10)` (parameters [10]), `decimal(10,2)`, `timestamp(3)`,
/// `array(varchar)` / `array<string>` (one child), `map<string,int>` (two children),
/// `row(a bigint, b varchar)` / `struct<a:int,b:string>` (named children),
/// `timestamp with time zone` (name "timestamp with time zone"), `double precision` (name "double").
public struct TypeSyntax: Sendable, Hashable {
    /// The lower-cased base name as written (`int` stays `int`, the binder resolves aliases).
    public var name: String
    /// Numeric parameters: length, precision, scale.
    public var parameters: [Int]
    /// Element, key/value or field types.
    public var children: [TypeField]
    /// True when written with Hive's angle brackets (`array<int>`), kept for printing.
    public var hiveSyntax: Bool
    /// Where the type name starts.
    public var location: SourceLocation

    public init(
        name: String, parameters: [Int] = [], children: [TypeField] = [], hiveSyntax: Bool = false,
        location: SourceLocation = .start
    ) {
        self.name = name
        self.parameters = parameters
        self.children = children
        self.hiveSyntax = hiveSyntax
        self.location = location
    }
}

/// A child of a composite type: a field (named, for row/struct) or an element type (unnamed).
public struct TypeField: Sendable, Hashable {
    /// The field name for row/struct; nil for array and map children.
    public var name: Identifier?
    /// The field or element type.
    public var type: TypeSyntax

    public init(name: Identifier? = nil, type: TypeSyntax) {
        self.name = name
        self.type = type
    }
}
