import CZlib
import Foundation
import XCTest

@testable import CostReplayKit

/// Helpers of the synth tests: temporary files, gunzip, lines.
enum SynthTestSupport {
    /// A fresh path in a fresh temporary directory.
    static func temporaryPath(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("synth-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    /// Inflates every gzip member of `data` (the writer emits one member per chunk), as the
    /// product's reader must: after Z_STREAM_END, reset and go on while input remains.
    static func gunzip(_ data: Data) throws -> Data {
        var stream = z_stream()
        var rc = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else { throw GunzipError(code: rc) }
        defer { inflateEnd(&stream) }
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let input = [UInt8](data)
        try input.withUnsafeBufferPointer { inp in
            stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
            stream.avail_in = UInt32(inp.count)
            while true {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { buf in
                    stream.next_out = buf.baseAddress
                    stream.avail_out = UInt32(buf.count)
                    rc = inflate(&stream, Z_NO_FLUSH)
                    return buf.count - Int(stream.avail_out)
                }
                out.append(contentsOf: chunk[0..<produced])
                if rc == Z_STREAM_END {
                    if stream.avail_in == 0 { break }
                    rc = inflateReset(&stream)
                    guard rc == Z_OK else { throw GunzipError(code: rc) }
                    continue
                }
                guard rc == Z_OK else { throw GunzipError(code: rc) }
                if stream.avail_in == 0 && produced == 0 { throw GunzipError(code: Z_BUF_ERROR) }  // truncated
            }
        }
        return out
    }

    struct GunzipError: Error {
        let code: Int32
    }

    /// The lines of a log (no final empty line).
    static func lines(_ data: Data) -> [Data] {
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Data($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func object(_ line: Data, file: StaticString = #filePath, line number: UInt = #line) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: line)
        return try XCTUnwrap(value as? [String: Any], "line is not a JSON object", file: file, line: number)
    }
}

/// One 2,000-call gzip log, generated once for the tests that only read it.
struct SynthFixture: Sendable {
    let summary: SynthSummary
    let lines: [Data]

    static let twoThousand: Result<SynthFixture, SynthFixtureError> = {
        do {
            let path = try SynthTestSupport.temporaryPath("fixture.jsonl.gz")
            let summary = try SynthGenerator.write(to: path, options: SynthOptions(calls: 2000, seed: 42))
            let data = try SynthTestSupport.gunzip(try Data(contentsOf: URL(fileURLWithPath: path)))
            try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
            return .success(SynthFixture(summary: summary, lines: SynthTestSupport.lines(data)))
        } catch {
            return .failure(SynthFixtureError(message: "\(error)"))
        }
    }()
}

struct SynthFixtureError: Error {
    let message: String
}
