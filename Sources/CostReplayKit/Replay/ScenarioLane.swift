#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thread that replays a share of the scenarios over the same call stream as the main thread.
///
/// Scenarios are independent of each other, and only the combined scenario's per-call outcomes
/// feed the ledger, so every other scenario can run behind the main thread on blocks of calls.
/// Each scenario still sees every call in replay order, so results do not depend on the split.
final class ScenarioLane: @unchecked Sendable {
    private let scenarios: [Scenario]
    private var queue: [[CallContext]] = []
    private var head = 0
    private var finished = false
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var thread = pthread_t()
    private let capacity: Int

    init(scenarios: [Scenario], capacity: Int = 4) {
        self.scenarios = scenarios
        self.capacity = capacity
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        let box = Unmanaged.passRetained(self).toOpaque()
        pthread_create(
            &thread, nil,
            { argument in
                let lane = Unmanaged<ScenarioLane>.fromOpaque(argument!).takeRetainedValue()
                lane.run()
                return nil
            }, box)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
        pthread_cond_destroy(&condition)
    }

    /// Hands a block of calls to the lane, waiting while it is `capacity` blocks behind.
    func enqueue(_ block: [CallContext]) {
        pthread_mutex_lock(&mutex)
        while queue.count - head >= capacity { pthread_cond_wait(&condition, &mutex) }
        queue.append(block)
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }

    /// Processes what is queued and stops the thread.
    func finish() {
        pthread_mutex_lock(&mutex)
        finished = true
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
        pthread_join(thread, nil)
    }

    private func run() {
        while true {
            pthread_mutex_lock(&mutex)
            while head == queue.count && !finished { pthread_cond_wait(&condition, &mutex) }
            if head == queue.count {
                pthread_mutex_unlock(&mutex)
                return
            }
            let block = queue[head]
            queue[head] = []
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            pthread_cond_broadcast(&condition)
            pthread_mutex_unlock(&mutex)
            for scenario in scenarios {
                for context in block { _ = scenario.process(context) }
            }
        }
    }
}
