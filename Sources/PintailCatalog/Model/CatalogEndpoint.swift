import Foundation

/// Where a model endpoint's weights come from.
public enum EndpointModel: Hashable, Sendable {
    /// A model compiled into Pintail, by name (e.g. the built-in sentiment model).
    case builtIn(String)
    /// A folder holding a model in the Hugging Face layout.
    case folder(path: String)
}

/// A named model endpoint, the local stand-in for a SageMaker endpoint that model UDFs
/// (`USING FUNCTION ... TYPE SAGEMAKER_INVOKE_ENDPOINT WITH (sagemaker_endpoint = 'reviews')`) call.
public struct CatalogEndpoint: Hashable, Sendable {
    /// Lower case once stored.
    public var name: String
    public var model: EndpointModel
    /// e.g. `max_seq_length`, `batch_size`, label names.
    public var properties: Properties
    /// Set by the catalog.
    public var createdAt: Date

    public init(
        name: String, model: EndpointModel, properties: Properties = [:],
        createdAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.name = name
        self.model = model
        self.properties = properties
        self.createdAt = createdAt
    }
}
