import CostReplayKit
import Foundation

/// Reads small configuration files as text.
enum FileText {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError.unreadable(path: path, reason: "cannot open the file")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
