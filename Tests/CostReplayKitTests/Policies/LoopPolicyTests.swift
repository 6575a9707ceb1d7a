import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §6.4 sessions and loop rules, §6.2 steps 1, 5 and 7. Every call costs $1 unless noted.
final class LoopPolicyTests: XCTestCase {
    /// A call in session `session` whose response makes the given tool calls.
    private func toolCall(
        _ id: String, at time: String, session: String? = "s1",
        _ tools: [(String, [String: Any])], _ configure: (inout PolicyCall) -> Void = { _ in }
    ) -> PolicyCall {
        PolicyCall(id, at: time) {
            $0.session = session
            $0.toolUses = tools.map { (name: $0.0, input: $0.1) }
            configure(&$0)
        }
    }

    private let readA: (String, [String: Any]) = ("read_file", ["path": "a.txt"])
    private let readB: (String, [String: Any]) = ("read_file", ["path": "b.txt"])

    func testMaxToolCallsHaltsAtTheCallThatWouldExceedTheLimit() throws {
        let calls = [
            toolCall("c1", at: "10:00:00", [("read_file", ["path": "1"]), ("read_file", ["path": "2"])]),
            toolCall("c2", at: "10:01:00", [("read_file", ["path": "3"]), ("read_file", ["path": "4"])]),
            toolCall("c3", at: "10:02:00", [("read_file", ["path": "5"])]),
            toolCall("c4", at: "10:03:00", session: "s2", [("read_file", ["path": "6"])]),
        ]
        let output = try policyRun(calls, policy: "[loop]\nname = \"guard\"\nmax_tool_calls = 3\n")
        // History after c1: 2 entries. c2: "3" is appended (3 entries), "4" finds 3 ≥ 3 → halt at
        // step 7: c2 is kept, c3 (same session) avoided; s2 is unaffected.
        XCTAssertEqual(output.actions, ["c1=kept", "c2=kept", "c3=avoided", "c4=kept"])
        assertPolicyCall(output, "c3", "avoided", cost: "0", policy: "guard")
        assertPolicyCombined(output, cost: "3", savings: "1", avoided: 1, modified: 0)
        let halts = output.incidents(kind: "loop_halt")
        XCTAssertEqual(halts.count, 1)
        XCTAssertEqual(halts.first?["call_id"], "c2")
        XCTAssertEqual(halts.first?["session"], "s1")
        XCTAssertEqual(halts.first?["policy"], "guard")
        XCTAssertEqual(halts.first?["reason"], "max_tool_calls")
        XCTAssertEqual(halts.first?["cost_avoided_usd"], "1.0")
        XCTAssertEqual(policyInt(output.incidentCounts["loop_halts"]), 1)
    }

