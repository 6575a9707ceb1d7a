/// One person calling the APIs.
struct SynthUser {
    let name: String
    let team: String
    /// Personal key; `stagingKey` when the user also tries things out in staging.
    let key: String
    let stagingKey: String?
    /// Relative share of the activities (a few heavy users, a long tail).
    let weight: Double
    /// Share of this user's work sent to Anthropic rather than OpenAI.
    let anthropicShare: Double
}

/// The users, their teams and api keys: 12–30 people in 4–7 teams, drawn from the seed.
struct SynthPopulation {
    let users: [SynthUser]
    let teams: [String]
    private let cumulativeWeights: [Double]

    private static let names = [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
        "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter",
        "yuki", "zoë", "amir", "bea", "chen", "dimitri", "esther", "farid", "gita", "hugo",
        "ines", "jonas", "kenji", "lena", "mateo", "noor", "oskar", "priya", "quinn", "rosa", "sven",
    ]
    private static let teamNames = ["search", "infra", "growth", "support", "data", "mobile", "payments", "platform"]

    init(_ rng: inout SynthRandom) {
        var names = SynthPopulation.names
        // Fisher–Yates with our own stream (never `shuffle()`, whose algorithm may change).
        for i in stride(from: names.count - 1, to: 0, by: -1) {
            names.swapAt(i, rng.below(i + 1))
        }
        var teamPool = SynthPopulation.teamNames
        for i in stride(from: teamPool.count - 1, to: 0, by: -1) {
            teamPool.swapAt(i, rng.below(i + 1))
        }
        let teams = Array(teamPool.prefix(rng.int(4, 7)))
        let count = rng.int(12, 30)
        var users: [SynthUser] = []
        var cumulative: [Double] = []
        var total = 0.0
        for i in 0..<count {
            let name = names[i]
            // The first users of each team are spread round-robin so that no team is empty.
            let team = i < teams.count ? teams[i] : rng.pick(teams)
            let slug = SynthPopulation.slug(name)
            // Zipf-like activity: the rank-1 user makes several times the calls of the median one.
            let weight = 1.0 / Double(i + 2) + 0.02
            users.append(
                SynthUser(
                    name: name, team: team, key: "key_\(team)_\(slug)",
                    stagingKey: rng.chance(0.3) ? "key_\(team)_\(slug)_stg" : nil,
                    weight: weight, anthropicShare: 0.2 + 0.6 * rng.unit()))
            total += weight
            cumulative.append(total)
        }
        self.users = users
        self.teams = teams
        self.cumulativeWeights = cumulative.map { $0 / total }
    }

    /// A user drawn by activity weight.
    func pick(_ rng: inout SynthRandom) -> Int {
        let x = rng.unit()
        var lo = 0
        var hi = cumulativeWeights.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulativeWeights[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Key-safe form of a name (`zoë` → `zoe`).
    static func slug(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.isASCII ? Character($0) : Character("e") })
    }

    /// The team's shared key used by CI agents.
    static func ciKey(team: String) -> String { "key_\(team)_ci" }
}
