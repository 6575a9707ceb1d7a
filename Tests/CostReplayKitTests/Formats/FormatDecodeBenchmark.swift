import Foundation
import XCTest

@testable import CostReplayKit

/// Decoding speed per format, one thread, decoders only (no replay, pricing or policies). Runs only
/// when `COSTREPLAY_FORMAT_BENCH` names a directory holding `envelope.jsonl` and the same calls
/// converted to other formats (`<format>.jsonl`); use a release build:
/// `COSTREPLAY_FORMAT_BENCH=/tmp/b swift test -c release --filter FormatDecodeBenchmark`.
final class FormatDecodeBenchmark: XCTestCase {
    func testDecodeSpeedPerFormat() throws {
        guard let directory = ProcessInfo.processInfo.environment["COSTREPLAY_FORMAT_BENCH"] else {
            throw XCTSkip("set COSTREPLAY_FORMAT_BENCH to a directory of converted logs")
        }
        var envelopeSeconds: Double?
        for format in LogFormat.allCases {
            let path = directory + "/" + format.rawValue + ".jsonl"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            var best = Double.infinity
            var bytes: Int64 = 0
            var records = 0
            for _ in 0..<3 {
                let cutter = LineBatchCutter(stream: try ByteStream(path: path), targetSize: 1 << 20)
                let settings = BatchDecodeSettings(
                    pathKey: path, fileIndex: 0, keepSystemText: false, unitCaches: [PromptUnitCache()])
                let cache = PromptUnitCache()
                var batches: [LineBatch] = []
                while let batch = try cutter.next() { batches.append(batch) }
                let start = DispatchTime.now().uptimeNanoseconds
                bytes = 0
                records = 0
                for batch in batches {
                    let decoded = BatchDecoder.decode(batch, format: format, settings: settings, unitCache: cache)
                    bytes += decoded.bytes
                    records += decoded.records.count
                }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                for batch in batches { batch.release() }
            }
            if format == .envelope { envelopeSeconds = best }
            let megabytes = Double(bytes) / 1_048_576
            print(
                "bench \(format.rawValue): \(String(format: "%.3f", best)) s, \(String(format: "%.0f", megabytes / best)) MB/s, "
                    + "\(String(format: "%.1f", best / Double(max(records, 1)) * 1e6)) µs/record, \(records) records"
                    + (envelopeSeconds.map { ", \(String(format: "%.2f", best / $0))× envelope time" } ?? ""))
        }
    }
}
