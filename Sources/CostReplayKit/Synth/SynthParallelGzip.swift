import Foundation

/// Compresses the chunks of one output on worker threads, each chunk an independent gzip member
/// (as pigz and bgzip do), and hands the members back in submission order.
///
/// Deflate is the bottleneck of a synth run (about 6 ms per uncompressed MB at level 1 against
/// 1 ms to generate it); a member per chunk lets every core compress. Concatenated members are
/// one valid gzip file (RFC 1952) that `gzip -dc` and costreplay read whole. The output does not
/// depend on scheduling: chunk boundaries come from the line sizes, each member only from its chunk.
///
/// Threads, not Swift concurrency tasks: the submitting thread blocks when too many chunks are in
/// flight, which must not happen on the cooperative pool.
final class SynthParallelGzip: @unchecked Sendable {
    // All mutable state below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [(sequence: Int, chunk: [UInt8])] = []
    private var queueHead = 0
    private var finished: [Int: Result<[UInt8], SynthDeflateFailure>] = [:]
    private var submitted = 0
    private var delivered = 0
    private var stopping = false
    private let maxInFlight: Int

    init(workers: Int, level: Int32) {
        maxInFlight = workers * 2
        for _ in 0..<workers {
            let thread = Thread { [self] in work(level: level) }
            thread.name = "synth-gzip"
            thread.start()
        }
    }

    /// Queues `chunk`; returns the members now ready in order. Blocks while too many chunks wait.
    func submit(_ chunk: [UInt8]) throws(SynthDeflateFailure) -> [[UInt8]] {
        condition.lock()
        defer { condition.unlock() }
        queue.append((submitted, chunk))
        submitted += 1
        condition.broadcast()
        while submitted - delivered > maxInFlight && finished[delivered] == nil {
            condition.wait()
        }
        return try collect()
    }

    /// Waits for every chunk; returns the remaining members in order and stops the workers.
    func finish() throws(SynthDeflateFailure) -> [[UInt8]] {
        condition.lock()
        defer { condition.unlock() }
        while delivered + finished.count < submitted {
            condition.wait()
        }
        let members = try collect()
        stopping = true
        condition.broadcast()
        return members
    }

    /// Stops the workers without waiting for queued chunks (after an error).
    func cancel() {
        condition.lock()
        stopping = true
        queue.removeAll()
        queueHead = 0
        condition.broadcast()
        condition.unlock()
    }

    /// The finished members from `delivered` on, in order. Caller holds the lock.
    private func collect() throws(SynthDeflateFailure) -> [[UInt8]] {
        var out: [[UInt8]] = []
        while let result = finished.removeValue(forKey: delivered) {
            delivered += 1
            switch result {
            case .success(let member): out.append(member)
            case .failure(let error): throw error
            }
        }
        return out
    }

    private func work(level: Int32) {
        let deflater: SynthDeflater
        do {
            deflater = try SynthDeflater(level: level)
        } catch {
            // Fail every chunk this worker would have taken; the others keep going.
            failLoop(error)
            return
        }
        while let (sequence, chunk) = nextJob() {
            let result: Result<[UInt8], SynthDeflateFailure>
            do {
                result = .success(try deflater.member(chunk))
            } catch {
                result = .failure(error)
            }
            condition.lock()
            finished[sequence] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    private func failLoop(_ error: SynthDeflateFailure) {
        while let (sequence, _) = nextJob() {
            condition.lock()
            finished[sequence] = .failure(error)
            condition.broadcast()
            condition.unlock()
        }
    }

    private func nextJob() -> (Int, [UInt8])? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead == queue.count && !stopping {
            condition.wait()
        }
        guard queueHead < queue.count else { return nil }
        let job = queue[queueHead]
        queue[queueHead].chunk = []
        queueHead += 1
        if queueHead > 64 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return job
    }
}
