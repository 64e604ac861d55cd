import Foundation

/// The pre-WordPiece step of Hugging Face's BertTokenizer (`BasicTokenizer`): drop control characters,
/// space out CJK ideographs, split on whitespace, lower-case, strip accents (NFD, drop Mn), split punctuation.
struct BasicTokenizer: Sendable {
    var lowerCase = true
    var stripAccents = true
    var splitChineseCharacters = true

    /// Calls `emit` with each basic token, in order, until `emit` returns false.
    func forEachToken(in text: some StringProtocol, _ emit: (String) -> Bool) {
        var word: [Unicode.Scalar] = []
        word.reserveCapacity(32)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0 || value == 0xFFFD || Self.isControl(scalar) { continue }
            if Self.isSplittingSpace(scalar) {
                if !word.isEmpty, !emitWord(word, emit) { return }
                word.removeAll(keepingCapacity: true)
            } else if splitChineseCharacters && Self.isCJK(value) {
                if !word.isEmpty, !emitWord(word, emit) { return }
                word.removeAll(keepingCapacity: true)
                if !emit(String(Character(scalar))) { return }
            } else {
                word.append(scalar)
            }
        }
        if !word.isEmpty { _ = emitWord(word, emit) }
    }

    /// Lower-cases and strips one whitespace-delimited word, then splits it on punctuation.
    private func emitWord(_ scalars: [Unicode.Scalar], _ emit: (String) -> Bool) -> Bool {
        var normalized = scalars
        if lowerCase || stripAccents {
            let isASCII = scalars.allSatisfy { $0.isASCII }
            var text = String(String.UnicodeScalarView(scalars))
            if lowerCase { text = text.lowercased() }
            if stripAccents && !isASCII {
                text = text.decomposedStringWithCanonicalMapping
                normalized = text.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
            } else {
                normalized = Array(text.unicodeScalars)
            }
        }
        var piece: [Unicode.Scalar] = []
        for scalar in normalized {
            if Self.isPunctuation(scalar) {
                if !piece.isEmpty, !emit(String(String.UnicodeScalarView(piece))) { return false }
                piece.removeAll(keepingCapacity: true)
                if !emit(String(Character(scalar))) { return false }
            } else if Self.isSplittingSpace(scalar) {
                // Lower-casing or decomposition never yields spaces in practice; split if it does.
                if !piece.isEmpty, !emit(String(String.UnicodeScalarView(piece))) { return false }
                piece.removeAll(keepingCapacity: true)
            } else {
                piece.append(scalar)
            }
        }
        if !piece.isEmpty { return emit(String(String.UnicodeScalarView(piece))) }
        return true
    }

    /// BERT's `_is_control`: categories C*, except tab, newline and carriage return (those are whitespace).
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" || s == "\n" || s == "\r" { return false }
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// Characters that end a word: BERT's `_is_whitespace` (space, tab, newline, CR, Zs) plus what
    /// Python's `str.split()` also splits on that survives cleaning (line and paragraph separators).
    static func isSplittingSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return true
        case 0..<0x80: return false
        default:
            switch s.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    /// BERT's `_is_punctuation`: all non-letter/number ASCII symbols, plus Unicode P* categories.
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) {
            return true
        }
        if v < 0x80 { return false }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// BERT's `_is_chinese_char`: the CJK Unified Ideographs blocks (not Hiragana, Katakana or Hangul).
    static func isCJK(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
            || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v) || (0x2B820...0x2CEAF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }
}
