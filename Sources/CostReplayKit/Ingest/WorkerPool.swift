#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fixed set of threads running submitted jobs in FIFO order. Inflating and decoding run here
/// while the replay consumes results on the calling thread (no Swift-concurrency tasks block).
final class WorkerPool: @unchecked Sendable {
    /// Queued jobs from `head` on; a taken job's slot is cleared at once, so a finished job releases
    /// what it captured (a file's pipeline, which holds this pool: otherwise a reference cycle).
    private var jobs: [((Int) -> Void)?] = []
    private var head = 0
    /// Jobs that others wait on (reading a file is serial): taken before any queued job.
    private var urgent: [(Int) -> Void] = []
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var stopping = false
    private var threads: [pthread_t] = []

    init(threads count: Int) {
        threadCount = max(1, count)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        for index in 0..<threadCount {
            var thread = pthread_t()
            let box = Unmanaged.passRetained(WorkerStart(pool: self, index: index)).toOpaque()
            pthread_create(
                &thread, nil,
                { argument in
                    let start = Unmanaged<WorkerStart>.fromOpaque(argument!).takeRetainedValue()
                    start.pool.work(index: start.index)
                    return nil
                }, box)
            threads.append(thread)
        }
    }

    private final class WorkerStart {
        let pool: WorkerPool
        let index: Int
        init(pool: WorkerPool, index: Int) {
            self.pool = pool
            self.index = index
        }
    }

    /// Number of worker threads.
    let threadCount: Int

    /// Runs `job` on a worker thread, passing the worker's index (0..<threadCount) so jobs can use
    /// per-thread state without locks; `urgent` jobs go before every queued ordinary job.
    func submit(urgent isUrgent: Bool = false, _ job: @escaping (Int) -> Void) {
        pthread_mutex_lock(&mutex)
        if isUrgent { urgent.append(job) } else { jobs.append(job) }
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    /// Finishes the queued jobs and joins the threads.
    func shutdown() {
        pthread_mutex_lock(&mutex)
        stopping = true
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
        for thread in threads { pthread_join(thread, nil) }
        threads = []
    }

    private func work(index: Int) {
        while true {
            pthread_mutex_lock(&mutex)
            while head == jobs.count && urgent.isEmpty && !stopping { pthread_cond_wait(&condition, &mutex) }
            if !urgent.isEmpty {
                let job = urgent.removeFirst()
                pthread_mutex_unlock(&mutex)
                job(index)
                continue
            }
            if head == jobs.count {
                pthread_mutex_unlock(&mutex)
                return
            }
            let job = jobs[head]!
            jobs[head] = nil
            head += 1
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            pthread_mutex_unlock(&mutex)
            job(index)
        }
    }
}
