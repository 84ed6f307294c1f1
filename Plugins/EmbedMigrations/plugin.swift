import Foundation
import PackagePlugin

/// Compiles every `migrations/NNNN_name.sql` file, and every report in `reports/NAME.sql`, into
/// the target that uses this plugin, so the built `archive` binary carries its schema and its
/// reports inside itself and works from any directory.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        [try embed(context, directory: "migrations", variable: "embeddedMigrations"),
         try embed(context, directory: "reports", variable: "embeddedReports")]
    }

    /// The command that writes `variable` as a Swift array of every `.sql` file in `directory`.
    private func embed(_ context: PluginContext, directory name: String, variable: String) throws -> Command {
        let directory = context.package.directoryURL.appending(path: name)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        let inputs = names.map { directory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "Embedded-\(name).swift")
        return .buildCommand(
            displayName: "Embedding \(inputs.count) \(name) files",
            executable: try context.tool(named: "EmbedMigrationsTool").url,
            // The directory, not the files: the tool lists it when it runs, so a file added after
            // SwiftPM last ran this plugin is embedded too. The directory is an input so that adding
            // a file re-runs the command.
            arguments: [output.path, variable, directory.path],
            inputFiles: inputs + [directory],
            outputFiles: [output]
        )
    }
}
