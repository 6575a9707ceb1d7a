#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed set of threads running submitted jobs in FIFO order. Inflating and decoding run here
/// while the replay consumes results on the calling thread (no Swift-concurrency tasks block).
final class WorkerPool: @unchecked Sendable {
    private var jobs: [() -> Void] = []
    private var head = 0
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var stopping = false
    private var threads: [pthread_t] = []

    init(threads count: Int) {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        for _ in 0..<max(1, count) {
            var thread = pthread_t()
            let box = Unmanaged.passRetained(self).toOpaque()
            pthread_create(&thread, nil, { argument in
                let pool = Unmanaged<WorkerPool>.fromOpaque(argument!).takeRetainedValue()
                pool.work()
                return nil
            }, box)
            threads.append(thread)
        }
    }

    /// Runs `job` on a worker thread.
    func submit(_ job: @escaping () -> Void) {
        pthread_mutex_lock(&mutex)
        jobs.append(job)
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

    private func work() {
        while true {
            pthread_mutex_lock(&mutex)
            while head == jobs.count && !stopping { pthread_cond_wait(&condition, &mutex) }
            if head == jobs.count {
                pthread_mutex_unlock(&mutex)
                return
            }
            let job = jobs[head]
            head += 1
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            pthread_mutex_unlock(&mutex)
            job()
        }
    }
}
