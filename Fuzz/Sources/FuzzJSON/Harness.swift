@testable import CostReplayKit

/// The JSON tape parser on arbitrary bytes; for documents it accepts, every accessor, and the RFC
/// 8785 canonical form, which must itself parse and be a fixed point.
func fuzz(_ bytes: UnsafeRawBufferPointer) {
    var tape = JSONTape()
    do { try tape.parse(bytes) } catch { return }
    walk(tape, tape.root)
    var sink = ByteArraySink()
    CanonicalJSON.write(tape, tape.root, to: &sink)
    let canonical = sink.bytes
    var again = JSONTape()
    canonical.withUnsafeBytes { raw in
        do { try again.parse(raw) } catch {
            fatalError("canonical JSON does not parse: \(String(decoding: canonical, as: UTF8.self))")
        }
        var second = ByteArraySink()
        CanonicalJSON.write(again, again.root, to: &second)
        precondition(second.bytes == canonical, "canonical JSON is not a fixed point")
    }
}

func walk(_ tape: JSONTape, _ index: Int) {
    switch tape.kind(index) {
    case .object:
        tape.forEachMember(index) { key, value in
            _ = tape.string(key)
            walk(tape, value)
        }
        _ = tape.value(index, "model")
    case .array:
        tape.forEachElement(index) { walk(tape, $0) }
        _ = tape.firstElement(index)
        _ = tape.lastElement(index)
    case .string:
        _ = tape.string(index)
        _ = tape.decodedStringBytes(index)
    case .number:
        _ = tape.integer(index)
        _ = tape.numberText(index)
        _ = DecimalParts(tape.rawBytes(index))
    default:
        _ = tape.bool(index)
    }
}
