import Foundation
import Synchronization
import Testing
@testable import PintailParquet

/// A file that fails validation after it was opened must close its descriptor exactly once: a second close would
/// close whatever file another thread opened under the same number in between, and that thread's reads would fail
/// with "Bad file descriptor".
@Suite struct DescriptorOwnershipTests {
    @Test func failedOpensDoNotCloseOtherThreadsFiles() throws {
        let bad = MustFailTests.files().map(Corpus.path)
        let good = Corpus.path("data/alltypes_plain.parquet")
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for round in 0..<600 {
                if worker % 2 == 0 {
                    _ = try? ParquetFile.open(path: bad[(round + worker) % bad.count])
                } else {
                    do { _ = try readAllRows(good) } catch { failures.withLock { $0.append("\(error)") } }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
    }
}
