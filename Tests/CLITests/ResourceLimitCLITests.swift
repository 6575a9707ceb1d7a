import Foundation
import XCTest

/// Issue 7, resource limits at the command line: many files within a small descriptor limit, and an
/// output directory that cannot be written or fills up (exit 1, a clear message, no partial report,
/// the previous report untouched).
final class ResourceLimitCLITests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws { scratch = try CLIHarness.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    /// Runs the binary through `/bin/sh` with `limits` (shell commands such as `ulimit -n 64`) first.
    func runLimited(_ limits: String, _ arguments: [String]) throws -> CLIHarness.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", limits + " && exec \"$0\" \"$@\"", CLIHarness.binary.path] + arguments
        process.currentDirectoryURL = CLIHarness.packageRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = CLIHarness.ErrorDrain(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIHarness.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.finish(), as: UTF8.self))
    }

    /// 2,000 one-call files whose times overlap (all within the lateness window of each other) read
    /// with 64 descriptors: a file read to its end before its turn holds no descriptor.
    func testManyOverlappingSmallFilesDoNotExhaustDescriptors() throws {
        let logs = scratch.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        for index in 0..<2_000 {
            let seconds = index / 4
            let line =
                #"{"id":"c\#(index)","ts":"2026-10-01T00:\#(String(format: "%02d:%02d", seconds / 60, seconds % 60))Z","#
                + #""user":"u\#(index % 9)","model":"claude-opus-4-1","response":{"type":"message","usage":{"input_tokens":10,"output_tokens":1}}}"#
            try Data((line + "\n").utf8).write(to: logs.appendingPathComponent(String(format: "f%05d.jsonl", index)))
        }
        let out = scratch.appendingPathComponent("out")
        let result = try runLimited("ulimit -n 64", ["analyze", logs.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("Inputs: 2,000 files, 2,000 lines, 2,000 calls."), String(report.prefix(300)))
    }

    /// A previous report in `out`, then a run whose writes fail: exit 1, the report file named in
    /// the message, no temporary file left, the previous report byte for byte.
    func checkFailedWriteLeavesPreviousReport(limits: String, reason: String) throws {
        let out = scratch.appendingPathComponent("out")
        let first = try CLIHarness.run(["analyze", "fixtures/logs/edge-cases.jsonl", "--out", out.path, "--quiet"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try CLIHarness.contents(of: out)
        let result = try runLimited(limits, ["analyze", "fixtures/logs", "--out", out.path, "--quiet"])
        if result.stderr.contains("ThreadSanitizer:DEADLYSIGNAL") {
            throw XCTSkip("the thread sanitizer's runtime itself dies under a file-size limit")
        }
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.hasPrefix("costreplay: error: \(out.path)/calls.csv: cannot write: \(reason)"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertEqual(try CLIHarness.contents(of: out), before, "the previous report must be left as it was")
    }

    /// A file-size limit stands in for a full disk (the writes fail with EFBIG instead of ENOSPC).
    func testFullOutputIsAClearErrorAndLeavesThePreviousReport() throws {
        try checkFailedWriteLeavesPreviousReport(limits: "trap '' XFSZ; ulimit -f 64", reason: "File too large")
    }

    /// A real full disk: a 256 KiB tmpfs (only where this test may mount one, i.e. as root).
    func testFullDiskIsAClearErrorAndLeavesThePreviousReport() throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a tmpfs needs root") }
        let mountPoint = scratch.appendingPathComponent("tiny")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        guard shell("mount -t tmpfs -o size=256k tmpfs '\(mountPoint.path)'") == 0
        else { throw XCTSkip("cannot mount a tmpfs here") }
        defer { _ = shell("umount '\(mountPoint.path)'") }
        let out = mountPoint.appendingPathComponent("out")
        let first = try CLIHarness.run(["analyze", "fixtures/logs/edge-cases.jsonl", "--out", out.path, "--quiet"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try CLIHarness.contents(of: out)
        let result = try CLIHarness.run(["analyze", "fixtures/logs", "--out", out.path, "--quiet"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(": cannot write: No space left on device"), result.stderr)
        XCTAssertEqual(try CLIHarness.contents(of: out), before)
    }

    func testUnwritableOutputDirectoryIsAClearError() throws {
        // A directory nobody can create files in, root included.
        let result = try CLIHarness.run(["analyze", "fixtures/logs/edge-cases.jsonl", "--out", "/proc/self", "--quiet"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("costreplay: error: /proc/self"), result.stderr)
        // Below a regular file.
        let file = scratch.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let below = try CLIHarness.run(["analyze", "fixtures/logs/edge-cases.jsonl", "--out", file.path + "/out", "--quiet"])
        XCTAssertEqual(below.status, 1)
        XCTAssertTrue(below.stderr.contains("cannot create"), below.stderr)
        // Permissions (not enforced for root, who may write anywhere).
        if getuid() != 0 {
            let locked = scratch.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
            let denied = try CLIHarness.run(["analyze", "fixtures/logs/edge-cases.jsonl", "--out", locked.path, "--quiet"])
            XCTAssertEqual(denied.status, 1)
            XCTAssertTrue(denied.stderr.contains("Permission denied"), denied.stderr)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: locked.path), [])
        }
    }

    func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
