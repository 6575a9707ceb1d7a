/// One tool call the model makes: `input` is the JSON object of its arguments, serialized once
/// (Anthropic writes it as an object, OpenAI as the `arguments` string).
struct SynthToolCall {
    let id: String
    let name: String
    let input: [UInt8]
}

/// What the client sends back for a tool call.
struct SynthToolResult {
    let callID: String
    let content: [UInt8]
    let isError: Bool
}

/// The tools agents are given: definitions per body shape, and the calls and results they produce.
enum SynthTools {
    /// Which tools an agent session is given.
    enum Kit: CaseIterable {
        case coding
        case research
        case data
    }

    private struct Parameter {
        let name: StaticString
        let type: StaticString
        let description: StaticString
        let required: Bool
    }

    private struct Spec {
        let name: StaticString
        let description: StaticString
        let parameters: [Parameter]
        /// How often agents call it: reads and searches dominate real traffic.
        var weight: Double = 20
    }

    private static let readFile = Spec(
        name: "read_file",
        description:
            "Read a file from the repository and return its contents with line numbers. Use offset and limit for large files; prefer search_code to locate code first.",
        parameters: [
            Parameter(name: "path", type: "string", description: "Path relative to the repository root.", required: true),
            Parameter(name: "offset", type: "integer", description: "First line to return (1-based).", required: false),
            Parameter(name: "limit", type: "integer", description: "Maximum number of lines.", required: false),
        ], weight: 30)
    private static let specs: [Kit: [Spec]] = [
        .coding: [
            readFile,
            Spec(
                name: "write_file",
                description: "Create or overwrite a file with the given content. Always read a file before overwriting it.",
                parameters: [
                    Parameter(name: "path", type: "string", description: "Path relative to the repository root.", required: true),
                    Parameter(
                        name: "content", type: "string", description: "The complete new content of the file.", required: true),
                ], weight: 10),
            Spec(
                name: "edit_file",
                description:
                    "Replace an exact string in a file. old_string must match exactly once, including whitespace and indentation.",
                parameters: [
                    Parameter(name: "path", type: "string", description: "Path relative to the repository root.", required: true),
                    Parameter(name: "old_string", type: "string", description: "Text to replace.", required: true),
                    Parameter(name: "new_string", type: "string", description: "Replacement text.", required: true),
                ], weight: 12),
            Spec(
                name: "run_shell",
                description:
                    "Run a shell command in the repository and return stdout and stderr. Commands time out after timeout_s seconds; do not start interactive programs.",
                parameters: [
                    Parameter(
                        name: "command", type: "string", description: "The command line to run with bash -lc.", required: true),
                    Parameter(
                        name: "timeout_s", type: "integer", description: "Timeout in seconds (default 120).", required: false),
                ], weight: 18),
            Spec(
                name: "search_code",
                description: "Search the code base with a regular expression and return matching lines as path:line: text.",
                parameters: [
                    Parameter(name: "query", type: "string", description: "Regular expression to search for.", required: true),
                    Parameter(name: "path", type: "string", description: "Directory to limit the search to.", required: false),
                ]),
            Spec(
                name: "list_dir", description: "List the entries of a directory, directories first.",
                parameters: [
                    Parameter(
                        name: "path", type: "string", description: "Directory relative to the repository root.", required: true)
                ], weight: 10),
        ],
        .research: [
            Spec(
                name: "web_search", description: "Search the web and return the top results with titles, URLs and snippets.",
                parameters: [
                    Parameter(name: "query", type: "string", description: "Search terms.", required: true),
                    Parameter(name: "max_results", type: "integer", description: "Number of results (1-10).", required: false),
                ]),
            Spec(
                name: "http_get", description: "Fetch a URL and return its text content, converted from HTML to plain text.",
                parameters: [
                    Parameter(name: "url", type: "string", description: "Absolute http(s) URL.", required: true)
                ]),
            readFile,
            Spec(
                name: "write_note", description: "Save a research note for the final report.",
                parameters: [
                    Parameter(name: "title", type: "string", description: "Short title.", required: true),
                    Parameter(name: "body", type: "string", description: "Markdown body.", required: true),
                ], weight: 10),
        ],
        .data: [
            Spec(
                name: "run_sql",
                description: "Run a read-only SQL query on the analytics warehouse and return at most 200 rows as CSV.",
                parameters: [
                    Parameter(name: "query", type: "string", description: "A single SELECT statement.", required: true)
                ]),
            Spec(
                name: "describe_table", description: "Describe a warehouse table: columns, types and row count.",
                parameters: [
                    Parameter(name: "table", type: "string", description: "Schema-qualified table name.", required: true)
                ]),
            readFile,
            Spec(
                name: "plot_chart", description: "Render a chart from a query and save it as PNG.",
                parameters: [
                    Parameter(name: "sql", type: "string", description: "Query producing the series.", required: true),
                    Parameter(name: "kind", type: "string", description: "line, bar or scatter.", required: false),
                ], weight: 10),
        ],
    ]

