#if canImport(Glibc)
    import Glibc
#endif
import CostReplayKit
import Foundation

/// SIGINT, SIGTERM and SIGHUP stop a run cleanly (SPEC §7, issue 7): the temporary report files
/// are removed, the previous reports stay as they were, and the process ends by the signal itself
/// (a shell sees status 130 or 143, and a script running costreplay stops too).
///
/// No work happens in a signal handler. The signals are blocked in every thread (`install()` runs
/// first in `main`, before any thread exists, and threads inherit the mask) and one thread waits
/// for them with `sigwait`, so the cleanup is ordinary code: it takes the lock that `ReportDirectory`
/// holds while it creates a temporary file or renames the finished reports, removes the temporary
/// files it was told about, and re-raises the signal with its default action. An interrupt during
/// the commit therefore waits for the few renames: the directory holds either the previous run or
/// this one, never a mix.
final class InterruptCleanup: InterruptGuard, @unchecked Sendable {
    static let shared = InterruptCleanup()
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private var mutex = pthread_mutex_t()
    private var temporaryPaths: [String] = []
    /// Called (with the lock held) before the process ends, e.g. to clear the progress line.
    var beforeExit: (() -> Void)?

    private init() { pthread_mutex_init(&mutex, nil) }

    func lock() { pthread_mutex_lock(&mutex) }
    func unlock() { pthread_mutex_unlock(&mutex) }
    func willCreate(_ temporaryPath: String) { temporaryPaths.append(temporaryPath) }
    func forgetAll() { temporaryPaths = [] }

    /// Blocks the signals in this (the main) thread and starts the thread that waits for them.
    static func install() {
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let cleanup = shared
        let waiter = Thread {
            var set = signalSet()
            var received: Int32 = 0
            while sigwait(&set, &received) != 0 {}
            cleanup.stop(signal: received)
        }
        waiter.name = "costreplay-signals"
        waiter.start()
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }

    /// Removes the temporary files and ends the process by `signal`; never returns.
    private func stop(signal: Int32) -> Never {
        lock()  // held until the end: no report file is created or renamed after this point
        for path in temporaryPaths { unlink(path) }
        beforeExit?()
        let name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "SIGHUP"
        let note = temporaryPaths.isEmpty ? "" : "; no report written, previous reports left as they were"
        Diagnostics.write("costreplay: interrupted by \(name)\(note)\n")
        Glibc.signal(signal, SIG_DFL)
        var only = sigset_t()
        sigemptyset(&only)
        sigaddset(&only, signal)
        pthread_sigmask(SIG_UNBLOCK, &only, nil)
        raise(signal)
        _exit(128 + signal)  // not reached: the default action ends the process
    }
}
