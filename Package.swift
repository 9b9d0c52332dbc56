// swift-tools-version:6.1
import PackageDescription

// Layers (see README, "Architecture"): honsim -> HonsimTUI -> HonsimStore -> HonsimCore.
// An arrow only points down; HonsimCore imports nothing of ours.
let package = Package(
    name: "honsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "honsim", targets: ["honsim"]),
        .executable(name: "honsim-bench", targets: ["HonsimBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Reads .xlsx workbooks (a zip of XML parts) for imports.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The city-wide store: PostgreSQL over SwiftNIO.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // The log (already what postgres-nio logs through).
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
    ],
    targets: [
        // ncursesw with wide characters; wraps the macros Swift cannot import.
        .target(
            name: "CNcurses",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // statfs's file system type, which Swift's Glibc module does not bring: a store on a
        // network file system is refused for writing.
        .target(name: "CFileSystem"),
        // The domain: pure Swift, no I/O.
        .target(name: "HonsimCore"),
        // The case store: SQLite (GRDB), migrations, change feed, audit, CSV and xlsx import.
        .target(
            name: "HonsimStore",
            dependencies: [
                "HonsimCore", "CFileSystem",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own C interface, for reading a row's cells where GRDB's generic decoding costs.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // Only to tell a pool that has stopped trying the server (RenewablePool.swift).
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The terminal user interface.
        .target(
            name: "HonsimTUI",
            dependencies: ["HonsimCore", "HonsimStore", "CNcurses", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .executableTarget(
            name: "honsim",
            dependencies: [
                "HonsimCore", "HonsimStore", "HonsimTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Generates a large store and measures the pane queries against it.
        .executableTarget(
            name: "HonsimBench",
            dependencies: [
                "HonsimCore", "HonsimStore", "HonsimTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/HonsimBench"
        ),
        .testTarget(name: "HonsimCoreTests", dependencies: ["HonsimCore"]),
        // A throwaway PostgreSQL server for the store's and the command line's tests.
        .target(name: "HonsimTestServer", path: "Tests/HonsimTestServer"),
        .testTarget(
            name: "HonsimStoreTests",
            dependencies: [
                "HonsimCore", "HonsimStore", "HonsimTestServer", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // Stores made by an earlier release, as SQL text, read from the source tree.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "HonsimTUITests",
            dependencies: ["HonsimCore", "HonsimStore", "HonsimTUI", "CNcurses", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "HonsimCLITests",
            dependencies: ["HonsimCore", "HonsimStore", "HonsimTestServer", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