    /// Serialized `tools` arrays, built once per kit and body shape: every turn of a session
    /// re-sends the same bytes.
    private static let definitionCache: [Int: [UInt8]] = {
        var cache: [Int: [UInt8]] = [:]
        for (k, kit) in Kit.allCases.enumerated() {
            for (a, api) in [SynthAPI.anthropic, .openAIChat, .openAIResponses].enumerated() {
                cache[k * 3 + a] = serialize(specs[kit]!, api: api)
            }
        }
        return cache
    }()

    static func definitions(_ kit: Kit, api: SynthAPI) -> [UInt8] {
        let k = Kit.allCases.firstIndex(of: kit)!
        let a: Int
        switch api {
        case .anthropic: a = 0
        case .openAIChat: a = 1
        case .openAIResponses: a = 2
        }
        return definitionCache[k * 3 + a]!
    }

    static func names(_ kit: Kit) -> [String] {
        specs[kit]!.map { $0.name.description }
    }

    private static func serialize(_ specs: [Spec], api: SynthAPI) -> [UInt8] {
        var w = SynthJSONWriter(capacity: 4096)
        w.arrayStart()
        for spec in specs {
            w.objectStart()
            switch api {
            case .anthropic:
                w.key("name"); w.string(spec.name)
                w.key("description"); w.string(spec.description)
                w.key("input_schema"); schema(spec, &w)
            case .openAIChat:
                w.key("type"); w.string("function")
                w.key("function"); w.objectStart()
                w.key("name"); w.string(spec.name)
                w.key("description"); w.string(spec.description)
                w.key("parameters"); schema(spec, &w)
                w.objectEnd()
            case .openAIResponses:
                w.key("type"); w.string("function")
                w.key("name"); w.string(spec.name)
                w.key("description"); w.string(spec.description)
                w.key("parameters"); schema(spec, &w)
                w.key("strict"); w.bool(false)
            }
            w.objectEnd()
        }
        w.arrayEnd()
        return w.bytes
    }

    private static func schema(_ spec: Spec, _ w: inout SynthJSONWriter) {
        w.objectStart()
        w.key("type"); w.string("object")
        w.key("properties"); w.objectStart()
        for p in spec.parameters {
            w.key(p.name); w.objectStart()
            w.key("type"); w.string(p.type)
            w.key("description"); w.string(p.description)
            w.objectEnd()
        }
        w.objectEnd()
        w.key("required"); w.arrayStart()
        for p in spec.parameters where p.required { w.string(p.name) }
        w.arrayEnd()
        w.objectEnd()
    }

    // MARK: calls and results

    /// A tool call of `kit` with plausible arguments; `id` in the provider's style.
    static func call(_ kit: Kit, api: SynthAPI, _ rng: inout SynthRandom) -> SynthToolCall {
        let list = specs[kit]!
        let name = list[rng.weighted(list.map(\.weight))].name.description
        return SynthToolCall(id: callID(api: api, &rng), name: name, input: input(for: name, &rng))
    }

    static func callID(api: SynthAPI, _ rng: inout SynthRandom) -> String {
        api == .anthropic
            ? SynthText.providerID(&rng, prefix: "toolu_01", length: 22)
            : SynthText.providerID(&rng, prefix: "call_", length: 24)
    }

