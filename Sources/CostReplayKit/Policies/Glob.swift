/// A shell-style, case-sensitive glob: `*`, `?` and `[…]` classes (with `!`/`^` negation and ranges).
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let scalars: [Unicode.Scalar]

    public init(_ pattern: String) {
        self.pattern = pattern
        scalars = Array(pattern.unicodeScalars)
    }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        let subject = Array(text.unicodeScalars)
        // Iterative matcher with backtracking to the last `*`.
        var p = 0
        var s = 0
        var starP = -1
        var starS = 0
        while s < subject.count {
            if p < scalars.count {
                let token = scalars[p]
                if token == "*" {
                    starP = p
                    starS = s
                    p += 1
                    continue
                }
                if token == "?" {
                    p += 1
                    s += 1
                    continue
                }
                if token == "[", let (matched, next) = matchClass(at: p, subject[s]) {
                    if matched {
                        p = next
                        s += 1
                        continue
                    }
                } else if token == subject[s] {
                    p += 1
                    s += 1
                    continue
                }
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starS += 1
            s = starS
        }
        while p < scalars.count && scalars[p] == "*" { p += 1 }
        return p == scalars.count
    }

    /// Matches a `[...]` class at `start`; nil when the bracket is unterminated (then literal).
    private func matchClass(at start: Int, _ character: Unicode.Scalar) -> (Bool, Int)? {
        var index = start + 1
        var negate = false
        if index < scalars.count && (scalars[index] == "!" || scalars[index] == "^") {
            negate = true
            index += 1
        }
        var matched = false
        var first = true
        while index < scalars.count && (scalars[index] != "]" || first) {
            first = false
            let low = scalars[index]
            if index + 2 < scalars.count && scalars[index + 1] == "-" && scalars[index + 2] != "]" {
                if low.value <= character.value && character.value <= scalars[index + 2].value { matched = true }
                index += 3
            } else {
                if low == character { matched = true }
                index += 1
            }
        }
        guard index < scalars.count else { return nil }
        return (matched != negate, index + 1)
    }
}
