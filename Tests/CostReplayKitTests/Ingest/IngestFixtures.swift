@testable import CostReplayKit

/// Envelope log lines for the ingest tests: ids `c1`, `c2`, … one second apart from
/// 2026-10-01T00:00:00Z, with varying filler so compressed data is not trivially repetitive.
enum IngestFixtures {
    static func lines(_ count: Int) -> [String] {
        (1...count).map { index in
            let seconds = index - 1
            let ts = "2026-10-01T" + pad(seconds / 3600) + ":" + pad(seconds / 60 % 60) + ":" + pad(seconds % 60) + "Z"
            let filler = String(repeating: "\(index * 7919 % 1000)-", count: index % 9)
            return envelopeLine(id: "c\(index)", ts: ts, user: "u\(index % 7) \(filler)", input: index, output: index % 13)
        }
    }

    /// The ids `c1`…`cN` of the first `count` lines.
    static func ids(_ count: Int) -> [String] { count == 0 ? [] : (1...count).map { "c\($0)" } }

    /// Lines joined with a newline after each.
    static func text(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }

    static func bytes(_ lines: [String]) -> [UInt8] { Array(text(lines).utf8) }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
