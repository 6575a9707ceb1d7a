/// The tool's version, written into every summary.
public enum CostReplayVersion {
    public static let current = "0.1.0"
}
