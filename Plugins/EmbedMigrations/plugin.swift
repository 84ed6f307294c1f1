import Foundation
import PackagePlugin

/// Compiles every `migrations/NNNN_name.sql` file into the target that uses this plugin, so the
/// built `archive` binary carries its schema inside itself and works from any directory.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "migrations")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        let inputs = names.map { directory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) migrations",
                executable: try context.tool(named: "EmbedMigrationsTool").url,
                arguments: [output.path] + inputs.map(\.path),
                // The directory itself is an input so that adding a migration re-runs the command.
                inputFiles: inputs + [directory],
                outputFiles: [output]
            )
        ]
    }
}
