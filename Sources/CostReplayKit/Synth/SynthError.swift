import Foundation

/// Why `SynthGenerator.write` failed.
public enum SynthError: Error, LocalizedError, Equatable {
    /// The options cannot describe a log (negative calls, no days, …).
    case invalidOptions(String)
    /// The output file could not be created or opened.
    case cannotCreate(path: String, reason: String)
    /// Writing to the output failed part way (disk full, closed pipe, …).
    case writeFailed(path: String, reason: String)
    /// zlib refused to initialise or to compress.
    case compressionFailed(path: String, code: Int32)

    public var errorDescription: String? {
        switch self {
        case .invalidOptions(let message):
            return "synth: \(message)"
        case .cannotCreate(let path, let reason):
            return "\(path): cannot create the synthetic log: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): writing the synthetic log failed: \(reason)"
        case .compressionFailed(let path, let code):
            return "\(path): gzip compression failed (zlib error \(code))"
        }
    }
}
