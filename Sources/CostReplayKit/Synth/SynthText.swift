/// Filler text of the bodies: prose, code, shell output, paths — cheap to make, with the byte
/// mix of real logs (quotes, newlines, tabs and some non-ASCII UTF-8, so escaping is exercised).
enum SynthText {
    static let words: [[UInt8]] = """
        the a of to and for with on in is that this by from at as be we it not or are an if will \
        build cache token session policy deploy merge parse filter query index request response error \
        retry timeout latency worker queue shard replica config module function handler stream buffer \
        metric alert trace span schema table column user team account price budget invoice billing \
        refund order payment customer ticket issue review commit branch test search ranking lookup \
        decode encode hash key value node pod service path file line log migration rollout feature \
        flag window limit quota result report export import client server gateway endpoint payload \
        field record batch job pipeline model prompt context tool agent loop step state event
        """.split(separator: " ").map { Array($0.utf8) }

    static let verbs: [[UInt8]] = """
        get set load save parse build check apply merge fetch send update delete create resolve \
        compute render validate normalize retry flush encode decode split join sort filter map
        """.split(separator: " ").map { Array($0.utf8) }

    static let nouns: [[UInt8]] = """
        order invoice refund customer account ticket payment budget price quota token session \
        request response record batch report config cache index schema table column event metric \
        span trace user team node shard replica queue worker handler client stream buffer window
        """.split(separator: " ").map { Array($0.utf8) }

    /// Words seen in real prompts that are not ASCII: names, loanwords, other scripts.
    static let foreign: [[UInt8]] = [
        "naïve", "café", "déjà vu", "façade", "Zürich", "São Paulo", "Kraków",
        "東京", "résumé", "piñata", "Ελλάδα", "München", "coöperate",
    ].map { Array($0.utf8) }

    // MARK: prose

    /// Appends sentences until at least `bytes` bytes were added.
    static func prose(_ rng: inout SynthRandom, bytes target: Int, into out: inout [UInt8]) {
        let end = out.count + max(target, 1)
        var first = true
        while out.count < end {
            if !first { out.append(UInt8(ascii: " ")) }
            first = false
            sentence(&rng, into: &out)
        }
    }

    static func prose(_ rng: inout SynthRandom, bytes target: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(target + 120)
        prose(&rng, bytes: target, into: &out)
        return out
    }

    static func sentence(_ rng: inout SynthRandom, into out: inout [UInt8]) {
        let n = rng.int(5, 15)
        for i in 0..<n {
            if i > 0 { out.append(UInt8(ascii: " ")) }
            if rng.below(100) == 0 {
                out.append(contentsOf: rng.pick(foreign))
                continue
            }
            let w = words[rng.below(words.count)]
            if i == 0 {
                out.append(w[0] &- 32)  // capitalize: every word starts with a lower-case letter
                out.append(contentsOf: w[1...])
            } else {
                out.append(contentsOf: w)
            }
        }
        switch rng.below(12) {
        case 0: out.append(UInt8(ascii: "?"))
        case 1:
            synthAppend(": \"", to: &out)
            out.append(contentsOf: words[rng.below(words.count)])
            synthAppend("\".", to: &out)
        default: out.append(UInt8(ascii: "."))
        }
    }

    // MARK: code

