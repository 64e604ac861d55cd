/// Model endpoints for the model UDFs (`sagemaker_endpoint = 'reviews'` resolves here).
extension Catalog {
    /// Registers an endpoint and returns it as stored; with `ifNotExists` an existing one is returned.
    @discardableResult
    public func createEndpoint(_ endpoint: CatalogEndpoint, ifNotExists: Bool = false) throws(CatalogError)
        -> CatalogEndpoint
    {
        var stored = try EndpointRows.normalized(endpoint)
        return try write { connection in
            if let existing = try EndpointRows.find(stored.name, in: connection) {
                if ifNotExists { return existing }
                throw CatalogError.endpointExists(stored.name)
            }
            let now = CatalogValues.nowMillis()
            stored.createdAt = CatalogValues.date(now)
            let insert = try connection.cached(
                "INSERT INTO endpoints (name, model_kind, model, properties, created_at) VALUES (?, ?, ?, ?, ?)")
            try insert.bind(stored.name, at: 1)
            try EndpointRows.bindContents(stored, to: insert, from: 2)
            try insert.bind(now, at: 5)
            try insert.run()
            return stored
        }
    }

    /// Changes an existing endpoint's model and properties.
    @discardableResult
    public func replaceEndpoint(_ endpoint: CatalogEndpoint) throws(CatalogError) -> CatalogEndpoint {
        var stored = try EndpointRows.normalized(endpoint)
        return try write { connection in
            guard let existing = try EndpointRows.find(stored.name, in: connection) else {
                throw CatalogError.endpointNotFound(stored.name)
            }
            let update = try connection.cached(
                "UPDATE endpoints SET model_kind = ?, model = ?, properties = ? WHERE name = ?")
            try EndpointRows.bindContents(stored, to: update, from: 1)
            try update.bind(stored.name, at: 4)
            try update.run()
            stored.createdAt = existing.createdAt
            return stored
        }
    }

    /// Removes an endpoint and returns it (nil when missing and `ifExists`).
    @discardableResult
    public func dropEndpoint(_ name: String, ifExists: Bool = false) throws(CatalogError) -> CatalogEndpoint? {
        let name = try CatalogValues.normalizedName(name, what: "Endpoint")
        return try write { connection in
            guard let existing = try EndpointRows.find(name, in: connection) else {
                if ifExists { return nil }
                throw CatalogError.endpointNotFound(name)
            }
            let delete = try connection.cached("DELETE FROM endpoints WHERE name = ?")
            try delete.bind(name, at: 1)
            try delete.run()
            return existing
        }
    }

    /// The endpoint called `name` (any case), or nil.
    public func endpoint(named name: String) throws(CatalogError) -> CatalogEndpoint? {
        let name = try CatalogValues.normalizedName(name, what: "Endpoint")
        return try read { connection in try EndpointRows.find(name, in: connection) }
    }

    /// All endpoints, by name.
    public func endpoints() throws(CatalogError) -> [CatalogEndpoint] {
        try read { connection in
            let select = try connection.cached("SELECT \(EndpointRows.columns) FROM endpoints ORDER BY name")
            var result: [CatalogEndpoint] = []
            while try select.step() { result.append(try EndpointRows.decode(select)) }
            return result
        }
    }
}

/// Reading and writing rows of the `endpoints` table.
enum EndpointRows {
    static let columns = "name, model_kind, model, properties, created_at"

    static func normalized(_ endpoint: CatalogEndpoint) throws(CatalogError) -> CatalogEndpoint {
        var endpoint = endpoint
        endpoint.name = try CatalogValues.normalizedName(endpoint.name, what: "Endpoint")
        switch endpoint.model {
        case .builtIn(let model) where model.isEmpty:
            throw CatalogError(.invalidDefinition, "Endpoint '\(endpoint.name)' names no built-in model")
        case .folder(let path) where !path.hasPrefix("/"):
            throw CatalogError(
                .invalidDefinition, "Endpoint '\(endpoint.name)' needs an absolute model folder, not '\(path)'")
        default: return endpoint
        }
    }

    static func decode(_ row: SQLiteStatement) throws -> CatalogEndpoint {
        let model: EndpointModel
        switch row.text(1) {
        case "BUILTIN": model = .builtIn(row.text(2))
        case "FOLDER": model = .folder(path: row.text(2))
        default: throw StringListCoding.DecodingError()
        }
        return CatalogEndpoint(
            name: row.text(0), model: model, properties: try StringListCoding.decodeProperties(row.text(3)),
            createdAt: CatalogValues.date(row.int64(4)))
    }

    static func find(_ name: String, in connection: SQLiteConnection) throws -> CatalogEndpoint? {
        let select = try connection.cached("SELECT \(columns) FROM endpoints WHERE name = ?")
        try select.bind(name, at: 1)
        guard try select.step() else { return nil }
        let endpoint = try decode(select)
        select.reset()
        return endpoint
    }

    /// Binds model kind, model and properties to parameters `first` ... `first + 2`.
    static func bindContents(_ endpoint: CatalogEndpoint, to statement: SQLiteStatement, from first: Int32) throws {
        switch endpoint.model {
        case .builtIn(let name):
            try statement.bind("BUILTIN", at: first)
            try statement.bind(name, at: first + 1)
        case .folder(let path):
            try statement.bind("FOLDER", at: first)
            try statement.bind(path, at: first + 1)
        }
        try statement.bind(StringListCoding.encode(endpoint.properties), at: first + 2)
    }
}
