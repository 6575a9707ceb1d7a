// swift-tools-version:6.0
// libFuzzer harnesses for costreplay (issue 7). Separate from the main package so its build and CI
// stay untouched; it depends on the main package by path. Build and run with scripts/fuzz.sh (see
// docs/fuzzing.md): the harnesses only link with `-sanitize=fuzzer`.
import PackageDescription

let harnesses = [
    "FuzzJSON", "FuzzGzip", "FuzzEnvelope", "FuzzTimestamp", "FuzzPriceBook", "FuzzPolicy", "FuzzAttribution",
]

let package = Package(
    name: "costreplay-fuzz",
    dependencies: [.package(name: "costreplay", path: "..")],
    targets: [.target(name: "FuzzSupport", path: "Sources/FuzzSupport")]
        + harnesses.map { name in
            .executableTarget(
                name: name,
                dependencies: ["FuzzSupport", .product(name: "CostReplayKit", package: "costreplay")],
                path: "Sources/\(name)")
        },
    swiftLanguageModes: [.v6]
)
