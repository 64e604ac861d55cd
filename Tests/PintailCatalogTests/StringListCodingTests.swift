import Testing
@testable import PintailCatalog

@Suite struct StringListCodingTests {
    @Test func valuesRoundTrip() throws {
        let values: [String?] = ["plain", nil, "", "quote\"back\\slash", "\u{1}\n\r\t", "é😀", "null"]
        let text = StringListCoding.encode(values)
        #expect(try StringListCoding.decodeValues(text) == values)
        #expect(StringListCoding.encode(["a", nil]) == #"["a",null]"#)
    }

    @Test func propertiesRoundTripInOrder() throws {
        let properties: Properties = ["z": "1", "a": "2", "field.delim": "\t"]
        let decoded = try StringListCoding.decodeProperties(StringListCoding.encode(properties))
        #expect(decoded == properties)
        #expect(decoded.entries.map(\.key) == ["z", "a", "field.delim"])
    }

    @Test func foreignJSONSpellingsDecode() throws {
        #expect(try StringListCoding.decodeValues(#" [ "a" , "\u00e9\ud83d\ude00\/" ] "#) == ["a", "é😀/"])
        #expect(try StringListCoding.decodeValues("[]") == [])
    }

    @Test(arguments: ["", "[", "[\"a\"", "[\"a\",]", "[1]", "[\"\\x\"]", "[\"a\"] x", "[\"\\ud800\"]"])
    func malformedTextIsAnError(_ text: String) {
        #expect(throws: StringListCoding.DecodingError.self) { try StringListCoding.decodeValues(text) }
    }

    @Test func propertiesSubscriptKeepsPositions() {
        var properties: Properties = ["a": "1", "b": "2"]
        properties["a"] = "3"
        properties["c"] = "4"
        properties["b"] = nil
        #expect(properties.entries == [.init(key: "a", value: "3"), .init(key: "c", value: "4")])
    }
}
