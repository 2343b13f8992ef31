// swift-tools-version:6.0
import PackageDescription

// Benchmarks, in a package of their own so that `swift test` of the main package stays quick.
// `run.sh` times whole processes against the numpy baseline; `kernel-bench` times the analysis
// kernel in-process; `scale-bench` times import and rank in-process for `scale/run.sh`.
let package = Package(
    name: "dti-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "dti", path: "..")],
    targets: [
        .executableTarget(
            name: "kernel-bench",
            dependencies: [
                .product(name: "DTIAnalysis", package: "dti"), .product(name: "DTIIngest", package: "dti"),
                .product(name: "DTICore", package: "dti"), .product(name: "DTIWorkflow", package: "dti"),
            ]
        ),
        // The scale benchmark's import and rank in process, through the application layer.
        .executableTarget(
            name: "scale-bench",
            dependencies: [
                .product(name: "DTIWorkflow", package: "dti"), .product(name: "DTIStorage", package: "dti"),
                .product(name: "DTICore", package: "dti"),
            ]
        ),
    ]
)
