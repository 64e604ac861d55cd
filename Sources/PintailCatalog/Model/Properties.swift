/// An ordered list of key/value strings (table properties, serde properties, database parameters).
///
/// Order is kept as written, so `SHOW CREATE TABLE` prints TBLPROPERTIES the way the user typed them.
/// Keys are case-sensitive, as in Hive (`skip.header.line.count`).
public struct Properties: Hashable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = []
        for entry in entries { self[entry.key] = entry.value }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { Entry(key: $0.0, value: $0.1) })
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// The value for `key`; setting replaces in place (keeping the position) or appends, `nil` removes.
    public subscript(key: String) -> String? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): entries.append(Entry(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
}
