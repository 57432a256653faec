import Foundation
import PackagePlugin

/// Embeds `themes/default/` into the ScorecardSite module at build time, so the executable
/// carries its default theme and works when copied anywhere, while the theme's source stays
/// ordinary files a council can copy and edit.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "themes").appending(path: "default")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDefaultTheme.swift")
        return [
            .buildCommand(
                displayName: "Embedding themes/default",
                executable: try context.tool(named: "embed-theme").url,
                arguments: [theme.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }
}
