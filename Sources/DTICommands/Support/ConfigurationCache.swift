import ArgumentParser
import DTICore
import Foundation

/// Each command's configuration, made once per language: ArgumentParser reads a command's
/// `configuration` many times in one parse, and its words come from the message catalogue in the
/// run's language (`ParseLanguage`), so it is computed, not a constant.
enum ConfigurationCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [ObjectIdentifier: [Language: CommandConfiguration]] = [:]

    /// `command`'s configuration in the language of the run being parsed, made by `make` the first time.
    static func configuration(of command: Any.Type, _ make: () -> CommandConfiguration) -> CommandConfiguration {
        let (type, language) = (ObjectIdentifier(command), ParseLanguage.current)
        if let configuration = lock.withLock({ made[type]?[language] }) { return configuration }
        // Made outside the lock: making one never waits on another's.
        let configuration = make()
        lock.withLock { made[type, default: [:]][language] = configuration }
        return configuration
    }
}
