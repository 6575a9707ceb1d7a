/// Decodes the escapes of a JSON string's raw contents into UTF-8 bytes.
///
/// Unpaired surrogate escapes become U+FFFD, as invalid UTF-8 does everywhere else in the tool.
enum JSONStringDecoder {
    static func decode(_ raw: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        let count = raw.count
        while index < count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < count else {
                out.append(byte)
                index += 1
                continue
            }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4(raw, index) else { out.append(contentsOf: [0xEF, 0xBF, 0xBD]); continue }
                index += 4
                var scalar = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit) {
                    if index + 6 <= count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u"),
                        let low = hex4(raw, index + 2), (0xDC00...0xDFFF).contains(low)
                    {
                        scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                        index += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(unit) {
                    scalar = 0xFFFD
                }
                appendUTF8(scalar, to: &out)
            default: out.append(escape)  // \" \\ \/
            }
        }
        return out
    }

    static func hex4(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt16? {
        guard at + 4 <= raw.count else { return nil }
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = raw[at + offset]
            let digit: UInt16
            switch byte {
            case 48...57: digit = UInt16(byte - 48)
            case 65...70: digit = UInt16(byte - 55)
            case 97...102: digit = UInt16(byte - 87)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
