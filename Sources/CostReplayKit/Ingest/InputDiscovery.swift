#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns command-line inputs into the ordered list of files to read (SPEC §2).
public enum InputDiscovery {
    /// Endings of log files picked up when walking a directory (each optionally followed by `.gz`).
    public static let logExtensions = [".jsonl", ".json", ".ndjson", ".log"]

    /// Expands files, directories (recursively, not following symbolic links to directories) and
    /// `-`, and sorts by path key (byte-wise UTF-8). Duplicated paths are read once.
    public static func discover(_ arguments: [String]) throws(IngestError) -> [InputFile] {
        var files: [InputFile] = []
        for argument in arguments {
            if argument == "-" {
                files.append(InputFile(pathKey: "-", path: "-", isStandardInput: true))
                continue
            }
            var info = stat()
            guard stat(argument, &info) == 0 else { throw .missing(path: argument) }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try walk(directory: argument, relative: "", into: &files, root: argument)
            } else {
                files.append(InputFile(pathKey: argument, path: argument))
            }
        }
        var seen = Set<String>()
        files = files.filter { seen.insert($0.pathKey).inserted }
        files.sort { $0.pathKey.utf8.lexicographicallyPrecedes($1.pathKey.utf8) }
        return files
    }

    /// Whether a file found in a directory walk is a log by its name.
    public static func isLogName(_ name: String) -> Bool {
        let lower = name.lowercased()
        let base = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
        return logExtensions.contains { base.hasSuffix($0) }
    }

    private static func walk(directory: String, relative: String, into files: inout [InputFile], root: String) throws(IngestError)
    {
        let fullPath = relative.isEmpty ? directory : join(root, relative)
        guard let handle = opendir(fullPath) else {
            throw .unreadable(path: fullPath, reason: String(cString: strerror(errno)))
        }
        defer { closedir(handle) }
        var entries: [String] = []
        while let entry = readdir(handle) {
            // The name is read in place: copying the whole 256-byte `d_name` reads past a short
            // entry at the end of readdir's buffer (found by the address sanitizer).
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            entries.append(name)
        }
        for name in entries {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childPath = join(root, childRelative)
            var info = stat()
            // lstat: a symbolic link to a directory is not followed; a link to a file is read.
            guard lstat(childPath, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                try walk(directory: directory, relative: childRelative, into: &files, root: root)
            } else if type == S_IFLNK {
                var target = stat()
                if stat(childPath, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG, isLogName(name) {
                    files.append(InputFile(pathKey: childPath, path: childPath))
                }
            } else if type == S_IFREG, isLogName(name) {
                files.append(InputFile(pathKey: childPath, path: childPath))
            }
        }
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
