/// The candidate names a logged model name is looked up under, in order (SPEC §5.1).
public enum ModelNameResolver {
    static let regionPrefixes = ["us.", "us-gov.", "eu.", "apac.", "jp.", "au.", "ca.", "global."]
    static let vendorPrefixes = ["anthropic.", "openai."]

    /// The name as logged, the normalized name, and the normalized name without a date suffix,
    /// lower-cased, without repeats.
    public static func candidates(_ logged: String) -> [String] {
        let asLogged = logged.lowercased()
        let normalized = normalize(asLogged)
        let undated = stripDateSuffix(normalized)
        var result = [asLogged]
        // An ARN's last path segment as written (`us.anthropic.…-v1:0` of an inference profile)
        // before it is normalized, so a regional id that the book lists keeps its regional price.
        if asLogged.hasPrefix("arn:"), let slash = asLogged.lastIndex(of: "/") {
            result.append(String(asLogged[asLogged.index(after: slash)...]))
        }
        for name in [normalized, undated] where !result.contains(name) { result.append(name) }
        return result
    }

    /// Step 2: ARN → last path segment; one `provider/`, region and vendor prefix; `@DATE` or
    /// `@latest`; a `-vN` or `-vN:M` version suffix.
    public static func normalize(_ lowered: String) -> String {
        var name = Substring(lowered)
        if name.hasPrefix("arn:"), let slash = name.lastIndex(of: "/") {
            name = name[name.index(after: slash)...]
        }
        if let slash = name.firstIndex(of: "/") {
            name = name[name.index(after: slash)...]
        }
        if let region = regionPrefixes.first(where: { name.hasPrefix($0) }) { name = name.dropFirst(region.count) }
        if let vendor = vendorPrefixes.first(where: { name.hasPrefix($0) }) { name = name.dropFirst(vendor.count) }
        if let at = name.lastIndex(of: "@") {
            let suffix = name[name.index(after: at)...]
            if suffix == "latest" || isDate(suffix) { name = name[..<at] }
        }
        name = stripVersionSuffix(name)
        return String(name)
    }

    /// A trailing `-v\d+(:\d+)?`.
    static func stripVersionSuffix(_ name: Substring) -> Substring {
        guard let dash = name.lastIndex(of: "-") else { return name }
        let suffix = name[name.index(after: dash)...]
        guard suffix.first == "v" else { return name }
        let version = suffix.dropFirst()
        let parts = version.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitChar) }) else {
            return name
        }
        return name[..<dash]
    }

    /// Step 3: a trailing `-YYYYMMDD` or `-YYYY-MM-DD` removed.
    public static func stripDateSuffix(_ name: String) -> String {
        let characters = Array(name)
        if characters.count > 9, characters[characters.count - 9] == "-",
            characters.suffix(8).allSatisfy(\.isASCIIDigitChar)
        {
            return String(characters.dropLast(9))
        }
        if characters.count > 11, characters[characters.count - 11] == "-",
            isDate(Substring(String(characters.suffix(10))))
        {
            return String(characters.dropLast(11))
        }
        return name
    }

    /// `YYYYMMDD` or `YYYY-MM-DD`.
    static func isDate(_ text: Substring) -> Bool {
        let characters = Array(text)
        if characters.count == 8 { return characters.allSatisfy(\.isASCIIDigitChar) }
        if characters.count == 10 {
            return characters[4] == "-" && characters[7] == "-"
                && characters.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || $0.element.isASCIIDigitChar }
        }
        return false
    }
}

extension Character {
    var isASCIIDigitChar: Bool { isASCII && isNumber }
}
