#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@preconcurrency import CEdit

/// Line editing and history through libedit's readline interface. History lives in one file, capped at 1000
/// entries and rewritten after each entry so that it survives the program being killed.
final class LineEditor {
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line typed so far is abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or standard input closed.
        case endOfInput
    }

    private let historyPath: String?

    init(historyPath: String?) {
        self.historyPath = historyPath
        rl_catch_signals = 0
        rl_getc_function = readScalar
        using_history()
        stifle_history(1000)
        if let historyPath { _ = read_history(historyPath) }
    }

    func read(prompt: String) -> Input {
        InterruptSignal.catchWhileEditing()
        defer { InterruptSignal.restoreDefault() }
        let raw = readline(prompt)
        defer { free(raw) }
        if InterruptSignal.raised != 0 { return .interrupted }
        guard let raw else { return .endOfInput }
        return .line(String(cString: raw))
    }

    func remember(_ entry: String) {
        add_history(entry)
        if let historyPath { _ = write_history(historyPath) }
    }
}

/// libedit's getc hook: decodes UTF-8 from the terminal into one Unicode scalar per call (libedit takes the returned
/// int as a wide character). Returns -1, which libedit treats as end of input, on end of file, on a read error and
/// when Ctrl-C interrupted the read.
private func readScalar(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    guard let first = readByte() else { return -1 }
    let length: Int
    switch first {
    case 0..<0x80: return Int32(first)
    case 0xC0..<0xE0: length = 2
    case 0xE0..<0xF0: length = 3
    case 0xF0..<0xF8: length = 4
    default: return 0xFFFD
    }
    var bytes = [first]
    for _ in 1..<length {
        guard let next = readByte() else { return -1 }
        bytes.append(next)
    }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return Int32(bitPattern: scalar.value) }
    return 0xFFFD
}

private func readByte() -> UInt8? {
    var byte: UInt8 = 0
    while true {
        let n = read(0, &byte, 1)
        if n == 1 { return byte }
        if n < 0 && errno == EINTR && InterruptSignal.raised == 0 { continue }
        return nil
    }
}
