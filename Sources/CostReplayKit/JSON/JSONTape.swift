/// Why a line is not usable JSON.
public enum JSONParseError: Error, Equatable, Sendable {
    /// Not valid JSON (RFC 8259).
    case invalid(offset: Int)
    /// Nested deeper than the parser allows; rejected rather than risking the stack.
    case tooDeep
}

/// A JSON text parsed into a flat array of tokens that point into the original bytes.
///
/// The hot path parses every log line once into a tape and then reads only the fields it needs,
/// skipping whole subtrees in O(1) through each token's `next` index. Nothing is allocated per
/// value: the token array is reused from line to line, and strings and numbers are left as byte
/// ranges until someone asks for them. A tape is only valid while the bytes it was parsed from are.
public struct JSONTape {
    /// The kind of a token.
    public enum Kind: UInt8 { case object, array, string, number, trueValue, falseValue, null }

    /// One value (or object key) of the text.
    @usableFromInline struct Token {
        @usableFromInline var kind: Kind
        /// A string containing backslash escapes (its raw bytes are not its value).
        @usableFromInline var escaped: Bool
        /// Byte range of the value: string contents without quotes, number text, or the brackets.
        @usableFromInline var start: UInt32
        @usableFromInline var end: UInt32
        /// Index of the first token after this value's subtree.
        @usableFromInline var next: UInt32
        /// Members (objects) or elements (arrays).
        @usableFromInline var count: UInt32
    }

    @usableFromInline var tokens: TapeTokens
    /// The bytes the tape was parsed from.
    public private(set) var bytes: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Deepest nesting accepted; deeper documents are `tooDeep`.
    public var maxDepth: Int

    public init(maxDepth: Int = 512) {
        self.maxDepth = maxDepth
        tokens = TapeTokens(capacity: 1024)
    }

    /// Index of the root value.
    public var root: Int { 0 }

