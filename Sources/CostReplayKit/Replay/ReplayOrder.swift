/// The replay order of SPEC §3.4: start time, then path key (file index), line, position in line.
enum ReplayOrder {
    static func precedes(_ a: CallRecord, _ b: CallRecord) -> Bool {
        if a.start != b.start { return a.start < b.start }
        return a.origin < b.origin
    }
}
