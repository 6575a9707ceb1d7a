/// The token storage of a `JSONTape`: a growable buffer that is reused from line to line.
///
/// An `Array` checks uniqueness and capacity on every append, and a log line has thousands of
/// tokens; this buffer checks capacity only. Reads stay bounds-checked. The tape copies it before
/// parsing into a shared one, so tapes keep value semantics.
@usableFromInline final class TapeTokens {
    @usableFromInline private(set) var base: UnsafeMutablePointer<JSONTape.Token>
    @usableFromInline private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Forgets every token, keeping the memory.
    func removeAll() { count = 0 }

    @inline(__always) func append(_ token: JSONTape.Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    private func grow() {
        let larger = UnsafeMutablePointer<JSONTape.Token>.allocate(capacity: capacity * 2)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    @inlinable subscript(index: Int) -> JSONTape.Token {
        get {
            precondition(index >= 0 && index < count, "tape token index out of range")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "tape token index out of range")
            base[index] = newValue
        }
    }
}
