#if canImport(Glibc)
    import Glibc
#endif
import ArgumentParser
import CostReplayKit

/// Exit statuses of SPEC §2 that depend on what the inputs contained.
enum ExitStatus {
    /// Reports damage (exit 1) and, with `--strict`, malformed, unpriced or late records (exit 3).
    static func afterAnalysis(_ inputs: InputSummary, strict: Bool) throws {
        for file in inputs.damagedFiles {
            let damage = file.damage!
            Diagnostics.error(
                "\(file.pathKey): \(damage.message) at compressed byte \(damage.compressedOffset); the lines before it were used")
        }
        if !inputs.damagedFiles.isEmpty { throw ExitCode(1) }
        if strict && (inputs.malformedTotal > 0 || inputs.unpricedCalls > 0 || inputs.late > 0) {
            Diagnostics.error(
                "--strict: \(inputs.malformedTotal) malformed, \(inputs.unpricedCalls) unpriced, \(inputs.late) late records")
            throw ExitCode(3)
        }
    }
}

/// Quotes a word for a POSIX shell when it needs it. A word with control characters (line breaks,
/// escape sequences) or bidi controls is written in `$'…'` form with visible escapes, so the
/// reproduce command stays one printable line that still means the same word.
enum ShellQuoting {
    static func quote(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@,+".contains($0) }
        if safe && !word.isEmpty { return word }
        guard word.unicodeScalars.contains(where: needsEscape) else {
            return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
        }
        var out = "$'"
        for scalar in word.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x80 && needsEscape(scalar) {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
                } else if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        TerminalText.isUnsafe(scalar)
    }
}

/// File sizes for the progress line.
enum FileSize {
    static func of(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }
}
