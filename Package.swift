// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "scorecard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "scorecard", targets: ["scorecard"]),
    ],
    dependencies: [
        // YAML with line and column marks for every node (site.yaml, visit.yaml, scorecard.yaml, front matter).
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // The command line: subcommands, --help, usage errors with exit status 64.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // Theme templates: logic-less, escapes text and attribute values by default.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // SHA-256 for the publish record (Foundation on Linux has no CryptoKit).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // xxHash from Debian (libxxhash-dev): XXH3-128, the check of every cached page.
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"])]),
        // Model, periods and every figure. No I/O, no dependencies beyond Foundation.
        .target(name: "ScorecardCore"),
        // Text (YAML, CSV) to model, with source locations for every diagnostic.
        .target(
            name: "ScorecardContent",
            dependencies: [
                "ScorecardCore", "ScorecardMarkdown", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // GitHub-flavoured Markdown through cmark-gfm, kpi blocks and inline references.
        .target(name: "ScorecardMarkdown", dependencies: ["CCmarkGFM", "ScorecardCore"]),
        // Values in, SVG out.
        .target(name: "ScorecardCharts"),
        // The site: reading the tree, themes, pages, writing output/.
        .target(
            name: "ScorecardSite",
            dependencies: [
                "ScorecardCore", "ScorecardContent", "ScorecardMarkdown", "ScorecardCharts",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"), "CXXHash",
            ],
            plugins: ["EmbedTheme"]),
        // Build-time tool: writes themes/default into Swift source for the plugin below.
        .executableTarget(name: "embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["embed-theme"]),
        // `scorecard serve`: rebuilds on change and serves the site from memory on 127.0.0.1,
        // through a small bounded HTTP/1.1 layer of its own (LoopbackHTTPServer).
        .target(
            name: "ScorecardPreview",
            dependencies: [
                "ScorecardSite", "ScorecardCore", "ScorecardContent",
            ]),
        // Subcommands.
        .target(
            name: "ScorecardCLI",
            dependencies: [
                "ScorecardSite", "ScorecardCore", "ScorecardContent", "ScorecardPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: a build makes and
        // drops millions of small strings and arrays, and glibc's allocator took a tenth of
        // its CPU (docs/performance.md). Linked into the executable only; tests use malloc.
        .executableTarget(
            name: "scorecard", dependencies: ["ScorecardCLI"],
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]),

        .testTarget(name: "ScorecardCoreTests", dependencies: ["ScorecardCore"]),
        .testTarget(name: "ScorecardContentTests", dependencies: ["ScorecardContent", "ScorecardCore"]),
        .testTarget(name: "ScorecardMarkdownTests", dependencies: ["ScorecardMarkdown", "ScorecardCore"]),
        .testTarget(name: "ScorecardChartsTests", dependencies: ["ScorecardCharts"], exclude: ["Snapshots"]),
        .testTarget(
            name: "ScorecardSiteTests", dependencies: ["ScorecardSite", "ScorecardCore"], exclude: ["Snapshots"]),
        .testTarget(name: "ScorecardPreviewTests", dependencies: ["ScorecardPreview", "ScorecardSite", "ScorecardContent"]),
        .testTarget(name: "ScorecardCLITests", dependencies: ["ScorecardCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
