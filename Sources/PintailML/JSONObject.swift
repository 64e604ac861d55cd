import Foundation

/// A small typed view over a JSON object file (config.json, tokenizer_config.json, safetensors headers).
struct JSONObject: @unchecked Sendable {
    // Only ever holds JSONSerialization's immutable Foundation values.
    let dictionary: [String: Any]
    let file: String

    init(file: String) throws(ModelError) {
        try self.init(data: ModelFolder.read(file), file: file)
    }

    init(data: Data, file: String) throws(ModelError) {
        guard let object = try? JSONSerialization.jsonObject(with: data),
            let dictionary = object as? [String: Any]
        else { throw ModelError(.malformed, "not a JSON object", file: file) }
        self.dictionary = dictionary
        self.file = file
    }

    init(dictionary: [String: Any], file: String) {
        self.dictionary = dictionary
        self.file = file
    }

    func int(_ key: String) -> Int? {
        guard let number = dictionary[key] as? NSNumber else { return nil }
        let value = number.doubleValue
        guard value.rounded() == value, abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    func double(_ key: String) -> Double? { (dictionary[key] as? NSNumber)?.doubleValue }
    func bool(_ key: String) -> Bool? { (dictionary[key] as? NSNumber)?.boolValue }
    func string(_ key: String) -> String? { dictionary[key] as? String }

    func requiredInt(_ key: String, _ alternatives: String...) throws(ModelError) -> Int {
        for name in [key] + alternatives { if let value = int(name) { return value } }
        throw ModelError(.malformed, "missing integer field \(key)", file: file)
    }
}
