import CZlib
import Foundation
import XCTest

@testable import CostReplayKit

// Shared helpers of the CostReplayKit unit tests: temporary files, gzip fixtures, JSON tapes,
// envelope lines, reading files and replaying them, and a small CSV reader.

// MARK: - Temporary files

/// A fresh directory for one test's fixture files; `XCTestCase.makeTemporaryDirectory()` removes it
/// when the test ends.
struct TemporaryDirectory {
    let path: String

    /// The absolute path of `relative` inside the directory.
    func path(_ relative: String) -> String { path + "/" + relative }

    /// Writes `bytes` to `relative` (creating parent folders) and returns the full path.
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path(relative)
        let parent = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Writes UTF-8 `text` to `relative` and returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    /// Writes `prefix`, then `count` copies of `byte`, then `suffix`, streaming so a huge fixture is
    /// never held in memory. Returns the full path.
    @discardableResult
    func writeLarge(_ relative: String, prefix: String, repeating byte: UInt8, count: Int, suffix: String) throws -> String {
        let full = try write(relative, prefix)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: full))
        defer { try? handle.close() }
        try handle.seekToEnd()
        let chunk = Data(repeating: byte, count: 1 << 20)
        var remaining = count
        while remaining > 0 {
            let size = min(remaining, chunk.count)
            try handle.write(contentsOf: size == chunk.count ? chunk : chunk.prefix(size))
            remaining -= size
        }
        try handle.write(contentsOf: Data(suffix.utf8))
        return full
    }

    /// Creates the folder `relative` and returns its full path.
    @discardableResult
    func makeFolder(_ relative: String) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    /// Creates a symbolic link at `relative` pointing to `destination`.
    func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
    }
}

extension XCTestCase {
    /// A temporary directory removed in the test's teardown.
    func makeTemporaryDirectory() throws -> TemporaryDirectory {
        let path = FileManager.default.temporaryDirectory.path + "/costreplay-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return TemporaryDirectory(path: path)
    }
}

// MARK: - gzip fixtures (zlib, independent of the code under test)

enum Gzip {
    /// One gzip member of `bytes`.
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        compress(chunks: [bytes], level: level).bytes
    }

    /// One gzip member of the concatenated `chunks`, with a zlib full flush after every chunk but
    /// the last: each flush ends on a byte boundary with no back-references across it, so bytes
    /// after `flushOffsets[i]` decode independently of the chunks after `i`.
    static func compress(chunks: [[UInt8]], level: Int32 = 6) -> (bytes: [UInt8], flushOffsets: [Int]) {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer.
        let status = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2_ failed: \(status)")
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        var flushOffsets: [Int] = []
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        for (index, chunk) in chunks.enumerated() {
            let flush = index == chunks.count - 1 ? Z_FINISH : Z_FULL_FLUSH
            var input = chunk
            input.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                while true {
                    let result: Int32 = scratch.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        return deflate(&stream, flush)
                    }
                    output.append(contentsOf: scratch[0..<(scratch.count - Int(stream.avail_out))])
                    if flush == Z_FINISH {
                        if result == Z_STREAM_END { break }
                    } else if stream.avail_out != 0 {
                        break
                    }
                    precondition(result == Z_OK || result == Z_BUF_ERROR, "deflate failed: \(result)")
                }
            }
            if flush == Z_FULL_FLUSH { flushOffsets.append(output.count) }
        }
        return (output, flushOffsets)
    }

    /// Inflates every gzip member of `bytes`; `damaged` is true when the data ended early or was
    /// corrupt, in which case `output` holds what zlib produced before that.
    static func decompress(_ bytes: [UInt8]) -> (output: [UInt8], damaged: Bool) {
        var stream = z_stream()
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "inflateInit2_ failed: \(status)")
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        return input.withUnsafeMutableBufferPointer { source -> ([UInt8], Bool) in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let result: Int32 = scratch.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: scratch[0..<(scratch.count - Int(stream.avail_out))])
                switch result {
                case Z_STREAM_END:
                    if stream.avail_in == 0 { return (output, false) }
                    inflateReset(&stream)
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { return (output, true) }
                default:
                    return (output, true)
                }
            }
        }
    }
}

// MARK: - JSON tapes

/// Parses `text` into a tape and runs `body` while the bytes the tape points into are alive.
func withTape<T>(_ text: String, maxDepth: Int = 512, _ body: (JSONTape) throws -> T) throws -> T {
    try withTape(bytes: Array(text.utf8), maxDepth: maxDepth, body)
}