    /// Parses `bytes` as one JSON value (whitespace around it allowed), replacing the tape's content.
    public mutating func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) {
        self.bytes = bytes
        // A copy of this tape may share the storage; it keeps its tokens.
        if !isKnownUniquelyReferenced(&tokens) { tokens = TapeTokens(capacity: 1024) }
        tokens.removeAll()
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else {
            throw .invalid(offset: 0)
        }
        var parser = JSONTapeParser(base: base, count: bytes.count, maxDepth: maxDepth)
        try parser.parseDocument(into: tokens)
    }

    // MARK: Reading tokens

    /// The kind of the value at `index`.
    @inlinable public func kind(_ index: Int) -> Kind { tokens[index].kind }

    /// Index of the first token after the value at `index` and its children.
    @inlinable public func next(_ index: Int) -> Int { Int(tokens[index].next) }

    /// Number of members (object) or elements (array).
    @inlinable public func count(_ index: Int) -> Int { Int(tokens[index].count) }

    /// Raw bytes of the value: string contents (still escaped), number text, or literal.
    @inlinable public func rawBytes(_ index: Int) -> UnsafeRawBufferPointer {
        let token = tokens[index]
        return UnsafeRawBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
    }

    /// The whole source text of the value at `index`, quotes and brackets included.
    public func span(_ index: Int) -> UnsafeRawBufferPointer {
        let token = tokens[index]
        switch token.kind {
        case .string:
            return UnsafeRawBufferPointer(rebasing: bytes[Int(token.start - 1)..<Int(token.end + 1)])
        default:
            return UnsafeRawBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
        }
    }

    /// Whether the string at `index` contains escapes.
    @inlinable public func isEscaped(_ index: Int) -> Bool { tokens[index].escaped }

    /// The value of key `key` in the object at `object` (the last one when a key repeats).
    @inlinable public func value(_ object: Int, _ key: JSONKey) -> Int? {
        guard tokens[object].kind == .object else { return nil }
        var found: Int?
        var member = object + 1
        let end = Int(tokens[object].next)
        while member < end {
            let valueIndex = member + 1
            if keyEquals(member, key) { found = valueIndex }
            member = Int(tokens[valueIndex].next)
        }
        return found
    }

    /// Follows a path of keys through nested objects.
    @inlinable public func value(_ object: Int, _ first: JSONKey, _ rest: JSONKey...) -> Int? {
        guard var current = value(object, first) else { return nil }
        for key in rest {
            guard let next = value(current, key) else { return nil }
            current = next
        }
        return current
    }

    /// Whether the object has the key at all.
    @inlinable public func has(_ object: Int, _ key: JSONKey) -> Bool { value(object, key) != nil }

    /// Calls `body(keyIndex, valueIndex)` for each member of the object at `object`, in order.
    @inlinable public func forEachMember(_ object: Int, _ body: (Int, Int) throws -> Void) rethrows {
        guard tokens[object].kind == .object else { return }
        var member = object + 1
        let end = Int(tokens[object].next)
        while member < end {
            try body(member, member + 1)
            member = Int(tokens[member + 1].next)
        }
    }

    /// Calls `body(elementIndex)` for each element of the array at `array`, in order.
    @inlinable public func forEachElement(_ array: Int, _ body: (Int) throws -> Void) rethrows {
        guard tokens[array].kind == .array else { return }
        var element = array + 1
        let end = Int(tokens[array].next)
        while element < end {
            try body(element)
            element = Int(tokens[element].next)
        }
    }

    /// Indices of the elements of an array (empty for other kinds).
    public func elements(_ array: Int) -> [Int] {
        var result: [Int] = []
        forEachElement(array) { result.append($0) }
        return result
    }

    /// Index of the last element of an array.
    public func lastElement(_ array: Int) -> Int? {
        var last: Int?
        forEachElement(array) { last = $0 }
        return last
    }

    /// Index of the first element of an array.
    public func firstElement(_ array: Int) -> Int? {
        guard tokens[array].kind == .array, tokens[array].count > 0 else { return nil }
        return array + 1
    }

    /// Whether the key token at `index` spells `key`.
    @inlinable func keyEquals(_ index: Int, _ key: JSONKey) -> Bool {
        let token = tokens[index]
        let length = Int(token.end - token.start)
        if token.escaped {
            let decoded = decodedStringBytes(index)
            return key.withBytes { decoded.elementsEqual($0) }
        }
        guard length == key.count else { return false }
        guard length > 0 else { return true }
        return key.withBytes { keyBytes in
            memcmpEqual(bytes.baseAddress! + Int(token.start), keyBytes.baseAddress!, length)
        }
    }

    // MARK: Typed values

    /// The string at `index`, unescaped, or nil when it is not a string.
    public func string(_ index: Int) -> String? {
        guard tokens[index].kind == .string else { return nil }
        if !tokens[index].escaped {
            return String(decoding: rawBytes(index), as: UTF8.self)
        }
        return String(decoding: decodedStringBytes(index), as: UTF8.self)
    }

    /// The string at key `key` of an object.
    public func string(_ object: Int, _ key: JSONKey) -> String? {
        value(object, key).flatMap { string($0) }
    }

    /// The UTF-8 bytes of the string at `index` with escapes decoded.
    public func decodedStringBytes(_ index: Int) -> [UInt8] {
        JSONStringDecoder.decode(rawBytes(index))
    }

    /// The value at `index` as an integer, when it is an integer literal (no fraction or exponent)
    /// that fits in Int64.
    public func integer(_ index: Int) -> Int64? {
        guard tokens[index].kind == .number else { return nil }
        let raw = rawBytes(index)
        var value: Int64 = 0
        var position = 0
        let negative = raw[0] == UInt8(ascii: "-")
        if negative { position = 1 }
        while position < raw.count {
            let byte = raw[position]
            guard byte >= 48, byte <= 57 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - 48))
            if overflow1 || overflow2 { return nil }
            value = sum
            position += 1
        }
        return negative ? -value : value
    }

    /// The number text at `index` as a String (for exact decimal conversions).
    public func numberText(_ index: Int) -> String? {
        guard tokens[index].kind == .number else { return nil }
        return String(decoding: rawBytes(index), as: UTF8.self)
    }

    /// Whether the value at `index` is `null`.
    @inlinable public func isNull(_ index: Int) -> Bool { tokens[index].kind == .null }

    /// The boolean at `index`, or nil for other kinds.
    public func bool(_ index: Int) -> Bool? {
        switch tokens[index].kind {
        case .trueValue: return true
        case .falseValue: return false
        default: return nil
        }
    }
}

/// An object key to look up, as UTF-8 bytes.
///
/// A literal key (`tape.value(object, "model")`) points at the program's static text: decoders look
/// up dozens of keys per log line, and copying each literal into a fresh array cost an allocation
/// per lookup (about 3% of a run's instructions). Keys made from a `String` own their bytes.
public struct JSONKey: Sendable, ExpressibleByStringLiteral {
    @usableFromInline let literal: StaticString?
    @usableFromInline let owned: [UInt8]

    public init(_ text: String) {
        literal = nil
        owned = Array(text.utf8)
    }

    public init(stringLiteral value: StaticString) {
        literal = value
        owned = []
    }

    /// Calls `body` with the key's UTF-8 bytes, without copying them.
    @inlinable public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        guard let literal else { return owned.withUnsafeBytes(body) }
        if literal.hasPointerRepresentation {
            return body(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
        return literal.withUTF8Buffer { body(UnsafeRawBufferPointer($0)) }
    }

    /// Length in UTF-8 bytes.
    @inlinable public var count: Int { withBytes { $0.count } }

    /// The key's UTF-8 bytes as an array (a copy; for messages and set-up, not per-lookup paths).
    public var bytes: [UInt8] { withBytes { Array($0) } }
}

@inlinable func memcmpEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    var index = 0
    while index + 8 <= count {
        if a.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            != b.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        {
            return false
        }
        index += 8
    }
    while index < count {
        if a.load(fromByteOffset: index, as: UInt8.self) != b.load(fromByteOffset: index, as: UInt8.self) {
            return false
        }
        index += 1
    }
    return true
}
