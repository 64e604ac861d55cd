/// A column or partition key: name, type text as the user wrote it (`int`, `decimal(10,2)`,
/// `array<string>`) and an optional comment. The catalog does not parse types; the planner does.
public struct CatalogColumn: Hashable, Sendable {
    /// Lower case once stored.
    public var name: String
    public var type: String
    public var comment: String?

    public init(name: String, type: String, comment: String? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
    }
}
