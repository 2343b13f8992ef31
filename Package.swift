// swift-tools-version:6.0
import PackageDescription

/// Settings shared by every Swift target: Swift 6 language mode is the tools default;
/// these add the upcoming-feature checks the style guide asks for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "dti",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dti", targets: ["dti"]),
        .library(name: "DTICore", targets: ["DTICore"]),
        // For the fuzz targets in Fuzz/, a package of their own.
        .library(name: "DTIIngest", targets: ["DTIIngest"]),
        .library(name: "XLSX", targets: ["XLSX"]),
        // For a program of one's own that scores, ranks or runs dti's commands in process.
        .library(name: "DTIAnalysis", targets: ["DTIAnalysis"]),
        .library(name: "DTIWorkflow", targets: ["DTIWorkflow"]),
        .library(name: "DTIStorage", targets: ["DTIStorage"]),
        .library(name: "DTICommands", targets: ["DTICommands"]),
        // The benchmarks' in-process halves (Benchmarks/run.sh and Benchmarks/scale/run.sh run them).
        .executable(name: "kernel-bench", targets: ["kernel-bench"]),
        .executable(name: "scale-bench", targets: ["scale-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The system SQLite (libsqlite3-dev), wrapped privately by DTIStorage.
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The system libxml2 (libxml2-dev), for XML data files and their XML Schema.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // SHA-256 blocks with the x86 SHA extensions, when the processor has them (our own C).
        .target(name: "CSHA256"),
        // Pure model, scoring and ranking: no I/O, no third-party dependencies.
        // The message catalogue (every sentence in every language) is a file of its own, compiled in.
        .target(
            name: "DTICore", dependencies: ["CSHA256"], resources: [.embedInCode("Messages/messages.tsv")],
            swiftSettings: strictSettings),
        // The system zlib (zlib1g-dev): inflate and CRC-32 for reading workbooks.
        .systemLibrary(name: "CDeflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Excel workbooks (.xlsx) as grids of typed cells, both ways: a ZIP container of XML parts.
        // Knows nothing of the DTI; bounded against hostile workbooks.
        .target(
            name: "XLSX",
            dependencies: ["CLibXML2", "CDeflate", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        // Bytes -> values + diagnostics: CSV, XML and .xlsx observations, YAML catalogues, unit registries.
        .target(
            name: "DTIIngest",
            dependencies: ["DTICore", "CLibXML2", "XLSX", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // Files written from input: folders entered without following links, temporary files created
        // exclusively and renamed into place, outputs that never replace the database or another's file.
        .target(name: "DTIFiles", dependencies: ["DTICore"], swiftSettings: strictSettings),
        // The SQLite history behind a small API.
        .target(name: "DTIStorage", dependencies: ["DTICore", "CSQLite"], swiftSettings: strictSettings),
        // Rank uncertainty, sensitivity and the statistical audit: pure computation over DTICore.
        .target(name: "DTIAnalysis", dependencies: ["DTICore"], swiftSettings: strictSettings),
        // Renderers: values -> text (terminal table, CSV, JSON, Markdown, HTML).
        // The sandbox's script is a file of its own (Reports/Sandbox.js), compiled into the binary.
        .target(
            name: "DTIReport", dependencies: ["DTICore", "DTIAnalysis"], resources: [.embedInCode("Reports/Sandbox.js")],
            swiftSettings: strictSettings),
        // The application layer: reference and built-in data, edition loading, the import pipeline,
        // scoring from the history, a report's input. No argument parsing and no printing: notes go to a sink.
        .target(
            name: "DTIWorkflow",
            dependencies: ["DTICore", "DTIIngest", "DTIStorage", "DTIAnalysis", "DTIReport"],
            swiftSettings: strictSettings
        ),
        // The commands: parsing, paths, what is printed and exit statuses, said through a `Console`
        // value, so that tests, benchmarks and fuzzers run them in process.
        .target(
            name: "DTICommands",
            dependencies: [
                "DTICore", "DTIIngest", "DTIStorage", "DTIReport", "DTIAnalysis", "DTIFiles", "DTIWorkflow", "XLSX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // The binary: the commands on the process's own console.
        .executableTarget(name: "dti", dependencies: ["DTICommands"], swiftSettings: strictSettings),
        // Benchmarks, timed by Benchmarks/run.sh (the analysis kernel in process) and Benchmarks/scale/run.sh
        // (import and rank in process). In this package, not one of their own, so that the one release
        // build CI makes of dti makes them too; they have no tests, so `swift test` does not run them.
        .executableTarget(
            name: "kernel-bench", dependencies: ["DTIAnalysis", "DTIIngest", "DTICore", "DTIWorkflow"], path: "Benchmarks/Sources/kernel-bench",
            swiftSettings: strictSettings),
        .executableTarget(
            name: "scale-bench", dependencies: ["DTIWorkflow", "DTIStorage", "DTICore"], path: "Benchmarks/Sources/scale-bench",
            swiftSettings: strictSettings),
        // What the test targets share: one snapshot mechanism, one process runner.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "DTICoreTests", dependencies: ["DTICore"], swiftSettings: strictSettings),
        .testTarget(name: "DTIAnalysisTests", dependencies: ["DTIAnalysis", "DTICore", "DTIIngest"], swiftSettings: strictSettings),
        .testTarget(
            name: "DTIIngestTests",
            dependencies: ["DTIIngest", "DTICore", "CLibXML2", "XLSX"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "XLSXTests",
            dependencies: ["XLSX", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "DTIFilesTests", dependencies: ["DTIFiles", "DTICore"], swiftSettings: strictSettings),
        .testTarget(
            name: "DTIStorageTests",
            dependencies: ["DTIStorage", "DTICore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DTIReportTests",
            dependencies: ["DTIReport", "DTIAnalysis", "DTICore", "TestSupport"],
            exclude: ["Snapshots", "Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DTIWorkflowTests",
            dependencies: ["DTIWorkflow", "DTIStorage", "DTICore", "DTIIngest", "DTIAnalysis"],
            exclude: ["Dumps"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "dtiTests",
            dependencies: [
                "dti", "DTICommands", "DTICore", "DTIIngest", "DTIStorage", "DTIReport", "DTIFiles", "DTIWorkflow", "XLSX", "TestSupport",
            ],
            exclude: ["Snapshots", "Fixtures"],
            swiftSettings: strictSettings
        ),
    ]
)
