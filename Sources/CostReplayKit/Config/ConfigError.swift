/// An error in a price book or policy file, naming the file and the key path
/// (`policy.toml: budget[0].period: unknown period "fortnight"`).
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as named on the command line (or `embedded`).
    public var file: String
    /// Dotted key path with array indices, empty for file-level problems.
    public var keyPath: String
    public var message: String

    public init(file: String, keyPath: String, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        keyPath.isEmpty ? "\(file): \(message)" : "\(file): \(keyPath): \(message)"
    }
}
