/// Where a decoder is in the inputs, for ids and messages.
public struct DecodeContext: Sendable {
    public var pathKey: String
    public var fileIndex: Int32
    public var line: Int64

    public init(pathKey: String, fileIndex: Int32, line: Int64) {
        self.pathKey = pathKey
        self.fileIndex = fileIndex
        self.line = line
    }
}

/// Turns the parsed JSON object of one line into call records. One decoder per format, all behind
/// this interface; a decoder may keep state across the lines of one file.
public protocol LogDecoder {
    /// Decodes one line's top-level object (`tape.root`).
    mutating func decode(_ tape: JSONTape, context: DecodeContext) throws(DecodeFailure) -> CallRecord
}
