import Foundation
import Testing
@testable import PintailEngine

/// The engine's malloc settings take effect unless the user set glibc's own (see AllocatorTuning).
@Suite struct AllocatorTuningTests {
    @Test func appliedWhenTheUserSetNoMallocVariables() throws {
        let environment = ProcessInfo.processInfo.environment
        let userSet = ["GLIBC_TUNABLES", "MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_"]
            .contains { environment[$0] != nil }
        #expect(AllocatorTuning.applied == !userSet)
    }
}
