// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Vitae",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vitae", targets: ["vitae"]),
        .library(name: "VitaeEngine", targets: ["VitaeEngine"]),
        .library(name: "VitaeExtraction", targets: ["VitaeExtraction"]),
        .library(name: "VitaeAnalysis", targets: ["VitaeAnalysis"]),
        .library(name: "VitaeTesting", targets: ["VitaeTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        // Bytes in, plain text with layout hints out. Knows nothing of pipelines.
        .target(
            name: "VitaeExtraction",
            dependencies: ["CPoppler", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Pipeline files, the step/analyzer protocols, the runner and its events.
        .target(
            name: "VitaeEngine",
            dependencies: ["VitaeExtraction", .product(name: "Yams", package: "Yams")]),
        // The resume analyzers and the scoring rubric, registered as engine steps.
        .target(
            name: "VitaeAnalysis",
            dependencies: ["VitaeEngine"],
            resources: [.copy("Resources")]),
        // Where jobs, their event logs and uploaded files live: the protocols and the SQLite default.
        .target(
            name: "VitaeStore",
            dependencies: ["VitaeEngine", .product(name: "GRDB", package: "GRDB.swift")]),
        // The same store contracts on PostgreSQL, for running several front ends and workers.
        .target(
            name: "VitaePostgres",
            dependencies: [
                "VitaeStore", "VitaeEngine",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // The HTTP API, SSE streams, upload signing and the in-process workers.
        .target(
            name: "VitaeServer",
            dependencies: [
                "VitaeEngine", "VitaeAnalysis", "VitaeStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // The HTTP parts Hummingbird's channel pipeline takes, for SSE frames written from the event loop.
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The dashboard's HTML/CSS/JS and the OpenAPI document ship inside the binary's bundle.
            resources: [.copy("Resources/dashboard"), .copy("Resources/openapi.json")]),
        // Helpers for stage authors: run an analyzer on a file in one line.
        .target(name: "VitaeTesting", dependencies: ["VitaeEngine", "VitaeAnalysis"]),
        .executableTarget(
            name: "vitae",
            dependencies: [
                "VitaeEngine", "VitaeAnalysis", "VitaeExtraction", "VitaeStore", "VitaeServer", "VitaePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Fixtures are read through #filePath, so they are not bundled as resources.
        .testTarget(
            name: "VitaeExtractionTests",
            dependencies: ["VitaeExtraction", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]),
        .testTarget(name: "VitaeEngineTests", dependencies: ["VitaeEngine", "VitaeAnalysis", "VitaeTesting"]),
        .testTarget(name: "VitaeAnalysisTests", dependencies: ["VitaeAnalysis", "VitaeTesting"], exclude: ["Fixtures"]),
        .testTarget(name: "VitaeStoreTests", dependencies: ["VitaeStore", "VitaePostgres", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "VitaeServerTests",
            dependencies: [
                "VitaeServer", "VitaeStore", "VitaeTesting", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
