import Foundation

/// Default locations of the reference data and the database.
enum Paths {
    /// The Indicators folder: the option, `$DTI_INDICATORS`, `./Indicators`, or the first
    /// `Indicators` folder above the running executable (so `swift run` works from anywhere).
    static func indicators(option: String?) throws -> URL {
        if let option { return URL(fileURLWithPath: option) }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["DTI_INDICATORS"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let fileManager = FileManager.default
        let local = URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("Indicators")
        if fileManager.fileExists(atPath: local.appendingPathComponent("editions.csv").path) { return local }
        var directory = URL(fileURLWithPath: executablePath()).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Indicators")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("editions.csv").path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw CLIError.indicatorsNotFound
    }

    /// The database: the option, `$DTI_DB`, or the XDG data folder.
    static func database(option: String?) -> String {
        if let option { return option }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["DTI_DB"], !path.isEmpty { return path }
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            base = (environment["HOME"] ?? FileManager.default.currentDirectoryPath) + "/.local/share"
        }
        return base + "/dti/history.sqlite"
    }

    private static func executablePath() -> String {
        #if os(Linux)
            if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        #endif
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
