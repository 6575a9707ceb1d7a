import Foundation
import XCTest

@testable import CostReplayKit

/// Path of a fixture under `fixtures/formats/` (written from each format's public documentation;
/// see the README there).
func formatFixture(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/formats/" + relative).path
}

/// Reads a format fixture through the whole ingest pipeline (detection, decoding, order, duplicates).
func readFormatFixture(_ relative: String) throws -> FileReadResult {
    try readRecords(formatFixture(relative))
}

extension FileReadResult {
    /// The record with call id `id` (fails the test when missing).
    func record(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> CallRecord {
        try XCTUnwrap(records.first { $0.id == id }, "no call \(id) among \(ids)", file: file, line: line)
    }

    /// Malformed reasons by line number.
    var malformedLines: [Int64: MalformedReason] {
        Dictionary(malformed.map { ($0.line, $0.reason) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Decodes one line with a format decoder (no pipeline), for focused mapping tests.
func decodeLine<D: LogDecoder>(_ line: String, with decoder: inout D, pathKey: String = "t.jsonl") throws -> DecodeOutput {
    try withTape(line) { tape in
        var output = DecodeOutput()
        try decoder.decode(tape, context: DecodeContext(pathKey: pathKey, fileIndex: 0, line: 1), into: &output)
        return output
    }
}
