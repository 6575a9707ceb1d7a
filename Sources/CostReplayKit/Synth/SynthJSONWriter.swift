/// Writes one JSON value (a log line) into a reusable byte buffer, by hand.
///
/// Foundation's `JSONSerialization` would allocate a dictionary per object and re-encode every
/// string; a million calls of tens of KB each need a writer that appends bytes. Separators are
/// tracked here (a bit per nesting level) so call sites never place commas themselves.
struct SynthJSONWriter {
    var bytes: [UInt8] = []
    /// Bit i set: the container at depth i already holds an element, the next needs a comma.
    private var hasElement: UInt64 = 0
    private var depth = 0
    /// A key was just written: its value takes no separator.
    private var afterKey = false

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        hasElement = 0
        depth = 0
        afterKey = false
    }

    // MARK: structure

    @inline(__always)
    private mutating func separator() {
        if afterKey {
            afterKey = false
            return
        }
        if depth > 0 {
            let bit: UInt64 = 1 << UInt64(depth - 1)
            if hasElement & bit != 0 { bytes.append(UInt8(ascii: ",")) } else { hasElement |= bit }
        }
    }

    mutating func objectStart() {
        separator()
        bytes.append(UInt8(ascii: "{"))
        push()
    }

    mutating func objectEnd() {
        pop()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func arrayStart() {
        separator()
        bytes.append(UInt8(ascii: "["))
        push()
    }

    mutating func arrayEnd() {
        pop()
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func push() {
        depth += 1
        precondition(depth <= 64, "JSON nested too deep for the synth writer")
        hasElement &= ~(1 << UInt64(depth - 1))
    }

    private mutating func pop() {
        depth -= 1
    }

    /// `"key":` — keys are literals of the generator, plain ASCII needing no escapes.
    mutating func key(_ key: StaticString) {
        separator()
        bytes.append(UInt8(ascii: "\""))
        appendStatic(key)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    // MARK: values

    mutating func string(_ value: StaticString) {
        separator()
        bytes.append(UInt8(ascii: "\""))
        appendStatic(value)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func string(_ value: String) {
        separator()
        var copy = value
        copy.withUTF8 { appendQuoted($0) }
    }

    /// A string value from raw UTF-8 text, escaped as JSON requires.
    mutating func string(bytes text: [UInt8]) {
        separator()
        text.withUnsafeBufferPointer { appendQuoted($0) }
    }

    mutating func string(bytes text: ArraySlice<UInt8>) {
        separator()
        text.withUnsafeBufferPointer { appendQuoted($0) }
    }

    /// A string value whose characters `build` appends; they must need no escaping (digits,
    /// ASCII letters and punctuation other than `"` and `\`).
    mutating func plainString(_ build: (inout [UInt8]) -> Void) {
        separator()
        bytes.append(UInt8(ascii: "\""))
        build(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int<I: BinaryInteger>(_ value: I) {
        separator()
        SynthJSONWriter.appendDecimal(Int64(value), to: &bytes)
    }

    /// A non-negative decimal given in thousandths (`700` → `0.7`), trailing zeros dropped: no
    /// `Double` formatting, so no platform differences.
    mutating func decimal(thousandths value: Int) {
        separator()
        SynthJSONWriter.appendDecimal(Int64(value / 1000), to: &bytes)
        var frac = value % 1000
        if frac != 0 {
            bytes.append(UInt8(ascii: "."))
            var digits = 3
            while frac % 10 == 0 {
                frac /= 10
                digits -= 1
            }
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(frac / divisor % 10))
                divisor /= 10
            }
        }
    }

    mutating func bool(_ value: Bool) {
        separator()
        if value { appendStatic("true") } else { appendStatic("false") }
    }

    mutating func null() {
        separator()
        appendStatic("null")
    }

    /// A value already serialized as JSON (a cached message, a tool-definition array).
    mutating func raw(_ json: [UInt8]) {
        separator()
        bytes.append(contentsOf: json)
    }

    /// Several comma-joined values already serialized (the cached part of a conversation).
    mutating func rawElements(_ json: [UInt8], count: Int) {
        guard count > 0 else { return }
        separator()
        bytes.append(contentsOf: json)
        // The container now has elements, whatever the separator saw.
        if depth > 0 { hasElement |= 1 << UInt64(depth - 1) }
    }

    // MARK: byte helpers

    @inline(__always)
    mutating func appendStatic(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// `"` + the text with `"`, `\` and control characters escaped + `"`. Runs of ordinary bytes
    /// are copied in one go; non-ASCII UTF-8 passes through (JSON text is UTF-8).
    private mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        let n = text.count
        while i < n {
            let c = text[i]
            if c >= 0x20 && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            bytes.append(UInt8(ascii: "\\"))
            switch c {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                bytes.append(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(SynthJSONWriter.hex[Int(c >> 4)])
                bytes.append(SynthJSONWriter.hex[Int(c & 0xF)])
            }
            i += 1
            runStart = i
        }
        if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<n])) }
        bytes.append(UInt8(ascii: "\""))
    }

    static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            // Int64.min never occurs: counts and times are far from it.
            appendDecimal(-value, to: &out)
            return
        }
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 {
                buffer[19 - n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            }
            out.append(contentsOf: buffer[(20 - n)...])
        }
    }

    /// Zero-padded decimal of a fixed width (timestamps, ids).
    static func appendPadded(_ value: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        if value >= divisor * 10 {
            appendDecimal(Int64(value), to: &out)
            return
        }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
