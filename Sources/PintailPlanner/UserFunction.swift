import PintailCore

/// A function declared with USING [EXTERNAL] FUNCTION and backed by a model endpoint, resolved by the engine.
public struct UserFunction: Sendable, Hashable {
    public var name: String
    public var parameterTypes: [DataType]
    public var returnType: DataType
    public var endpoint: ModelEndpoint

    public init(name: String, parameterTypes: [DataType], returnType: DataType, endpoint: ModelEndpoint) {
        self.name = name
        self.parameterTypes = parameterTypes
        self.returnType = returnType
        self.endpoint = endpoint
    }
}

/// What a model endpoint computes and with which model files.
public struct ModelEndpoint: Sendable, Hashable {
    /// `sentiment` (POSITIVE / NEUTRAL / NEGATIVE) or `star_rating` ('1' to '5').
    public var task: String
    /// The model folder (Hugging Face layout plus the trained head).
    public var folder: String

    public init(task: String, folder: String) {
        self.task = task
        self.folder = folder
    }

    public static let tasks = ["sentiment", "star_rating"]
}
