/// Small readers shared by the format decoders.
enum FormatFields {
    /// A timestamp value in the grammar of SPEC §3.2: a text timestamp or a number of epoch
    /// seconds (milliseconds above 1e11). Throws `bad-timestamp` for anything else.
    static func timestamp(_ tape: JSONTape, _ index: Int, key: String) throws(DecodeFailure) -> Timestamp {
        let parsed: Timestamp?
        switch tape.kind(index) {
        case .string:
            parsed = tape.isEscaped(index) ? nil : TimestampParser.parseText(tape.rawBytes(index))
        case .number:
            parsed = TimestampParser.parseEpochNumber(tape.rawBytes(index))
        default:
            parsed = nil
        }
        guard let parsed else {
            let raw = String(decoding: tape.rawBytes(index).prefix(40), as: UTF8.self)
            throw DecodeFailure(.badTimestamp, "\(key) \"\(raw)\" is not a timestamp")
        }
        return parsed
    }

    /// The value at `index` when it is an object.
    static func object(_ tape: JSONTape, _ index: Int?) -> Int? {
        guard let index, tape.kind(index) == .object else { return nil }
        return index
    }

    /// `object[key]` when it is an object.
    static func object(_ tape: JSONTape, _ parent: Int?, _ key: JSONKey) -> Int? {
        guard let parent, tape.kind(parent) == .object else { return nil }
        return object(tape, tape.value(parent, key))
    }

    /// A non-empty string member.
    static func string(_ tape: JSONTape, _ parent: Int?, _ key: JSONKey) -> String? {
        guard let parent, tape.kind(parent) == .object else { return nil }
        return EnvelopeDecoder.nonEmptyString(tape, parent, key)
    }

    /// An id: a non-empty string, or a number's text.
    static func identifier(_ tape: JSONTape, _ parent: Int?, _ key: JSONKey) -> String? {
        guard let parent, tape.kind(parent) == .object else { return nil }
        return EnvelopeDecoder.identifier(tape, tape.value(parent, key))
    }

    /// An HTTP-like status: a number or a numeric string.
    static func status(_ tape: JSONTape, _ index: Int?) -> Int? {
        guard let index else { return nil }
        if let value = tape.integer(index) { return Int(clamping: value) }
        if let text = tape.string(index), let value = Int(text) { return value }
        return nil
    }

    /// Whether `key` is present with a non-null value.
    static func present(_ tape: JSONTape, _ parent: Int?, _ key: JSONKey) -> Bool {
        guard let parent, tape.kind(parent) == .object, let index = tape.value(parent, key) else { return false }
        return !tape.isNull(index)
    }
}

/// Builds a JSON object from members of other values and parses it into its own tape, for formats
/// whose request body is spread over several fields (LiteLLM: `model_parameters` + `model` +
/// `messages`). The buffer and tape are reused from line to line.
final class SyntheticObject {
    private var bytes: [UInt8] = []
    /// The tape points into this buffer (grown by doubling, freed with the object).
    private var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private(set) var tape = JSONTape()
    private var members = 0

    init() {}

    deinit { storage.deallocate() }

    func begin() {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(ascii: "{"))
        members = 0
    }

    /// Appends a member whose key is `key` (raw JSON string contents) and value the source text of
    /// `value` in `source`.
    func add(rawKey key: UnsafeRawBufferPointer, value: Int, of source: JSONTape) {
        if members > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: key)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        bytes.append(contentsOf: source.span(value))
        members += 1
    }

    func add(_ key: String, value: Int, of source: JSONTape) {
        var name = key
        name.withUTF8 { add(rawKey: UnsafeRawBufferPointer($0), value: value, of: source) }
    }

    /// Closes the object and parses it; nil when it does not parse (it always should).
    func finish() -> Int? {
        bytes.append(UInt8(ascii: "}"))
        if storage.count < bytes.count {
            storage.deallocate()
            storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 2 * storage.count, 4096), alignment: 8)
        }
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        let parsed = UnsafeRawBufferPointer(rebasing: storage[0..<bytes.count])
        return (try? tape.parse(parsed)) != nil ? tape.root : nil
    }
}
