@testable import CostReplayKit

/// `--attribution` CSV files.
func fuzz(_ bytes: UnsafeRawBufferPointer) {
    _ = try? AttributionTable(text: String(decoding: bytes, as: UTF8.self), source: "fuzz.csv")
}
