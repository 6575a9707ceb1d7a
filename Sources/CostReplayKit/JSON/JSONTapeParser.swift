/// The single forward pass that turns JSON bytes into tape tokens.
///
/// Strings — most of a log's bytes — are scanned sixteen bytes at a time for a quote, a backslash
/// or a control character; everything else is a plain byte loop.
struct JSONTapeParser {
    let base: UnsafePointer<UInt8>
    let count: Int
    let maxDepth: Int
    var position = 0

    init(base: UnsafePointer<UInt8>, count: Int, maxDepth: Int) {
        self.base = base
        self.count = count
        self.maxDepth = maxDepth
    }

    mutating func parseDocument(into tokens: TapeTokens) throws(JSONParseError) {
        skipWhitespace()
        try parseValue(into: tokens, depth: 0)
        skipWhitespace()
        guard position == count else { throw .invalid(offset: position) }
        guard tokens.count < Int(UInt32.max) else { throw .invalid(offset: 0) }
    }

    @inline(__always) mutating func skipWhitespace() {
        while position < count {
            let byte = base[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    mutating func parseValue(into tokens: TapeTokens, depth: Int) throws(JSONParseError) {
        guard position < count else { throw .invalid(offset: position) }
        switch base[position] {
        case UInt8(ascii: "{"): try parseObject(into: tokens, depth: depth + 1)
        case UInt8(ascii: "["): try parseArray(into: tokens, depth: depth + 1)
        case UInt8(ascii: "\""): try parseString(into: tokens)
        case UInt8(ascii: "t"): try parseLiteral("true", .trueValue, into: tokens)
        case UInt8(ascii: "f"): try parseLiteral("false", .falseValue, into: tokens)
        case UInt8(ascii: "n"): try parseLiteral("null", .null, into: tokens)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber(into: tokens)
        default: throw .invalid(offset: position)
        }
    }

    mutating func parseObject(into tokens: TapeTokens, depth: Int) throws(JSONParseError) {
        guard depth <= maxDepth else { throw .tooDeep }
        let index = tokens.count
        tokens.append(JSONTape.Token(kind: .object, escaped: false, start: UInt32(position), end: 0, next: 0, count: 0))
        position += 1
        skipWhitespace()
        var members: UInt32 = 0
        if position < count, base[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                guard position < count, base[position] == UInt8(ascii: "\"") else { throw .invalid(offset: position) }
                try parseString(into: tokens)
                skipWhitespace()
                guard position < count, base[position] == UInt8(ascii: ":") else { throw .invalid(offset: position) }
                position += 1
                skipWhitespace()
                try parseValue(into: tokens, depth: depth)
                members += 1
                skipWhitespace()
                guard position < count else { throw .invalid(offset: position) }
                let byte = base[position]
                position += 1
                if byte == UInt8(ascii: ",") {
                    skipWhitespace()
                    continue
                }
                guard byte == UInt8(ascii: "}") else { throw .invalid(offset: position - 1) }
                break
            }
        }
        tokens[index].end = UInt32(position)
        tokens[index].next = UInt32(tokens.count)
        tokens[index].count = members
    }

    mutating func parseArray(into tokens: TapeTokens, depth: Int) throws(JSONParseError) {
        guard depth <= maxDepth else { throw .tooDeep }
        let index = tokens.count
        tokens.append(JSONTape.Token(kind: .array, escaped: false, start: UInt32(position), end: 0, next: 0, count: 0))
        position += 1
        skipWhitespace()
        var elements: UInt32 = 0
        if position < count, base[position] == UInt8(ascii: "]") {
            position += 1
        } else {
            while true {
                try parseValue(into: tokens, depth: depth)
                elements += 1
                skipWhitespace()
                guard position < count else { throw .invalid(offset: position) }
                let byte = base[position]
                position += 1
                if byte == UInt8(ascii: ",") {
                    skipWhitespace()
                    continue
                }
                guard byte == UInt8(ascii: "]") else { throw .invalid(offset: position - 1) }
                break
            }
        }
        tokens[index].end = UInt32(position)
        tokens[index].next = UInt32(tokens.count)
        tokens[index].count = elements
    }

    mutating func parseString(into tokens: TapeTokens) throws(JSONParseError) {
        position += 1  // opening quote
        let start = position
        var escaped = false
        while true {
            skipPlainStringBytes()
            guard position < count else { throw .invalid(offset: position) }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                tokens.append(
                    JSONTape.Token(
                        kind: .string, escaped: escaped, start: UInt32(start),
                        end: UInt32(position), next: UInt32(tokens.count + 1), count: 0))
                position += 1
                return
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                guard position + 1 < count else { throw .invalid(offset: position) }
                let escape = base[position + 1]
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 2
                case UInt8(ascii: "u"):
                    guard position + 5 < count else { throw .invalid(offset: position) }
                    for offset in 2...5 where !isHexDigit(base[position + offset]) {
                        throw .invalid(offset: position + offset)
                    }
                    position += 6
                default:
                    throw .invalid(offset: position)
                }
            } else if byte < 0x20 {
                throw .invalid(offset: position)
            } else {
                position += 1
            }
        }
    }