    static func input(for name: String, _ rng: inout SynthRandom) -> [UInt8] {
        var w = SynthJSONWriter(capacity: 256)
        w.objectStart()
        switch name {
        case "read_file":
            w.key("path"); w.string(SynthText.path(&rng))
            if rng.chance(0.2) {
                w.key("offset"); w.int(rng.int(1, 400))
                w.key("limit"); w.int(200)
            }
        case "write_file":
            w.key("path"); w.string(SynthText.path(&rng))
            var code: [UInt8] = []
            SynthText.code(&rng, bytes: rng.logUniformInt(120, 900), into: &code)
            w.key("content"); w.string(bytes: code)
        case "edit_file":
            w.key("path"); w.string(SynthText.path(&rng))
            var old: [UInt8] = []
            SynthText.code(&rng, bytes: rng.logUniformInt(60, 400), into: &old)
            var new: [UInt8] = []
            SynthText.code(&rng, bytes: rng.logUniformInt(60, 500), into: &new)
            w.key("old_string"); w.string(bytes: old)
            w.key("new_string"); w.string(bytes: new)
        case "run_shell":
            let commands = [
                "pytest -q tests/test_\(SynthText.identifier(&rng)).py", "git diff --stat", "make lint",
                "npm test -- --runInBand", "grep -rn \"\(SynthText.identifier(&rng))\" src/", "ls -la src/",
            ]
            w.key("command"); w.string(rng.pick(commands))
            if rng.chance(0.4) { w.key("timeout_s"); w.int(rng.pick([60, 120, 300, 600])) }
        case "search_code":
            w.key("query"); w.string("def \(SynthText.identifier(&rng))\\(")
            if rng.chance(0.5) { w.key("path"); w.string("src/") }
        case "list_dir":
            w.key("path"); w.string("src/\(SynthText.identifier(&rng))")
        case "web_search":
            var q: [UInt8] = []
            SynthText.sentence(&rng, into: &q)
            w.key("query"); w.string(bytes: q)
            w.key("max_results"); w.int(rng.pick([5, 8, 10]))
        case "http_get":
            w.key("url");
            w.string("https://docs.example.com/\(SynthText.identifier(&rng))/\(SynthText.identifier(&rng))?v=\(rng.int(1, 9))")
        case "write_note":
            w.key("title"); w.string(SynthText.identifier(&rng))
            w.key("body"); w.string(bytes: SynthText.prose(&rng, bytes: rng.logUniformInt(200, 1500)))
        case "run_sql":
            w.key("query");
            w.string(
                "SELECT \(SynthText.identifier(&rng)), count(*) AS n\nFROM analytics.\(SynthText.identifier(&rng))\nWHERE created_at >= '2026-09-01'\nGROUP BY 1 ORDER BY n DESC LIMIT 50"
            )
        case "describe_table":
            w.key("table"); w.string("analytics.\(SynthText.identifier(&rng))")
        default:  // plot_chart
            w.key("sql"); w.string("SELECT day, sum(\(SynthText.identifier(&rng))) FROM analytics.daily GROUP BY day")
            w.key("kind"); w.string(rng.pick(["line", "bar", "scatter"]))
        }
        w.objectEnd()
        return w.bytes
    }

    /// The tool's output; `failing` asks for an error (`is_error: true` on Anthropic).
    static func result(for call: SynthToolCall, _ rng: inout SynthRandom, failing: Bool) -> SynthToolResult {
        var out: [UInt8] = []
        if failing {
            synthAppend("Error: ", to: &out)
            SynthText.sentence(&rng, into: &out)
            synthAppend(" (exit status 1)", to: &out)
            return SynthToolResult(callID: call.id, content: out, isError: true)
        }
        switch call.name {
        case "read_file":
            SynthText.code(&rng, bytes: rng.logUniformInt(200, 1600), into: &out)
        case "write_file", "edit_file", "write_note", "plot_chart":
            synthAppend("OK: ", to: &out)
            SynthText.sentence(&rng, into: &out)
        case "run_shell":
            SynthText.shellOutput(&rng, bytes: rng.logUniformInt(100, 900), failing: rng.chance(0.3), into: &out)
        case "search_code":
            let lines = rng.int(3, 15)
            for _ in 0..<lines {
                out.append(contentsOf: Array(SynthText.path(&rng).utf8))
                out.append(UInt8(ascii: ":"))
                SynthJSONWriter.appendDecimal(Int64(rng.int(1, 800)), to: &out)
                synthAppend(":    ", to: &out)
                SynthText.code(&rng, bytes: 30, into: &out)
            }
        case "list_dir":
            for _ in 0..<rng.int(5, 30) {
                SynthText.identifier(&rng, into: &out)
                synthAppend(rng.chance(0.2) ? "/\n" : ".py\n", to: &out)
            }
        case "web_search":
            for i in 1...rng.int(3, 6) {
                SynthJSONWriter.appendDecimal(Int64(i), to: &out)
                synthAppend(". https://www.example.org/", to: &out)
                SynthText.identifier(&rng, into: &out)
                synthAppend("\n   ", to: &out)
                SynthText.prose(&rng, bytes: rng.int(100, 250), into: &out)
                out.append(UInt8(ascii: "\n"))
            }
        case "http_get":
            SynthText.prose(&rng, bytes: rng.logUniformInt(300, 1500), into: &out)
        case "run_sql":
            SynthText.identifier(&rng, into: &out)
            synthAppend(",n\n", to: &out)
            for _ in 0..<rng.int(5, 60) {
                out.append(contentsOf: rng.pick(SynthText.nouns))
                out.append(UInt8(ascii: ","))
                SynthJSONWriter.appendDecimal(Int64(rng.int(1, 100_000)), to: &out)
                out.append(UInt8(ascii: "\n"))
            }
        default:  // describe_table
            for _ in 0..<rng.int(4, 20) {
                SynthText.identifier(&rng, into: &out)
                synthAppend(rng.chance(0.5) ? "\tbigint\tNOT NULL\n" : "\ttext\tNULL\n", to: &out)
            }
        }
        return SynthToolResult(callID: call.id, content: out, isError: false)
    }
}
