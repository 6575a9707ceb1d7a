// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "costreplay",
    products: [
        .executable(name: "costreplay", targets: ["costreplay"]),
        .library(name: "CostReplayKit", targets: ["CostReplayKit"]),
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
        .target(
            name: "CostReplayKit",
            dependencies: ["CZlib"],
            path: "Sources/CostReplayKit"
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
