/// One input to read, with the path key that orders it (SPEC §2).
public struct InputFile: Hashable, Sendable {
    /// The path as given, or the directory argument joined with the relative path; `-` for stdin.
    public var pathKey: String
    /// Where to open it (equal to the path key except for stdin).
    public var path: String
    /// Standard input.
    public var isStandardInput: Bool

    public init(pathKey: String, path: String, isStandardInput: Bool = false) {
        self.pathKey = pathKey
        self.path = path
        self.isStandardInput = isStandardInput
    }
}