    /// Python-like source of about `bytes` bytes: newlines, indentation, quotes and backslashes.
    static func code(_ rng: inout SynthRandom, bytes target: Int, into out: inout [UInt8]) {
        let end = out.count + max(target, 1)
        var indent = 0
        while out.count < end {
            if indent == 0 {
                synthAppend("def ", to: &out)
                identifier(&rng, into: &out)
                out.append(UInt8(ascii: "("))
                out.append(contentsOf: rng.pick(nouns))
                synthAppend(", limit=", to: &out)
                SynthJSONWriter.appendDecimal(Int64(rng.int(1, 500)), to: &out)
                synthAppend("):\n", to: &out)
                indent = 1
                continue
            }
            for _ in 0..<indent { out.append(contentsOf: [32, 32, 32, 32]) }
            switch rng.below(9) {
            case 0:
                synthAppend("\"\"\"", to: &out)
                sentence(&rng, into: &out)
                synthAppend("\"\"\"\n", to: &out)
            case 1:
                synthAppend("if ", to: &out)
                out.append(contentsOf: rng.pick(nouns))
                synthAppend(" is None:\n", to: &out)
                if indent < 3 { indent += 1 }
            case 2:
                synthAppend("for ", to: &out)
                out.append(contentsOf: rng.pick(nouns))
                synthAppend(" in ", to: &out)
                out.append(contentsOf: rng.pick(nouns))
                synthAppend("s:\n", to: &out)
                if indent < 3 { indent += 1 }
            case 3:
                synthAppend("return ", to: &out)
                identifier(&rng, into: &out)
                out.append(UInt8(ascii: "("))
                out.append(contentsOf: rng.pick(nouns))
                synthAppend(")\n", to: &out)
                indent -= 1
            case 4:
                synthAppend("log.info(\"", to: &out)
                out.append(contentsOf: rng.pick(verbs))
                synthAppend("ing %s\\t%d\", ", to: &out)
                out.append(contentsOf: rng.pick(nouns))
                synthAppend(", len(", to: &out)
                out.append(contentsOf: rng.pick(nouns))
                synthAppend("))\n", to: &out)
            case 5:
                synthAppend("raise ValueError(f\"bad ", to: &out)
                out.append(contentsOf: rng.pick(nouns))
                synthAppend(": {", to: &out)
                out.append(contentsOf: rng.pick(nouns))
                synthAppend("!r}\")\n", to: &out)
                indent -= 1
            default:
                out.append(contentsOf: rng.pick(nouns))
                out.append(UInt8(ascii: "_"))
                out.append(contentsOf: rng.pick(nouns))
                synthAppend(" = ", to: &out)
                identifier(&rng, into: &out)
                out.append(UInt8(ascii: "("))
                out.append(contentsOf: rng.pick(nouns))
                synthAppend(", key='", to: &out)
                out.append(contentsOf: rng.pick(words))
                synthAppend("')\n", to: &out)
            }
            if indent == 0 { out.append(UInt8(ascii: "\n")) }
        }
    }

    /// `verb_noun`
    static func identifier(_ rng: inout SynthRandom, into out: inout [UInt8]) {
        out.append(contentsOf: rng.pick(verbs))
        out.append(UInt8(ascii: "_"))
        out.append(contentsOf: rng.pick(nouns))
    }

    static func identifier(_ rng: inout SynthRandom) -> String {
        var out: [UInt8] = []
        identifier(&rng, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `src/<noun>/<verb>_<noun>.py`
    static func path(_ rng: inout SynthRandom, ext: String = "py") -> String {
        var out: [UInt8] = Array("src/".utf8)
        out.append(contentsOf: rng.pick(nouns))
        out.append(UInt8(ascii: "/"))
        identifier(&rng, into: &out)
        out.append(UInt8(ascii: "."))
        out.append(contentsOf: Array(ext.utf8))
        return String(decoding: out, as: UTF8.self)
    }

    /// Test-runner output: passes, a failure with a traceback, a summary line.
    static func shellOutput(_ rng: inout SynthRandom, bytes target: Int, failing: Bool, into out: inout [UInt8]) {
        let end = out.count + max(target, 1)
        while out.count < end {
            synthAppend("tests/test_", to: &out)
            identifier(&rng, into: &out)
            synthAppend(".py::test_", to: &out)
            identifier(&rng, into: &out)
            synthAppend(rng.below(9) == 0 ? " FAILED\n" : " PASSED\n", to: &out)
        }
        if failing {
            synthAppend("E   AssertionError: expected '", to: &out)
            out.append(contentsOf: rng.pick(nouns))
            synthAppend("' got None\n\t at ", to: &out)
            identifier(&rng, into: &out)
            synthAppend(" (line ", to: &out)
            SynthJSONWriter.appendDecimal(Int64(rng.int(10, 900)), to: &out)
            synthAppend(")\n=== 1 failed, ", to: &out)
        } else {
            synthAppend("=== ", to: &out)
        }
        SynthJSONWriter.appendDecimal(Int64(rng.int(5, 300)), to: &out)
        synthAppend(" passed in ", to: &out)
        SynthJSONWriter.appendDecimal(Int64(rng.int(1, 90)), to: &out)
        synthAppend("s ===", to: &out)
    }

    /// Base-62 characters, for provider ids such as `msg_01…` and `call_…`.
    private static let alphabet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func providerID(_ rng: inout SynthRandom, prefix: StaticString, length: Int, hex: Bool = false) -> String {
        var out = [UInt8](UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        out.reserveCapacity(out.count + length)
        let table = hex ? hexDigits : alphabet
        var bits = rng.next()
        var left = 10
        for _ in 0..<length {
            if left == 0 {
                bits = rng.next()
                left = 10
            }
            out.append(table[Int(bits & 63) % table.count])
            bits >>= 6
            left -= 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Appends a literal's UTF-8 bytes without building an intermediate array.
@inline(__always)
func synthAppend(_ s: StaticString, to out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
}
