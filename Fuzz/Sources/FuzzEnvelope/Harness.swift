@testable import CostReplayKit

/// A batch of log lines through format detection and the decoders (envelope, and any other format
/// `BatchDecoder` dispatches to), then each call priced with the embedded book.
let book = PriceBookLoader.embedded()
let cache = PromptUnitCache(capacity: 64)

func fuzz(_ bytes: UnsafeRawBufferPointer) {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
    defer { buffer.deallocate() }
    if bytes.count > 0 { buffer.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
    let batch = LineBatch(
        sequence: 0, bytes: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count]), firstLine: 1,
        tooLongLines: [], byteCount: Int64(bytes.count), maxLineBytes: 64 << 20)
    let settings = BatchDecodeSettings(pathKey: "fuzz.jsonl", fileIndex: 0, keepSystemText: true, unitCaches: [cache])
    for format in [BatchDecoder.detectFormat(batch), LogFormat.envelope] {
        let decoded = BatchDecoder.decode(batch, format: format, settings: settings, unitCache: cache)
        for record in decoded.records {
            if let entry = book.entry(forLoggedModel: record.model, at: record.start), let usage = record.usage {
                _ = entry.cost(of: usage, serviceTier: record.serviceTier).roundedMicroDecimal
            }
            _ = record.start.isoMillis
            _ = record.end.isoMillis
        }
    }
}