/// Parses `bytes` into a tape and runs `body` while they are alive.
func withTape<T>(bytes: [UInt8], maxDepth: Int = 512, _ body: (JSONTape) throws -> T) throws -> T {
    try bytes.withUnsafeBytes { buffer in
        var tape = JSONTape(maxDepth: maxDepth)
        try tape.parse(buffer)
        return try body(tape)
    }
}

/// The error parsing `text` throws, nil when it parses.
func jsonParseError(_ text: String, maxDepth: Int = 512) -> JSONParseError? {
    jsonParseError(bytes: Array(text.utf8), maxDepth: maxDepth)
}

/// The error parsing `bytes` throws, nil when they parse.
func jsonParseError(bytes: [UInt8], maxDepth: Int = 512) -> JSONParseError? {
    bytes.withUnsafeBytes { buffer -> JSONParseError? in
        var tape = JSONTape(maxDepth: maxDepth)
        do throws(JSONParseError) {
            try tape.parse(buffer)
            return nil
        } catch {
            return error
        }
    }
}

/// The RFC 8785 canonical form of the JSON text `text`.
func canonical(_ text: String) throws -> String {
    try withTape(text) { CanonicalJSON.string($0, $0.root) }
}

// MARK: - Envelope records

/// Decodes one envelope line as line `lineNumber` of file `pathKey`.
func decodeEnvelope(_ line: String, pathKey: String = "test.jsonl", lineNumber: Int64 = 1) throws -> CallRecord {
    try withTape(line) { tape in
        var decoder = EnvelopeDecoder(keepSystemText: true)
        return try decoder.decode(tape, context: DecodeContext(pathKey: pathKey, fileIndex: 0, line: lineNumber))
    }
}

