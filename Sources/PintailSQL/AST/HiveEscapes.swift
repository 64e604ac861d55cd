/// Hive's backslash escapes for strings in DDL clauses (`FIELDS TERMINATED BY '\t'`, `'\001'`).
enum HiveEscapes {
    /// Applies the escapes; never fails: a lone trailing backslash stays, unknown escapes yield the next character.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            guard c == "\\", i + 1 < scalars.count else { out.append(c); i += 1; continue }
            let n = scalars[i + 1]
            // Octal: Hive reads exactly three digits (`\001` is SOH, the default field separator).
            if i + 3 < scalars.count, let octal = octalValue(scalars[i + 1], scalars[i + 2], scalars[i + 3]) {
                out.append(octal)
                i += 4
                continue
            }
            if n == "u", i + 5 < scalars.count, let hex = hexValue(scalars[(i + 2)...(i + 5)]) {
                out.append(hex)
                i += 6
                continue
            }
            switch n {
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "b": out.append("\u{08}")
            case "0": out.append("\0")
            case "Z": out.append("\u{1A}")
            default: out.append(n)
            }
            i += 2
        }
        return String(out)
    }

    private static func octalValue(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> Unicode.Scalar? {
        func digit(_ s: Unicode.Scalar) -> UInt32? { ("0"..."7").contains(s) ? s.value - 48 : nil }
        guard let x = digit(a), let y = digit(b), let z = digit(c) else { return nil }
        return Unicode.Scalar(x * 64 + y * 8 + z)
    }

    private static func hexValue(_ digits: ArraySlice<Unicode.Scalar>) -> Unicode.Scalar? {
        var value: UInt32 = 0
        for d in digits {
            guard let v = UInt32(String(d), radix: 16) else { return nil }
            value = value * 16 + v
        }
        return Unicode.Scalar(value)
    }
}
