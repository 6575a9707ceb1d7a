import Foundation
import XCTest

@testable import CostReplayKit

/// Found by the address sanitizer's leak check (issue 7): a finished job stayed in the pool's queue,
/// so a file pipeline it captured (which holds the pool) formed a reference cycle and was never freed.
final class WorkerPoolTests: XCTestCase {
    final class Owner: @unchecked Sendable {
        let pool: WorkerPool
        init(pool: WorkerPool) { self.pool = pool }
    }

    func testFinishedJobsReleaseWhatTheyCaptured() {
        weak var weakPool: WorkerPool?
        weak var weakOwner: Owner?
        do {
            let pool = WorkerPool(threads: 2)
            let owner = Owner(pool: pool)
            weakPool = pool
            weakOwner = owner
            let done = DispatchSemaphore(value: 0)
            pool.submit { [owner] _ in
                _ = owner.pool.threadCount
                done.signal()
            }
            done.wait()
            pool.shutdown()
        }
        XCTAssertNil(weakOwner, "a finished job still holds what it captured")
        XCTAssertNil(weakPool)
    }
}
