/// `--attribution FILE`: who pays for which calls. A CSV with a header naming the columns `user`,
/// `api_key`, `team` and `cost_center` (any order; `user` or `api_key` may be left out). Each row
/// names exactly one user or one API key and gives a team, a cost center, or both.
///
/// Applied to every call before grouping and replay: an API-key row wins over a user row (a key is
/// the more specific owner), a row's team replaces the logged team, and an empty team keeps it.
public struct AttributionTable: Sendable {
    /// What a row assigns.
    public struct Assignment: Sendable, Equatable {
        public var team: String?
        public var costCenter: String?
    }

    public private(set) var byUser: [String: Assignment] = [:]
    public private(set) var byAPIKey: [String: Assignment] = [:]
    /// The file as named on the command line.
    public let source: String

    /// Parses the file's text; throws `ConfigError` naming `FILE:LINE` for the first problem.
    public init(text: String, source: String) throws(ConfigError) {
        self.source = source
        let rows = try CSVTableReader.rows(text, file: source)
        guard let header = rows.first else {
            throw ConfigError(
                file: source, keyPath: "", message: "empty file; expected a header row user,api_key,team,cost_center")
        }
        var column: [String: Int] = [:]
        for (index, name) in header.cells.enumerated() {
            let name = name.trimmingSpaces.lowercased()
            guard ["user", "api_key", "team", "cost_center"].contains(name) else {
                throw ConfigError(
                    file: "\(source):\(header.line)", keyPath: "",
                    message: "unknown column \"\(name)\"; expected user, api_key, team, cost_center")
            }
            guard column[name] == nil else {
                throw ConfigError(file: "\(source):\(header.line)", keyPath: "", message: "column \"\(name)\" appears twice")
            }
            column[name] = index
        }
        guard column["user"] != nil || column["api_key"] != nil else {
            throw ConfigError(file: "\(source):\(header.line)", keyPath: "", message: "needs a user or an api_key column")
        }
        guard column["team"] != nil || column["cost_center"] != nil else {
            throw ConfigError(file: "\(source):\(header.line)", keyPath: "", message: "needs a team or a cost_center column")
        }
        for row in rows.dropFirst() {
            let place = "\(source):\(row.line)"
            guard row.cells.count == header.cells.count else {
                throw ConfigError(
                    file: place, keyPath: "", message: "\(row.cells.count) cells; the header has \(header.cells.count)")
            }
            func cell(_ name: String) -> String? {
                guard let index = column[name] else { return nil }
                let value = row.cells[index].trimmingSpaces
                return value.isEmpty ? nil : value
            }
            let assignment = Assignment(team: cell("team"), costCenter: cell("cost_center"))
            guard assignment.team != nil || assignment.costCenter != nil else {
                throw ConfigError(file: place, keyPath: "", message: "gives neither a team nor a cost_center")
            }
            switch (cell("user"), cell("api_key")) {
            case (let user?, nil):
                guard byUser[user] == nil else {
                    throw ConfigError(file: place, keyPath: "", message: "user \"\(user)\" is already attributed")
                }
                byUser[user] = assignment
            case (nil, let key?):
                guard byAPIKey[key] == nil else {
                    throw ConfigError(file: place, keyPath: "", message: "api_key \"\(key)\" is already attributed")
                }
                byAPIKey[key] = assignment
            case (nil, nil):
                throw ConfigError(file: place, keyPath: "", message: "names neither a user nor an api_key")
            case (.some, .some):
                throw ConfigError(file: place, keyPath: "", message: "names both a user and an api_key; use one row for each")
            }
        }
    }

    /// The assignment for a call, if any row matches it.
    public func assignment(user: String?, apiKey: String?) -> Assignment? {
        if let apiKey, let found = byAPIKey[apiKey] { return found }
        if let user, let found = byUser[user] { return found }
        return nil
    }

    /// Applies the matching row to a record: team replaced, cost center set as the `cost_center`
    /// tag. Returns whether a row matched.
    @discardableResult
    public func apply(to record: inout CallRecord) -> Bool {
        guard let found = assignment(user: record.user, apiKey: record.apiKey) else { return false }
        if let team = found.team { record.team = team }
        if let costCenter = found.costCenter { record.tags[CallRecord.costCenterTag] = costCenter }
        return true
    }
}

extension CallRecord {
    /// The tag that holds a call's cost center: logged by the client, or set by `--attribution`.
    public static let costCenterTag = "cost_center"

    /// The call's cost center, if any.
    public var costCenter: String? { tags[Self.costCenterTag] }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
