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
        // Helpers for stage authors: run an analyzer on a file in one line.
        .target(name: "VitaeTesting", dependencies: ["VitaeEngine", "VitaeAnalysis"]),
        .executableTarget(
            name: "vitae",
            dependencies: [
                "VitaeEngine", "VitaeAnalysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "VitaeExtractionTests", dependencies: ["VitaeExtraction"]),
        .testTarget(name: "VitaeEngineTests", dependencies: ["VitaeEngine", "VitaeTesting"]),
        // Fixtures are read from the source tree by path (#filePath), not bundled.
        .testTarget(name: "VitaeAnalysisTests", dependencies: ["VitaeAnalysis", "VitaeTesting"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