    func testFourthIdenticalToolCallHaltsWithDefaults() throws {
        let calls = (1...6).map { toolCall("c\($0)", at: "10:0\($0):00", [readA]) }
        let output = try policyRun(calls, policy: "[loop]\n")
        // repeat_window 5, max_repeats 3: c1–c3 append (0, 1, 2 copies before them); c4 finds 3
        // copies among the last 5 → halt, c4 kept; c5 and c6 avoided.
        XCTAssertEqual(output.actions, ["c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=avoided", "c6=avoided"])
        assertPolicyCall(output, "c5", "avoided", cost: "0", policy: "loop")
        assertPolicyCombined(output, cost: "4", savings: "2", avoided: 2, modified: 0)
        let halt = output.incidents(kind: "loop_halt").first
        XCTAssertEqual(halt?["call_id"], "c4")
        XCTAssertEqual(halt?["reason"], "repeat")
        // The triggering signature (name + canonical input) is in the detail.
        XCTAssertTrue(halt?["detail"]?.contains("read_file") ?? false, halt?["detail"] ?? "")
        XCTAssertTrue(halt?["detail"]?.contains(#"{"path":"a.txt"}"#) ?? false, halt?["detail"] ?? "")
        // The cost avoided after the halting call: c5 + c6.
        XCTAssertEqual(halt?["cost_avoided_usd"], "2.0")
    }

    func testRepeatCountsOnlyTheLastRepeatWindowEntries() throws {
        // A, B, C, A, D, A, A, E with repeat_window 3 and max_repeats 2 (alternating off).
        let names = ["A", "B", "C", "A", "D", "A", "A", "E"]
        let calls = names.enumerated().map { index, name in
            toolCall("c\(index + 1)", at: "10:0\(index):00", [("tool", ["v": name])])
        }
        let output = try policyRun(calls, policy: "[loop]\nrepeat_window = 3\nmax_repeats = 2\nalternating = 0\n")
        // c4 (A): last 3 = [A, B, C] holds one A → append. c6 (A): last 3 = [C, A, D] → one →
        // append. c7 (A): last 3 = [A, D, A] → two ≥ 2 → halt; c8 avoided.
        XCTAssertEqual(
            output.actions,
            [
                "c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=kept", "c6=kept", "c7=kept",
                "c8=avoided",
            ])
        // With a window of 5, c6 already sees A twice in [A, B, C, A, D] → halt at c6.
        let wide = try policyRun(calls, policy: "[loop]\nrepeat_window = 5\nmax_repeats = 2\nalternating = 0\n")
        XCTAssertEqual(
            wide.actions,
            [
                "c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=kept", "c6=kept", "c7=avoided",
                "c8=avoided",
            ])
    }

    func testSimilarityBelowOneUsesThreeByteJaccard() throws {
        // JCS inputs: {"q":"abcdefgh"} has 14 distinct 3-byte substrings; {"q":"abcdefgX"} shares the
        // first 11 and adds 3 → Jaccard 11/17 = 0.6470588…; {"q":"zzzzzzzz"} has 9 and shares 4 with
        // the first → 4/19.
        let calls = [
            toolCall("c1", at: "10:00:00", [("search", ["q": "abcdefgh"])]),
            toolCall("c2", at: "10:01:00", [("lookup", ["q": "abcdefgh"])]),  // same input, other name
            toolCall("c3", at: "10:02:00", [("search", ["q": "zzzzzzzz"])]),  // 4/19 to c1
            toolCall("c4", at: "10:03:00", [("search", ["q": "abcdefgX"])]),  // 11/17 to c1
            toolCall("c5", at: "10:04:00", [("other", ["q": "1"])]),
        ]
        func policy(_ similarity: String) -> String {
            "[loop]\nsimilarity = \(similarity)\nmax_repeats = 1\nrepeat_window = 5\nalternating = 0\n"
        }
        // 0.6: c4 is similar to c1 (0.647 ≥ 0.6) → halt at c4; c5 avoided.
        let loose = try policyRun(calls, policy: policy("0.6"))
        XCTAssertEqual(loose.actions, ["c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=avoided"])
        XCTAssertEqual(loose.incidents(kind: "loop_halt").first?["call_id"], "c4")
        // 0.647058 ≤ 11/17 (11 × 10⁶ ≥ 647058 × 17 = 10 999 986): still similar.
        let edge = try policyRun(calls, policy: policy("0.647058"))
        XCTAssertEqual(edge.actions.last, "c5=avoided")
        // 0.65 > 11/17: nothing is similar, nothing halts.
        let strict = try policyRun(calls, policy: policy("0.65"))
        XCTAssertEqual(strict.actions, ["c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=kept"])
        // 1.0: only equal inputs (and c2's name differs from c1's).
        let exact = try policyRun(calls, policy: policy("1.0"))
        XCTAssertEqual(exact.actions, ["c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=kept"])
    }

    func testAlternatingSixToolCallsHalt() throws {
        let calls = (1...7).map { index in toolCall("c\(index)", at: "10:0\(index):00", [index % 2 == 1 ? readA : readB]) }
        // A,B,A,B,A,B: no call has 3 copies among the last 5 (at most 2), but after c6 the last 6
        // entries alternate A,B with A ≠ B → halt at c6 (kept); c7 avoided.
        let output = try policyRun(calls, policy: "[loop]\n")
        XCTAssertEqual(output.actions, ["c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=kept", "c6=kept", "c7=avoided"])
        XCTAssertEqual(output.incidents(kind: "loop_halt").first?["reason"], "alternating")
        XCTAssertEqual(output.incidents(kind: "loop_halt").first?["call_id"], "c6")
        // alternating = 0 turns the rule off; c7 (A) then has only 2 A among the last 5 → no halt.
        let off = try policyRun(calls, policy: "[loop]\nalternating = 0\n")
        XCTAssertEqual(off.actions.filter { $0.hasSuffix("avoided") }, [])
        // One tool call short of the pattern: A,B,A,B,A then C.
        var shorter = Array(calls.prefix(5))
        shorter.append(toolCall("c6", at: "10:06:00", [("read_file", ["path": "c.txt"])]))
        let noHalt = try policyRun(shorter, policy: "[loop]\n")
        XCTAssertEqual(noHalt.actions.filter { $0.hasSuffix("avoided") }, [])
    }

    func testErrorStreakAvoidsTheCallThatReachesItAndTheRestOfTheSession() throws {
        // Tool errors in the request's last message: e, e, ok, e, e, e, ok.
        let errors = [1, 2, 0, 1, 1, 1, 0]
        let calls = errors.enumerated().map { index, count in
            PolicyCall("c\(index + 1)", at: "10:0\(index):00") {
                $0.session = "s1"
                $0.toolErrors = count
            }
        }
        let output = try policyRun(calls, policy: "[loop]\n")
        // Streak 1, 2, reset, 1, 2, 3 → c6 reaches error_streak 3: c6 and c7 avoided at step 1.
        XCTAssertEqual(output.actions, ["c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=kept", "c6=avoided", "c7=avoided"])
        let halt = output.incidents(kind: "loop_halt").first
        XCTAssertEqual(halt?["call_id"], "c6")
        XCTAssertEqual(halt?["reason"], "error_streak")
        // Halts at step 1 include the halting call: c6 + c7.
        XCTAssertEqual(halt?["cost_avoided_usd"], "2.0")
        assertPolicyCombined(output, cost: "5", savings: "2", avoided: 2, modified: 0)
    }

    func testMaxRequestsAvoidsTheRequestThatExceedsIt() throws {
        var calls = (1...5).map { index in PolicyCall("c\(index)", at: "10:0\(index):00") { $0.session = "s1" } }
        calls.append(PolicyCall("c6", at: "10:06:00") { $0.session = "s2" })
        let output = try policyRun(calls, policy: "[loop]\nmax_requests = 3\n")
        // The 4th request of s1 exceeds 3: c4, c5 avoided; s2 has its own count.
        XCTAssertEqual(output.actions, ["c1=kept", "c2=kept", "c3=kept", "c4=avoided", "c5=avoided", "c6=kept"])
        XCTAssertEqual(output.incidents(kind: "loop_halt").first?["reason"], "max_requests")
        XCTAssertEqual(output.incidents(kind: "loop_halt").first?["call_id"], "c4")
        assertPolicyCombined(output, cost: "4", savings: "2", avoided: 2, modified: 0)
    }

    func testMaxSessionCostUsesTheTransformedCostAndHaltsWhenExceeded() throws {
        let calls = (1...7).map { index in PolicyCall("c\(index)", at: "10:0\(index):00") { $0.session = "s1" } }
        // Plain: made cost 1, 2, then c3 would make 3 > 2.5 → c3 avoided, session halted.
        let plain = try policyRun(calls, policy: "[loop]\nmax_session_cost_usd = 2.5\n")
        XCTAssertEqual(
            plain.actions,
            [
                "c1=kept", "c2=kept", "c3=avoided", "c4=avoided", "c5=avoided", "c6=avoided",
                "c7=avoided",
            ])
        XCTAssertEqual(plain.incidents(kind: "loop_halt").first?["call_id"], "c3")
        XCTAssertEqual(plain.incidents(kind: "loop_halt").first?["cost_avoided_usd"], "5.0")
        // With compaction to 500 input tokens each call costs $0.50 after the transforms: running
        // totals 0.5 … 2.5 (c5: 2.0 + 0.5 = 2.5 is not above the cap) → c6 (3.0 > 2.5) halts.
        let compacted = try policyRun(
            calls,
            policy: """
                [loop]
                max_session_cost_usd = 2.5

                [compaction]
                max_input_tokens = 500
                """)
        XCTAssertEqual(
            compacted.actions,
            [
                "c1=modified", "c2=modified", "c3=modified", "c4=modified", "c5=modified",
                "c6=avoided", "c7=avoided",
            ])
        assertPolicyCombined(compacted, cost: "2.5", savings: "4.5", avoided: 2, modified: 5)
    }

    func testSessionsAreInferredPerUserByTheStartGap() throws {
        func calls(fourthAt fourth: String) -> [PolicyCall] {
            var list = ["10:00:00", "10:05:00", "10:10:00", fourth, "10:21:00"].enumerated().map { index, time in
                toolCall("c\(index + 1)", at: time, session: nil, [readA])
            }
            // Neither session nor user: never checked.
            list += (1...5).map { index in
                toolCall("n\(index)", at: "11:0\(index):00", session: nil, [readA]) { $0.user = nil }
            }
            return list
        }
        let policy = "[loop]\nsession_gap = \"10m\"\n"
        // 10:10 → 10:20:00 is a gap of exactly 10m, not more: one session; c4 is the 4th identical call
        // → halt (kept), c5 avoided.
        let same = try policyRun(calls(fourthAt: "10:20:00"), policy: policy)
        XCTAssertEqual(
            same.actions,
            [
                "c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=avoided",
                "n1=kept", "n2=kept", "n3=kept", "n4=kept", "n5=kept",
            ])
        let first = same.call("c1")["session"] ?? ""
        XCTAssertTrue(first.hasPrefix("inferred:alice:2026-10-01T10:00:00"), first)
        XCTAssertEqual(same.call("c5")["session"], first)
        XCTAssertEqual(same.call("n1")["session"], "")
        XCTAssertEqual(same.incidents(kind: "loop_halt").first?["session"], first)

        // 10:20:00.001 is more than 10m after 10:10: a new session with only 2 copies → no halt.
        let split = try policyRun(calls(fourthAt: "10:20:00.001"), policy: policy)
        XCTAssertEqual(split.actions.filter { $0.hasSuffix("avoided") }, [])
        let second = split.call("c4")["session"] ?? ""
        XCTAssertTrue(second.hasPrefix("inferred:alice:2026-10-01T10:20:00"), second)
        XCTAssertNotEqual(second, split.call("c3")["session"])
        XCTAssertEqual(split.call("c5")["session"], second)
    }
}
