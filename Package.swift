// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "costreplay",
    products: [
        .executable(name: "costreplay", targets: ["costreplay"]),
        .library(name: "CostReplayKit", targets: ["CostReplayKit"]),
    ],
    traits: [
        .trait(
            name: "ISAL",
            description: "Inflate gzip with Intel ISA-L (Debian libisal-dev) instead of zlib: faster, same output.")
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The optional inflate backend, built only with `--traits ISAL`; the default build needs zlib alone.
        .systemLibrary(
            name: "CISAL",
            path: "Sources/CISAL",
            providers: [.apt(["libisal-dev"])]
        ),
        .target(
            name: "CostReplayKit",
            dependencies: ["CZlib", .target(name: "CISAL", condition: .when(traits: ["ISAL"]))],
            path: "Sources/CostReplayKit",
            // Release builds skip the run-time exclusivity checks (about 2% of instructions on the
            // hot path, measured with callgrind); debug builds, and so the test suite and the
            // sanitizer runs, keep them. Compile-time exclusivity checking is on in both.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "costreplay",
            dependencies: [
                "CostReplayKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/costreplay"
        ),
        .testTarget(
            name: "CostReplayKitTests",
            dependencies: ["CostReplayKit"],
            path: "Tests/CostReplayKitTests",
            resources: [.copy("Conformance")]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["costreplay"],
            path: "Tests/CLITests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
