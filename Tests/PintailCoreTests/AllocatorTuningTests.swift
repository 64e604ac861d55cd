import Foundation
import Testing
import PintailCore

/// The malloc settings the engine and the data generator apply take effect unless the user set glibc's own.
@Suite struct AllocatorTuningTests {
    @Test func appliedWhenTheUserSetNoMallocVariables() throws {
        let environment = ProcessInfo.processInfo.environment
        let userSet = ["GLIBC_TUNABLES", "MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_"]
            .contains { environment[$0] != nil }
        #expect(AllocatorTuning.applied == !userSet)
    }
}
