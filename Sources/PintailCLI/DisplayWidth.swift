/// Terminal column counts for aligning table cells: East Asian wide characters take two columns, combining marks
/// and zero-width characters none. An approximation of wcwidth that does not depend on the process locale.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0xFE00...0xFE0F).contains(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `limit` columns, ending in `...` when something was cut; `limit <= 0` means no limit.
    static func truncate(_ text: String, to limit: Int) -> String {
        guard limit > 0, of(text) > limit else { return text }
        let budget = max(0, limit - 3)
        var kept = String.UnicodeScalarView()
        var width = 0
        for scalar in text.unicodeScalars {
            let w = of(scalar)
            if width + w > budget { break }
            kept.append(scalar)
            width += w
        }
        return String(kept) + String(repeating: ".", count: min(3, limit))
    }
}
