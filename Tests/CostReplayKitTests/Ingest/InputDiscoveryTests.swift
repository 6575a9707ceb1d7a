import XCTest

@testable import CostReplayKit

/// SPEC §2: directories are walked recursively (links to directories not followed) for `.jsonl`,
/// `.json`, `.ndjson`, `.log`, each optionally `.gz`; files are ordered by path key, byte-wise.
final class InputDiscoveryTests: XCTestCase {
    func testWalksRecursivelyPicksLogNamesAndSortsByPathKey() throws {
        let directory = try makeTemporaryDirectory()
        let root = try directory.makeFolder("logs")
        for name in [
            "b.jsonl", "a.json.gz", "c.ndjson", "d.log", "e.ndjson.gz", "notes.txt", "f.jsonl.bz2", "g.gz", "jsonl",
            "sub/x.jsonl", "sub/deeper/y.log.gz", "sub/deeper/readme.md",
        ] {
            try directory.write("logs/" + name, "{}\n")
        }
        let found = try InputDiscovery.discover([root])
        XCTAssertEqual(
            found.map(\.pathKey),
            [
                "a.json.gz", "b.jsonl", "c.ndjson", "d.log", "e.ndjson.gz", "sub/deeper/y.log.gz", "sub/x.jsonl",
            ].map { root + "/" + $0 })
        XCTAssertEqual(found.map(\.path), found.map(\.pathKey))
        XCTAssertFalse(found.contains { $0.isStandardInput })
    }

    func testPathKeysCompareByteWise() throws {
        let directory = try makeTemporaryDirectory()
        let root = try directory.makeFolder("logs")
        for name in ["a.jsonl", "B.jsonl", "a-b.jsonl", "a_b.jsonl", "é.jsonl", "z.jsonl", "a/b.jsonl"] {
            try directory.write("logs/" + name, "{}\n")
        }
        let found = try InputDiscovery.discover([root])
        // '-' 0x2D < '.' 0x2E < '/' 0x2F < 'B' 0x42 < '_' 0x5F < 'a' 0x61 < 'z' 0x7A < 'é' 0xC3 0xA9
        XCTAssertEqual(
            found.map(\.pathKey),
            ["B.jsonl", "a-b.jsonl", "a.jsonl", "a/b.jsonl", "a_b.jsonl", "z.jsonl", "é.jsonl"]
                .map { root + "/" + $0 })
    }

    func testSymbolicLinksToDirectoriesAreNotFollowed() throws {
        let directory = try makeTemporaryDirectory()
        let root = try directory.makeFolder("logs")
        try directory.write("logs/real/a.jsonl", "{}\n")
        let outside = try directory.makeFolder("elsewhere")
        try directory.write("elsewhere/b.jsonl", "{}\n")
        try directory.symlink("logs/linked-inside", to: root + "/real")
        try directory.symlink("logs/linked-outside", to: outside)
        let found = try InputDiscovery.discover([root])
        XCTAssertEqual(found.map(\.pathKey), [root + "/real/a.jsonl"])
    }

    func testSymbolicLinksToFilesAreRead() throws {
        let directory = try makeTemporaryDirectory()
        let root = try directory.makeFolder("logs")
        let target = try directory.write("elsewhere/target.jsonl", "{}\n")
        try directory.symlink("logs/link.jsonl", to: target)
        XCTAssertEqual(try InputDiscovery.discover([root]).map(\.pathKey), [root + "/link.jsonl"])
    }

    func testDirectoryArgumentWithTrailingSlashJoinsCleanly() throws {
        let directory = try makeTemporaryDirectory()
        let root = try directory.makeFolder("logs")
        try directory.write("logs/sub/a.jsonl", "{}\n")
        XCTAssertEqual(try InputDiscovery.discover([root + "/"]).map(\.pathKey), [root + "/sub/a.jsonl"])
    }

    func testNamedFilesAreReadWhateverTheirNameAndEverythingIsSorted() throws {
        let directory = try makeTemporaryDirectory()
        let notes = try directory.write("z-notes.txt", "{}\n")
        let root = try directory.makeFolder("logs")
        try directory.write("logs/a.jsonl", "{}\n")
        let found = try InputDiscovery.discover([notes, root, "-", notes])
        XCTAssertEqual(found.map(\.pathKey), ["-", root + "/a.jsonl", notes])
        XCTAssertEqual(found.map(\.isStandardInput), [true, false, false])
    }

    func testMissingInputIsAnError() {
        XCTAssertThrowsError(try InputDiscovery.discover(["/nonexistent/costreplay-input"])) { error in
            XCTAssertEqual(error as? IngestError, .missing(path: "/nonexistent/costreplay-input"))
        }
    }

    func testLogNames() {
        for name in ["a.jsonl", "a.json", "a.ndjson", "a.log", "a.jsonl.gz", "a.json.gz", "a.ndjson.gz", "a.log.gz"] {
            XCTAssertTrue(InputDiscovery.isLogName(name), name)
        }
        for name in ["a.txt", "a.gz", "a.jsonl.zip", "a.log.gz.gz", "a.jsonl.old", "jsonl", "a.csv"] {
            XCTAssertFalse(InputDiscovery.isLogName(name), name)
        }
    }
}

/// Issue 7: the address sanitizer found the directory walk copying each entry's whole 256-byte name
/// field, reading past short entries at the end of readdir's buffer. Names are now read in place;
/// this test (run under scripts/sanitizers.sh address) walks many entries with names of every length.
final class InputDiscoveryNameTests: XCTestCase {
    func testNamesOfEveryLengthAreReadWhole() throws {
        let directory = try makeTemporaryDirectory()
        var expected: [String] = []
        for length in stride(from: 1, through: 249, by: 4) {
            let name = String(repeating: "n", count: length) + ".jsonl"
            try directory.write(name, "")
            expected.append(directory.path(name))
        }
        let found = try InputDiscovery.discover([directory.path]).map(\.path)
        XCTAssertEqual(found, expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}
