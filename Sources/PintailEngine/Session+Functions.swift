import PintailCatalog
import PintailCore
import PintailExecution
import PintailPlanner
import PintailSQL
#if canImport(Glibc)
import Glibc
#endif

/// USING FUNCTION declarations and model endpoints. Every catalog knows two built-in endpoints, `sentiment` and
/// `star_rating`; CREATE ENDPOINT registers further names for a built-in task or a model folder of one's own.
extension Session {
    static let builtInEndpoints = ModelEndpoint.tasks

    /// Resolves the query's declarations against the endpoints, checking types at plan time.
    func userFunctions(_ declarations: [FunctionDeclaration]) throws -> [UserFunction] {
        var out: [UserFunction] = []
        for d in declarations {
            if d.implementation == .lambdaInvoke {
                throw SemanticError("Lambda functions are not supported: Pintail runs model endpoints in process. Declare the function with TYPE SAGEMAKER_INVOKE_ENDPOINT WITH (sagemaker_endpoint = 'sentiment' or 'star_rating' or an endpoint from SHOW ENDPOINTS)", at: d.location)
            }
            guard let property = d.properties.first(where: { $0.name.value == "sagemaker_endpoint" }),
                  case .literal(.string(let endpointName)) = property.value.kind else {
                throw SemanticError("Function '\(d.name.original)' needs sagemaker_endpoint = '<endpoint name>'", at: d.location)
            }
            let endpoint = try resolveEndpoint(endpointName.value, at: property.value.location)
            let parameters = try d.parameters.map { try TypeResolution.resolve($0.type) }
            guard parameters.count == 1, parameters[0].isString else {
                throw SemanticError("Model function '\(d.name.original)' must take one varchar argument (the text)", at: d.location)
            }
            let returnType = try TypeResolution.resolve(d.returnType)
            guard returnType.isString || (endpoint.task == "star_rating" && returnType.isNumeric) else {
                throw SemanticError("Endpoint '\(endpointName.value)' returns varchar\(endpoint.task == "star_rating" ? " or a number" : ""), not \(returnType)", at: d.returnType.location)
            }
            guard !out.contains(where: { $0.name == d.name.value }) else {
                throw SemanticError("Function '\(d.name.original)' is declared twice", at: d.location)
            }
            out.append(UserFunction(name: d.name.value, parameterTypes: parameters, returnType: returnType, endpoint: endpoint))
        }
        return out
    }

    func resolveEndpoint(_ name: String, at location: SourceLocation) throws -> ModelEndpoint {
        let key = name.lowercased()
        if let e = try catalog.endpoint(named: key) {
            switch e.model {
            case .builtIn(let task): return ModelEndpoint(task: task, folder: builtInModelFolder())
            case .folder(let path): return ModelEndpoint(task: e.properties["task"] ?? "sentiment", folder: path)
            }
        }
        if Session.builtInEndpoints.contains(key) { return ModelEndpoint(task: key, folder: builtInModelFolder()) }
        let known = Session.builtInEndpoints + ((try? catalog.endpoints().map(\.name)) ?? [])
        throw SemanticError("Unknown endpoint '\(name)'; known endpoints: \(known.joined(separator: ", "))", at: location)
    }

    /// The fetched built-in model: in this engine's home, else in the default home (where the setup put it).
    func builtInModelFolder() -> String {
        let candidates = [engine.homePath + "/models/all-MiniLM-L6-v2",
                          (ProcessEnvironment.value("HOME") ?? "") + "/.pintail/models/all-MiniLM-L6-v2"]
        return candidates.first { access($0 + "/model.safetensors", R_OK) == 0 } ?? candidates[0]
    }

    func createEndpoint(_ c: CreateEndpoint) throws -> StatementResult {
        var model: EndpointModel? = nil
        var props = Properties()
        for p in c.properties {
            guard case .literal(.string(let s)) = p.value.kind else {
                throw SemanticError("Endpoint property '\(p.name.value)' must be a string", at: p.value.location)
            }
            switch p.name.value {
            case "model":
                guard Session.builtInEndpoints.contains(s.value.lowercased()) else {
                    throw SemanticError("Unknown built-in model '\(s.value)'; use 'sentiment' or 'star_rating'", at: p.value.location)
                }
                model = .builtIn(s.value.lowercased())
            case "path":
                model = .folder(path: absolutePath(s.value))
            case "task":
                guard Session.builtInEndpoints.contains(s.value.lowercased()) else {
                    throw SemanticError("task must be 'sentiment' or 'star_rating'", at: p.value.location)
                }
                props["task"] = s.value.lowercased()
            default:
                throw SemanticError("Unknown endpoint property '\(p.name.value)'; use model, path or task", at: p.location)
            }
        }
        guard let model else { throw SemanticError("CREATE ENDPOINT needs model = 'sentiment' | 'star_rating' or path = '<model folder>'", at: c.name.location) }
        let endpoint = CatalogEndpoint(name: c.name.value, model: model, properties: props)
        if c.orReplace, try catalog.endpoint(named: c.name.value) != nil {
            _ = try catalog.replaceEndpoint(endpoint)
        } else {
            try catalog.createEndpoint(endpoint, ifNotExists: c.ifNotExists)
        }
        return StatementResult(message: "CREATE ENDPOINT")
    }

    func showEndpoints() throws -> StatementResult {
        var rows: [[Value]] = Session.builtInEndpoints.map { [.string($0), .string("built-in"), .string($0)] }
        for e in try catalog.endpoints() {
            switch e.model {
            case .builtIn(let task): rows.append([.string(e.name), .string("built-in"), .string(task)])
            case .folder(let path): rows.append([.string(e.name), .string(path), .string(e.properties["task"] ?? "sentiment")])
            }
        }
        return StatementResult(columns: ["endpoint", "model", "task"].map { ResultColumn(name: $0, type: .string) },
                               batches: [rowsBatch(rows, types: [.string, .string, .string])])
    }
}

/// A front end's hooks into a running statement: progress of its model calls (texts scored, rate) and
/// cancellation, which ends the statement with "Query cancelled" at the next scanned, joined or result batch.
public enum StatementMonitor {
    /// Before each statement: clears an earlier cancellation; `progress` gets (texts scored, seconds), at most
    /// five times a second, from any thread.
    public static func begin(progress: (@Sendable (_ textsScored: Int, _ seconds: Double) -> Void)?) {
        guard let progress else { return StatementControl.beginStatement(observer: nil) }
        StatementControl.beginStatement(observer: { @Sendable (p: StatementControl.Progress) in progress(p.textsScored, p.seconds) })
    }

    /// Async-signal-safe (one atomic store), so a SIGINT handler may call it.
    public static func requestCancel() { StatementControl.requestCancel() }

    public static var isCancelRequested: Bool { StatementControl.isCancelRequested }
}
