#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ArgumentParser
import CostReplayKit
import Foundation

/// Prints `costreplay: error: …` diagnostics and the progress line on stderr.
enum Diagnostics {
    static func error(_ message: String) {
        write("costreplay: error: \(TerminalText.printable(message))\n")
    }

    static func warning(_ message: String) {
        write("costreplay: warning: \(TerminalText.printable(message))\n")
    }

    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// The message a user sees for an error thrown by the library.
    static func message(for error: Error) -> String {
        switch error {
        case let error as ConfigError: return error.description
        case let error as IngestError: return error.description
        case let error as OutputError: return error.description
        case let error as LocalizedError: return error.errorDescription ?? "\(error)"
        default: return "\(error)"
        }
    }

    /// Runs `body`, turning library errors into a diagnostic and exit status 1.
    static func fatalOnError<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            self.error(message(for: error))
            throw ExitCode(1)
        }
    }
}
