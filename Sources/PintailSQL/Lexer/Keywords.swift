/// The keyword table; `Grammar/keywords.txt` lists the same words and a conformance test keeps them equal.
///
/// Reserved words follow Trino's list (minus the JSON_*, LISTAGG and NORMALIZE special forms we do not parse and the
/// CURRENT_USER family, which we leave to the binder as plain names). Non-reserved words are keywords only where the
/// grammar expects them and stay usable as identifiers (`year`, `date`, `data`, `location`, `format`, `comment`).
public enum Keywords {
    /// Words that cannot be unquoted identifiers.
    public static let reserved: Set<String> = [
        "alter", "and", "as", "between", "by", "case", "cast", "constraint", "create", "cross", "cube",
        "current_date", "current_time", "current_timestamp", "deallocate", "delete", "describe", "distinct",
        "drop", "else", "end", "escape", "except", "execute", "exists", "extract", "false", "for", "from", "full",
        "group", "grouping", "having", "in", "inner", "insert", "intersect", "into", "is", "join", "left", "like",
        "localtime", "localtimestamp", "natural", "not", "null", "on", "or", "order", "outer", "prepare",
        "recursive", "right", "rollup", "select", "skip", "table", "then", "trim", "true", "uescape", "union",
        "unnest", "using", "values", "when", "where", "with",
    ]

    /// Words the grammar uses as keywords that remain valid identifiers.
    public static let nonReserved: Set<String> = [
        "add", "all", "analyze", "any", "approximate", "array", "asc", "at", "both", "cascade", "collection",
        "columns", "comment", "current", "data", "database", "databases", "date", "day", "dbproperties",
        "defined", "delimited", "desc", "double", "endpoint", "endpoints", "escaped", "explain", "extended", "external",
        "fetch", "fields", "filter", "first", "following", "format", "formatted", "function", "groups", "hour", "if",
        "ignore", "inputformat", "interval", "items", "keys", "lambda", "lambda_invoke", "last", "lateral",
        "leading", "limit", "lines", "location", "map", "minute", "month", "msck", "next", "no", "nulls",
        "offset", "only", "ordinality", "outputformat", "over", "partition", "partitioned", "partitions",
        "position", "preceding", "precision", "range", "repair", "replace", "respect", "restrict", "returns",
        "row", "rows", "sagemaker", "sagemaker_invoke_endpoint", "schema", "schemas", "second", "serde",
        "serdeproperties", "sets", "show", "some", "stored", "substring", "tables", "tblproperties", "terminated",
        "ties", "time", "timestamp", "to", "trailing", "try_cast", "type", "unbounded", "use", "verbose",
        "window", "without", "year", "zone",
    ]

    /// Non-reserved words that may not be an alias written without AS, because a clause can start with them.
    static let notImplicitAlias: Set<String> = ["limit", "offset", "fetch", "window"]

    /// True when `word` (lower-case) is a keyword of either kind.
    public static func isKeyword(_ word: String) -> Bool { reserved.contains(word) || nonReserved.contains(word) }
}