    /// Advances over string bytes that need no attention, to the first quote, backslash or control
    /// character, or to the last 7 bytes of the text (the caller's byte loop takes those).
    @inline(__always) mutating func skipPlainStringBytes() {
        let raw = UnsafeRawPointer(base)
        // Sixteen bytes per iteration: string contents are most of a log's bytes.
        while position + 16 <= count {
            let low = Self.stops(raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let high = Self.stops(raw.loadUnaligned(fromByteOffset: position + 8, as: UInt64.self))
            if low | high != 0 {
                position += low != 0 ? low.trailingZeroBitCount >> 3 : 8 + high.trailingZeroBitCount >> 3
                return
            }
            position += 16
        }
        while position + 8 <= count {
            let found = Self.stops(raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            if found != 0 {
                position += found.trailingZeroBitCount >> 3
                return
            }
            position += 8
        }
    }

    /// The high bit of each byte of `word` (little-endian) that is a quote, a backslash or below
    /// 0x20. Bytes above the lowest flagged one may be flagged falsely (borrows), so only the lowest
    /// flag is meaningful.
    @inline(__always) static func stops(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hits = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
        return hits & 0x8080_8080_8080_8080
    }

    mutating func parseNumber(into tokens: TapeTokens) throws(JSONParseError) {
        let start = position
        if base[position] == UInt8(ascii: "-") { position += 1 }
        guard position < count else { throw .invalid(offset: position) }
        if base[position] == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(base[position]) {
            while position < count, isDigit(base[position]) { position += 1 }
        } else {
            throw .invalid(offset: position)
        }
        if position < count, base[position] == UInt8(ascii: ".") {
            position += 1
            guard position < count, isDigit(base[position]) else { throw .invalid(offset: position) }
            while position < count, isDigit(base[position]) { position += 1 }
        }
        if position < count, base[position] == UInt8(ascii: "e") || base[position] == UInt8(ascii: "E") {
            position += 1
            if position < count, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < count, isDigit(base[position]) else { throw .invalid(offset: position) }
            while position < count, isDigit(base[position]) { position += 1 }
        }
        tokens.append(
            JSONTape.Token(
                kind: .number, escaped: false, start: UInt32(start), end: UInt32(position),
                next: UInt32(tokens.count + 1), count: 0))
    }

    mutating func parseLiteral(
        _ literal: StaticString, _ kind: JSONTape.Kind,
        into tokens: TapeTokens
    ) throws(JSONParseError) {
        let length = literal.utf8CodeUnitCount
        guard position + length <= count,
            memcmpEqual(UnsafeRawPointer(base + position), UnsafeRawPointer(literal.utf8Start), length)
        else { throw .invalid(offset: position) }
        tokens.append(
            JSONTape.Token(
                kind: kind, escaped: false, start: UInt32(position),
                end: UInt32(position + length), next: UInt32(tokens.count + 1), count: 0))
        position += length
    }
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

@inline(__always) func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
}
