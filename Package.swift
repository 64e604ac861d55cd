// swift-tools-version: 6.0
// Pintail: a SQL query engine over a local data lake. See Docs/Architecture.md for the layers.
import PackageDescription

/// Release builds of the hot libraries skip exclusivity checks; everything else keeps Swift's defaults.
let fast: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "Pintail",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pintail", targets: ["pintail"]),
        .executable(name: "pintail-datagen", targets: ["pintail-datagen"]),
        .executable(name: "pintail-bench", targets: ["pintail-bench"]),
    ],
    targets: [
        // C libraries from Debian packages (see each shim.h for the package name).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CSnappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CLZ4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CBrotli", providers: [.apt(["libbrotli-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CEdit", providers: [.apt(["libedit-dev"])]),

        // Foundation layer: types, vectors, batches, errors.
        .target(name: "PintailCore", swiftSettings: fast),
        // Independent libraries.
        .target(name: "PintailCodecs", dependencies: ["CZlib", "CZstd", "CSnappy", "CLZ4", "CBrotli"]),
        .target(name: "PintailSQL"),
        .target(name: "PintailCatalog", dependencies: ["CSQLite"]),
        .target(name: "PintailSketch", swiftSettings: fast),
        .target(name: "PintailML", dependencies: ["COpenBLAS"], swiftSettings: fast),
        .target(name: "PintailParquet", dependencies: ["PintailCore", "PintailCodecs"], swiftSettings: fast),
        .target(name: "PintailText", dependencies: ["PintailCore", "PintailCodecs"], swiftSettings: fast),
        // Query layers.
        .target(name: "PintailPlanner", dependencies: ["PintailCore", "PintailSQL", "PintailParquet"]),
        .target(
            name: "PintailExecution",
            dependencies: ["PintailCore", "PintailPlanner", "PintailText", "PintailSketch", "PintailParquet", "PintailCodecs", "PintailML"],
            swiftSettings: fast),
        .target(
            name: "PintailEngine",
            dependencies: ["PintailCore", "PintailSQL", "PintailCatalog", "PintailPlanner", "PintailExecution", "PintailCodecs"]),
        // Executables.
        // The CLI's formatter, argument parser and script runner, kept apart from main so that tests can call them.
        .target(name: "PintailCLI", dependencies: ["PintailCore", "PintailEngine"]),
        .executableTarget(name: "pintail", dependencies: ["PintailCLI", "PintailEngine", "CEdit"]),
        .executableTarget(name: "pintail-datagen", dependencies: ["PintailCore", "PintailParquet", "PintailCodecs"]),
        .executableTarget(name: "pintail-bench", dependencies: ["PintailEngine", "PintailCore", "PintailParquet"]),

        // Tests, one target per library.
        .testTarget(name: "PintailCoreTests", dependencies: ["PintailCore"]),
        .testTarget(name: "PintailCodecsTests", dependencies: ["PintailCodecs"]),
        .testTarget(name: "PintailSQLTests", dependencies: ["PintailSQL"]),
        .testTarget(name: "PintailCatalogTests", dependencies: ["PintailCatalog"]),
        .testTarget(name: "PintailSketchTests", dependencies: ["PintailSketch"]),
        .testTarget(name: "PintailMLTests", dependencies: ["PintailML"]),
        .testTarget(name: "PintailParquetTests", dependencies: ["PintailParquet"], exclude: ["Fixtures"]),
        .testTarget(name: "PintailTextTests", dependencies: ["PintailText"]),
        .testTarget(name: "PintailEngineTests", dependencies: ["PintailEngine"], exclude: ["SQLLogic", "Fixtures"]),
        .testTarget(name: "PintailCLITests", dependencies: ["PintailCLI"]),
        .testTarget(name: "PintailDatagenTests", dependencies: ["pintail-datagen", "PintailCodecs", "PintailParquet", "PintailText"]),
    ]
)