/// The reason decoding `line` fails, nil when it decodes (a line that is not JSON fails the test).
func envelopeFailure(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> MalformedReason? {
    do {
        _ = try decodeEnvelope(line)
        return nil
    } catch let failure as DecodeFailure {
        return failure.reason
    } catch {
        XCTFail("not a decodable JSON line: \(error)", file: file, line: lineNumber)
        return nil
    }
}

/// A minimal envelope line for an Anthropic call (one per line of a fixture log).
func envelopeLine(
    id: String?, ts: String, model: String = "claude-test", user: String? = nil,
    session: String? = nil, input: Int = 100, output: Int = 10
) -> String {
    var members: [String] = []
    if let id { members.append(#""id":"\#(id)""#) }
    members.append(#""ts":"\#(ts)""#)
    members.append(#""model":"\#(model)""#)
    if let user { members.append(#""user":"\#(user)""#) }
    if let session { members.append(#""session":"\#(session)""#) }
    members.append(#""provider":"anthropic""#)
    members.append(#""response":{"type":"message","content":[],"usage":{"input_tokens":\#(input),"output_tokens":\#(output)}}"#)
    return "{" + members.joined(separator: ",") + "}"
}

// MARK: - Price books

/// A small price book from TOML text.
func priceBook(_ toml: String, source: String = "test-prices.toml") throws -> PriceBook {
    try PriceBookLoader.loadTOML(toml, source: source)
}

/// The price-book error `toml` produces, nil when it loads.
func priceBookError(_ toml: String) -> ConfigError? {
    do {
        _ = try PriceBookLoader.load(text: toml, source: "book.toml")
        return nil
    } catch {
        return error
    }
}

/// One model `claude-test` at $1 / $2 per million tokens: enough for ingest and replay tests.
let simpleBookTOML = """
    as_of = "2026-01-01"
    [[model]]
    id = "claude-test"
    provider = "anthropic"
    input = 1
    output = 2
    """

/// Exact dollars from decimal text.
func dollars(_ text: String) -> Money {
    guard let money = Money(dollarsText: text) else { preconditionFailure("not a decimal: \(text)") }
    return money
}

/// A UTC timestamp from SPEC §3.2 text.
func timestamp(_ text: String) -> Timestamp {
    guard let parsed = TimestampParser.parseText(text) else { preconditionFailure("not a timestamp: \(text)") }
    return parsed
}

// MARK: - Reading and replaying files

/// The process's peak resident memory so far, in bytes.
func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

/// One line as `LineBatchCutter` delivers it, copied out of its batch.
enum ReadLine: Equatable {
    case line(String, number: Int64)
    case tooLong(number: Int64)

    var number: Int64 {
        switch self {
        case .line(_, let number), .tooLong(let number): return number
        }
    }
}

/// Every line of `path`, through `LineBatchCutter`, in line-number order.
func readLines(_ path: String, targetSize: Int = 1 << 20, maxLineBytes: Int = 64 << 20) throws -> [ReadLine] {
    let cutter = LineBatchCutter(stream: try ByteStream(path: path), targetSize: targetSize, maxLineBytes: maxLineBytes)
    var lines: [ReadLine] = []
    while let batch = try cutter.next() {
        defer { batch.release() }
        var batchLines = batch.tooLongLines.map { ReadLine.tooLong(number: $0) }
        if !batch.bytes.isEmpty {
            var pieces = batch.bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            if batch.bytes.last == 0x0A { pieces.removeLast() }  // the final newline adds no line
            for (offset, piece) in pieces.enumerated() {
                let number = batch.firstLine + Int64(offset)
                // As BatchDecoder does: a line over the cap that fit in a batch is too long too.
                batchLines.append(
                    piece.count > batch.maxLineBytes
                        ? .tooLong(number: number) : .line(String(decoding: piece, as: UTF8.self), number: number))
            }
        }
        lines += batchLines.sorted { $0.number < $1.number }
    }
    return lines
}

/// The whole decompressed content of `path` through `ByteStream`, and the damage it found.
func readStream(_ path: String, bufferSize: Int = 4096) throws -> (bytes: [UInt8], damage: InputDamage?, isGzip: Bool) {
    let stream = try ByteStream(path: path)
    var bytes: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
        let count = try stream.read(into: buffer)
        if count == 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return (bytes, stream.damage, stream.isGzip)
}

/// What reading one file produced.
struct FileReadResult {
    /// Its unique calls in replay order.
    var records: [CallRecord]
    var stats: FileStats
    /// The first skipped lines.
    var malformed: [MalformedRecord]

    var ids: [String] { records.map(\.id) }
}

/// Reads one file as the only input of a replay (its path is its path key).
func readRecords(_ path: String, jobs: Int = 2, maxLatenessMicros: Int64 = 15 * 60 * 1_000_000) throws -> FileReadResult {
    var options = try simpleOptions()
    options.jobs = jobs
    options.maxLatenessMicros = maxLatenessMicros
    let (calls, summary) = try replay([InputFile(pathKey: path, path: path)], options: options)
    return FileReadResult(records: calls.map(\.record), stats: summary.files[0], malformed: summary.malformedExamples)
}

/// Replays `files` (in the order given, which callers take from `InputDiscovery`).
func replay(_ files: [InputFile], options: AnalysisOptions) throws -> (calls: [ReplayedCall], summary: InputSummary) {
    var calls: [ReplayedCall] = []
    let summary = try Replayer(options: options).run(files) { calls.append($0) }
    return (calls, summary)
}

/// Default analysis options over `simpleBookTOML`.
func simpleOptions() throws -> AnalysisOptions {
    AnalysisOptions(priceBook: try priceBook(simpleBookTOML))
}

// MARK: - CSV

/// Parses RFC 4180 CSV text (rows ending in LF or CRLF) into rows of cells.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
        if quoted {
            if scalar == "\"" {
                if characters.first == "\"" {
                    cell.unicodeScalars.append("\"")
                    characters.removeFirst()
                } else {
                    quoted = false
                }
            } else {
                cell.unicodeScalars.append(scalar)
            }
            continue
        }
        switch scalar {
        case "\"": quoted = true
        case ",":
            row.append(cell)
            cell = ""
        case "\r" where characters.first == "\n":
            break  // CRLF ends the row at its LF
        case "\n":
            row.append(cell)
            rows.append(row)
            row = []
            cell = ""
        default: cell.unicodeScalars.append(scalar)
        }
    }
    if !cell.isEmpty || !row.isEmpty {
        row.append(cell)
        rows.append(row)
    }
    return rows
}

/// CSV rows as dictionaries keyed by the header row.
func csvRecords(_ text: String) -> [[String: String]] {
    let rows = parseCSV(text)
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { row in
        var record: [String: String] = [:]
        for (index, name) in header.enumerated() { record[name] = index < row.count ? row[index] : "" }
        return record
    }
}
