#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// RFC 8785 (JCS) canonical JSON of tape values, streamed into any `CanonicalSink`.
///
/// Object keys are sorted by UTF-16 code units (the last of duplicate keys wins), strings use the
/// minimal escaping of ECMAScript's `JSON.stringify`, and numbers are re-written in ECMAScript's
/// shortest form. A string without escapes is already canonical and is copied as-is, which is
/// what makes hashing large request bodies cheap.
public enum CanonicalJSON {
    /// Writes the canonical form of the value at `index`.
    public static func write<Sink: CanonicalSink>(_ tape: JSONTape, _ index: Int, to sink: inout Sink) {
        switch tape.kind(index) {
        case .object:
            writeObject(tape, index, to: &sink) { _ in true }
        case .array:
            sink.write(byte: UInt8(ascii: "["))
            var first = true
            tape.forEachElement(index) { element in
                if !first { sink.write(byte: UInt8(ascii: ",")) }
                first = false
                write(tape, element, to: &sink)
            }
            sink.write(byte: UInt8(ascii: "]"))
        case .string:
            writeString(tape, index, to: &sink)
        case .number:
            writeNumber(tape.rawBytes(index), to: &sink)
        case .trueValue, .falseValue, .null:
            sink.write(tape.rawBytes(index))
        }
    }

