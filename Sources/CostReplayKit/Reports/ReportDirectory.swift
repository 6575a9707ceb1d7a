#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output directory. Every report is written under a temporary name and renamed when the
/// whole run is complete, so an interrupted run never leaves a partial report that looks finished
/// and keeps the previous reports intact (SPEC §7).
public final class ReportDirectory {
    public let path: String
    private var pending: [(temporary: String, final: String)] = []
    /// Lets an interrupt handler remove the temporary files without racing their creation or the
    /// commit (the CLI's `InterruptCleanup`).
    public var interruptGuard: InterruptGuard?

    /// Creates the directory (and parents) when missing.
    public init(path: String) throws(OutputError) {
        self.path = path
        try Self.makeDirectories(path)
        guard access(path, W_OK) == 0 else {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// A writer for report file `name`, written to a temporary name until `commit`.
    public func create(_ name: String) throws(OutputError) -> BufferedFileWriter {
        let finalPath = join(name)
        let temporary = join(".\(name).tmp-\(getpid())")
        interruptGuard?.lock()
        defer { interruptGuard?.unlock() }
        // Registered before it exists, so no interrupt can miss it.
        interruptGuard?.willCreate(temporary)
        let writer = try BufferedFileWriter(path: temporary, reportedPath: finalPath)
        pending.append((temporary, finalPath))
        return writer
    }

    /// Writes a whole file.
    public func write(_ name: String, _ contents: String) throws(OutputError) {
        let writer = try create(name)
        try writer.write(contents)
        try writer.close()
    }

    /// Renames every temporary file to its final name, then removes the files of `optional` this
    /// run did not write (a focus timeline left by an earlier `--focus` run would otherwise look
    /// like part of this one).
    public func commit(removingUnwritten optional: [String] = []) throws(OutputError) {
        // An interrupt waits for the renames, so the directory never holds half of a run.
        interruptGuard?.lock()
        defer {
            interruptGuard?.forgetAll()
            interruptGuard?.unlock()
        }
        for (temporary, final) in pending {
            guard rename(temporary, final) == 0 else {
                let reason = String(cString: strerror(errno))
                for (temporary, _) in pending { unlink(temporary) }  // abort() would take the lock again
                pending = []
                throw .cannotWrite(path: final, reason: reason)
            }
        }
        let written = Set(pending.map(\.final))
        for name in optional where !written.contains(join(name)) { unlink(join(name)) }
        pending = []
    }

    /// Removes every temporary file not yet committed.
    public func abort() {
        interruptGuard?.lock()
        defer {
            interruptGuard?.forgetAll()
            interruptGuard?.unlock()
        }
        for (temporary, _) in pending { unlink(temporary) }
        pending = []
    }

    /// Paths of temporary files not yet committed.
    public var temporaryPaths: [String] { pending.map(\.temporary) }

    func join(_ name: String) -> String { path.hasSuffix("/") ? path + name : path + "/" + name }

    static func makeDirectories(_ path: String) throws(OutputError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .cannotCreate(path: path, reason: "exists and is not a directory")
            }
            return
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if stat(prefix, &info) != 0 && mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw .cannotCreate(path: prefix, reason: String(cString: strerror(errno)))
            }
            prefix += "/"
        }
    }
}

/// Coordinates report files with an interrupt handler running on another thread: the handler takes
/// the lock, removes every temporary file it was told about and ends the process, so it never runs
/// in the middle of a file's creation or of the commit.
public protocol InterruptGuard: AnyObject {
    func lock()
    func unlock()
    /// A temporary file about to be created (called with the lock held).
    func willCreate(_ temporaryPath: String)
    /// The temporary files were renamed or removed (called with the lock held).
    func forgetAll()
}
