import Foundation
import Testing
@testable import PintailML

@Suite struct RobustnessTests {
    static let tiny = TestPaths.fixtures + "/fixtures/tiny-distilbert"

    /// A safetensors image with the given header JSON and `dataBytes` zero bytes of data.
    func image(_ header: String, dataBytes: Int) -> Data {
        var length = UInt64(header.utf8.count).littleEndian
        var data = Data(bytes: &length, count: 8)
        data.append(Data(header.utf8))
        data.append(Data(count: dataBytes))
        return data
    }

    @Test func safetensorsRejectsAHeaderLongerThanTheFile() {
        var data = image("{}", dataBytes: 0)
        data[0] = 0xFF
        #expect(throws: ModelError.self) { try SafeTensors(data: data, file: "bad.safetensors") }
    }

    @Test func safetensorsRejectsRangesOutsideTheDataAndNamesTheFile() {
        let header = #"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#
        do {
            _ = try SafeTensors(data: image(header, dataBytes: 8), file: "short.safetensors")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.description.contains("short.safetensors"))
        }
    }

    @Test func safetensorsChecksDtypeShapeAndSize() throws {
        let header = #"{"__metadata__":{"k":"v"},"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"i":{"dtype":"I64","shape":[1],"data_offsets":[0,8]},"odd":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#
        let tensors = try SafeTensors(data: image(header, dataBytes: 16), file: "t.safetensors")
        #expect(tensors.metadata["k"] == "v")
        #expect(try tensors.floats("w", shape: [2, 2]) == [0, 0, 0, 0])
        #expect(throws: ModelError.self) { try tensors.floats("w", shape: [4]) }
        #expect(throws: ModelError.self) { try tensors.floats("i") }
        #expect(throws: ModelError.self) { try tensors.floats("odd") }
        #expect(throws: ModelError.self) { try tensors.floats("missing") }
    }

    @Test func missingModelFolderGivesAClearError() {
        do {
            _ = try SentimentModel(folder: "/nonexistent/model")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .missingFile)
        }
    }

    @Test func invalidUTF8AndControlCharactersDoNotCrash() throws {
        let tokenizer = try WordPieceTokenizer(folder: Self.tiny)
        let ids = tokenizer.encode(utf8: [0x66, 0x6F, 0x6F, 0xFF, 0xC3, 0x28, 0x00, 0x62, 0x61, 0x72], maxLength: 16)
        #expect(ids.first == tokenizer.clsID && ids.last == tokenizer.sepID)
        #expect(tokenizer.tokenize("foo\u{FFFD}bar") == tokenizer.tokenize("foobar"))
        #expect(tokenizer.encode("", maxLength: 8) == [tokenizer.clsID, tokenizer.sepID])
    }

    @Test func truncationKeepsClsAndSep() throws {
        let tokenizer = try WordPieceTokenizer(folder: Self.tiny)
        let ids = tokenizer.encode(String(repeating: "good movie ", count: 100), maxLength: 10)
        #expect(ids.count == 10)
        #expect(ids.first == tokenizer.clsID && ids.last == tokenizer.sepID)
        #expect(tokenizer.tokenize("Unaffable runnings") == ["una", "##ffa", "##ble", "running", "##s"])
    }

    @Test func encoderRejectsSequencesLongerThanItsPositions() throws {
        let classifier = try TextClassifier(folder: Self.tiny)
        #expect(throws: ModelError.self) { try classifier.outputs(tokenized: [Array(repeating: 101, count: 129)]) }
        #expect(throws: ModelError.self) { try classifier.outputs(tokenized: [[101, 999_999, 102]]) }
        #expect(try classifier.outputs([]).isEmpty)
    }

    @Test func batchingAndThreadsDoNotChangeResults() throws {
        let tokenizer = try WordPieceTokenizer(folder: Self.tiny)
        let base = try TextClassifier(folder: Self.tiny)
        let small = try TextClassifier(tokenizer: tokenizer, encoder: base.encoder, head: base.head,
                                       maxSequenceLength: 128, tokensPerBatch: 1, threadCount: 1)
        let texts = ["short", "a somewhat longer sentence about a blender that broke", "ok", "Great!!! 10/10"]
        let together = try base.outputs(texts), alone = try small.outputs(texts)
        for (a, b) in zip(together.joined(), alone.joined()) { #expect(abs(a - b) < 1e-5) }
    }

    @Test func progressIsReportedAndCancellationStops() throws {
        let base = try TextClassifier(folder: Self.tiny)
        let classifier = try TextClassifier(tokenizer: base.tokenizer, encoder: base.encoder, head: base.head,
                                            maxSequenceLength: 128, tokensPerBatch: 1, threadCount: 1)
        let texts = (0..<20).map { "text number \($0)" }
        let seen = LockedCounter()
        _ = try classifier.outputs(texts) { done, total in
            seen.record(done, total)
            return true
        }
        #expect(seen.value == 20)
        do {
            _ = try classifier.outputs(texts) { done, _ in done < 5 }
            Issue.record("expected cancellation")
        } catch {
            #expect(error.kind == .cancelled)
        }
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var latest = 0
    func record(_ done: Int, _ total: Int) { lock.withLock { latest = max(latest, done) } }
    var value: Int { lock.withLock { latest } }
}