    /// Writes the object at `index` keeping only the members whose raw key bytes pass `include`.
    public static func writeObject<Sink: CanonicalSink>(
        _ tape: JSONTape, _ index: Int, to sink: inout Sink, include: (UnsafeRawBufferPointer) -> Bool
    ) {
        let capacity = max(tape.count(index), 1)
        // Objects are small and numerous: sort member indices in stack memory, not a heap array.
        withUnsafeTemporaryAllocation(of: Member.self, capacity: capacity) { buffer in
            var count = 0
            var order = 0
            tape.forEachMember(index) { key, value in
                if include(tape.rawBytes(key)) {
                    buffer[count] = Member(key: key, value: value, order: order)
                    count += 1
                }
                order += 1
            }
            writeMembers(tape, members: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]), to: &sink)
        }
    }

    /// One object member: token indices of its key and value, and its position in the object.
    struct Member {
        var key: Int
        var value: Int
        var order: Int
    }

    /// Sorts `members` by key (stable; ties by position) and writes them, the last of equal keys winning.
    static func writeMembers<Sink: CanonicalSink>(
        _ tape: JSONTape, members: UnsafeMutableBufferPointer<Member>, to sink: inout Sink
    ) {
        if members.count > 32 {
            var unsorted = members
            unsorted.sort { a, b in
                let ordering = compareKeys(tape, a.key, b.key)
                return ordering != 0 ? ordering < 0 : a.order < b.order
            }
        } else if members.count > 1 {
            // Insertion sort: objects have few members and usually arrive nearly sorted.
            for position in 1..<members.count {
                let member = members[position]
                var slot = position
                while slot > 0 {
                    let ordering = compareKeys(tape, members[slot - 1].key, member.key)
                    guard ordering > 0 || (ordering == 0 && members[slot - 1].order > member.order) else { break }
                    members[slot] = members[slot - 1]
                    slot -= 1
                }
                members[slot] = member
            }
        }
        sink.write(byte: UInt8(ascii: "{"))
        var wroteAny = false
        for position in 0..<members.count {
            // Duplicate keys: only the last (highest order) survives.
            if position + 1 < members.count, compareKeys(tape, members[position].key, members[position + 1].key) == 0 {
                continue
            }
            if wroteAny { sink.write(byte: UInt8(ascii: ",")) }
            wroteAny = true
            writeString(tape, members[position].key, to: &sink)
            sink.write(byte: UInt8(ascii: ":"))
            write(tape, members[position].value, to: &sink)
        }
        sink.write(byte: UInt8(ascii: "}"))
    }

    /// Orders two keys by their UTF-16 code units: negative, zero or positive.
    static func compareKeys(_ tape: JSONTape, _ a: Int, _ b: Int) -> Int {
        if !tape.isEscaped(a) && !tape.isEscaped(b) {
            let left = tape.rawBytes(a)
            let right = tape.rawBytes(b)
            let common = min(left.count, right.count)
            var index = 0
            while index < common {
                let x = left[index]
                let y = right[index]
                if x != y {
                    // ASCII byte order is UTF-16 order. Past ASCII it is too, except where a
                    // supplementary character (4-byte UTF-8, a surrogate pair in UTF-16) meets
                    // U+E000…U+FFFF, and where invalid UTF-8 (compared as U+FFFD, as it decodes) meets
                    // anything: those compare decoded.
                    if x >= 0x80 || y >= 0x80 { return compareUTF16(Array(left), Array(right)) }
                    return x < y ? -1 : 1
                }
                index += 1
            }
            return left.count - right.count
        }
        return compareUTF16(tape.decodedStringBytes(a), tape.decodedStringBytes(b))
    }

    static func compareUTF16(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let left = Array(String(decoding: a, as: UTF8.self).utf16)
        let right = Array(String(decoding: b, as: UTF8.self).utf16)
        if left == right { return 0 }
        return left.lexicographicallyPrecedes(right) ? -1 : 1
    }

    /// Writes a string token canonically.
    static func writeString<Sink: CanonicalSink>(_ tape: JSONTape, _ index: Int, to sink: inout Sink) {
        sink.write(byte: UInt8(ascii: "\""))
        if tape.isEscaped(index) {
            writeCanonicalContents(escapedRaw: tape.rawBytes(index), to: &sink)
        } else {
            // Unescaped raw contents contain no quote, backslash or control byte: already canonical.
            sink.write(tape.rawBytes(index))
        }
        sink.write(byte: UInt8(ascii: "\""))
    }

    /// Canonical contents of a string from its raw (escaped, already validated) JSON bytes.
    ///
    /// The short escapes `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t` are already canonical, so runs
    /// up to a `\u` or `\/` escape are copied in bulk; only those two are rewritten.
    static func writeCanonicalContents<Sink: CanonicalSink>(escapedRaw raw: UnsafeRawBufferPointer, to sink: inout Sink) {
        guard let base = raw.baseAddress else { return }
        let count = raw.count
        var runStart = 0
        var index = 0
        while index < count {
            guard let found = memchr(base + index, 0x5C, count - index) else { break }
            let slash = base.distance(to: UnsafeRawPointer(found))
            guard slash + 1 < count else { break }
            let escape = raw[slash + 1]
            if escape == UInt8(ascii: "u") || escape == UInt8(ascii: "/") {
                if slash > runStart { sink.write(UnsafeRawBufferPointer(rebasing: raw[runStart..<slash])) }
                if escape == UInt8(ascii: "/") {
                    sink.write(byte: UInt8(ascii: "/"))
                    index = slash + 2
                } else {
                    index = writeUnicodeEscape(raw, at: slash, to: &sink)
                }
                runStart = index
            } else {
                index = slash + 2
            }
        }
        if count > runStart { sink.write(UnsafeRawBufferPointer(rebasing: raw[runStart..<count])) }
    }

    /// Rewrites the `\uXXXX` escape (or surrogate pair) at `at`; returns the index after it.
    static func writeUnicodeEscape<Sink: CanonicalSink>(_ raw: UnsafeRawBufferPointer, at: Int, to sink: inout Sink) -> Int {
        guard let unit = JSONStringDecoder.hex4(raw, at + 2) else {
            sink.write([0xEF, 0xBF, 0xBD])
            return at + 2
        }
        var next = at + 6
        var scalar = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit) {
            if next + 6 <= raw.count, raw[next] == 0x5C, raw[next + 1] == UInt8(ascii: "u"),
                let low = JSONStringDecoder.hex4(raw, next + 2), (0xDC00...0xDFFF).contains(low)
            {
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                next += 6
            } else {
                scalar = 0xFFFD
            }
        } else if (0xDC00...0xDFFF).contains(unit) {
            scalar = 0xFFFD
        }
        if scalar < 0x20 || scalar == 0x22 || scalar == 0x5C {
            writeEscaped([UInt8(scalar)], to: &sink)
        } else {
            var bytes: [UInt8] = []
            JSONStringDecoder.appendUTF8(scalar, to: &bytes)
            sink.write(bytes)
        }
        return next
    }

    /// Writes decoded UTF-8 string contents with JCS's minimal escaping.
    public static func writeEscaped<Sink: CanonicalSink>(_ decoded: [UInt8], to sink: inout Sink) {
        let hexDigits = Array("0123456789abcdef".utf8)
        for byte in decoded {
            switch byte {
            case UInt8(ascii: "\""): sink.write([UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): sink.write([UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: sink.write([UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: sink.write([UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: sink.write([UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: sink.write([UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: sink.write([UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0..<0x20:
                sink.write([UInt8(ascii: "\\"), UInt8(ascii: "u"), 48, 48, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]])
            default: sink.write(byte: byte)
            }
        }
    }

    /// Writes a JSON number in ECMAScript's shortest round-trip form.
    static func writeNumber<Sink: CanonicalSink>(_ raw: UnsafeRawBufferPointer, to sink: inout Sink) {
        // Integers of up to 15 digits are exactly representable and already canonical.
        var simpleInteger = raw.count <= 16
        var digitCount = 0
        for (offset, byte) in raw.enumerated() {
            if offset == 0 && byte == UInt8(ascii: "-") { continue }
            if !isDigit(byte) { simpleInteger = false; break }
            digitCount += 1
        }
        if simpleInteger && digitCount <= 15 {
            if raw.count == 2 && raw[0] == UInt8(ascii: "-") && raw[1] == 48 {
                sink.write(byte: 48)  // -0 is 0
            } else {
                sink.write(raw)
            }
            return
        }
        sink.write(Array(ECMAScriptNumber.format(String(decoding: raw, as: UTF8.self)).utf8))
    }

    /// The canonical JSON text of the value at `index`.
    public static func string(_ tape: JSONTape, _ index: Int) -> String {
        var sink = ByteArraySink()
        write(tape, index, to: &sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }
}
