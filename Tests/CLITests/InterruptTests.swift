import Foundation
import XCTest

/// SIGINT and SIGTERM mid-run (SPEC §7, issue 7): the run stops by the signal, its temporary files
/// are removed and the previous report in `--out` is left byte for byte.
final class InterruptTests: XCTestCase {
    nonisolated(unsafe) static var synthLog: URL?

    /// A synthetic log large enough that a debug build is still replaying it after half a second.
    func largeLog() throws -> URL {
        if let log = Self.synthLog { return log }
        let directory = try CLIHarness.temporaryDirectory()
        let log = directory.appendingPathComponent("synth.jsonl.gz")
        let result = try CLIHarness.run(["synth", "--out", log.path, "--calls", "20000", "--seed", "11"])
        XCTAssertEqual(result.status, 0, result.stderr)
        Self.synthLog = log
        return log
    }

    func checkInterrupt(_ send: (Process) -> Void, signal: Int32, name: String) throws {
        let log = try largeLog()
        let scratch = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let first = try CLIHarness.run(["analyze", "fixtures/logs/edge-cases.jsonl", "--out", out.path, "--quiet"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try CLIHarness.contents(of: out)

        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = ["analyze", log.path, "--out", out.path, "--quiet"]
        process.currentDirectoryURL = CLIHarness.packageRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the run has created its first temporary file, then half a second more.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline,
            try !FileManager.default.contentsOfDirectory(atPath: out.path).contains(where: { $0.contains(".tmp-") })
        {
            usleep(10_000)
        }
        usleep(500_000)
        XCTAssertTrue(process.isRunning, "the run ended before the signal: make the input larger")
        send(process)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, stderr)
        XCTAssertEqual(process.terminationStatus, signal, stderr)
        XCTAssertTrue(
            stderr.contains("costreplay: interrupted by \(name); no report written, previous reports left as they were"), stderr)
        XCTAssertEqual(try CLIHarness.contents(of: out), before, "temporary files left or the previous report changed")
    }

    func testSIGINTMidRunRemovesTemporaryFilesAndKeepsThePreviousReport() throws {
        try checkInterrupt({ $0.interrupt() }, signal: SIGINT, name: "SIGINT")
    }

    func testSIGTERMMidRunRemovesTemporaryFilesAndKeepsThePreviousReport() throws {
        try checkInterrupt({ $0.terminate() }, signal: SIGTERM, name: "SIGTERM")
    }
}
