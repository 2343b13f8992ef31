// swift-tools-version:6.0
// libFuzzer targets for the readers of untrusted input, kept out of the main package so that
// `swift test` never builds them. Built and run by Scripts/fuzz.sh (with -sanitize=fuzzer,address).
import Foundation
import PackageDescription

/// A path dependency is named after its folder, which is wherever the repository was cloned.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let dti = root.lastPathComponent.lowercased()

/// libFuzzer supplies `main`; each target supplies `LLVMFuzzerTestOneInput`.
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "DTIFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "DTIIngest", package: dti), .product(name: "DTICore", package: dti), .product(name: "XLSX", package: dti),
            ]),
        .executableTarget(name: "fuzz-number", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget),
        .executableTarget(name: "fuzz-xml", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget),
        .executableTarget(name: "fuzz-catalogue", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget),
        .executableTarget(name: "fuzz-xlsx", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget),
    ]
)
