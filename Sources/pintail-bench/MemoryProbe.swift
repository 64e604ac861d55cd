import Foundation

/// Peak resident memory of this process: over its whole life (getrusage) and since the last reset (Linux keeps a
/// resettable high-water mark, VmHWM, which writing 5 to /proc/self/clear_refs sets back to the current size).
enum MemoryProbe {
    /// Peak resident set since the process started, in KiB.
    static func lifetimePeakKB() -> Int {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss)
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) / 1024  // bytes on Darwin
        #endif
    }

    /// Starts a new high-water mark; does nothing where the kernel offers none.
    static func resetPeak() {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return }
        _ = write(fd, "5", 1)
        close(fd)
    }

    /// Peak resident set since the last `resetPeak()`, in KiB (the lifetime peak where there is no VmHWM).
    static func peakSinceResetKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
            return lifetimePeakKB()
        }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            if let kb = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) { return kb }
        }
        return lifetimePeakKB()
    }
}

/// Monotonic wall-clock seconds.
enum Stopwatch {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
