import DTICore
import DTIIngest
import Foundation

/// Where the reference data (catalogues, editions, unit sets, the XML Schema) are read from: the copy
/// built into the binary, so `dti` runs from any folder, or a folder that overrides it
/// (`--indicators DIR`, `$DTI_INDICATORS`).
public struct IndicatorFiles: Sendable {
    public enum Origin: Equatable, Sendable {
        case builtIn
        case folder(URL)
    }

    public let origin: Origin

    public init(origin: Origin) { self.origin = origin }

    /// The folder named by the option or `$DTI_INDICATORS` in `environment`, else the built-in data.
    public static func locate(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> IndicatorFiles {
        guard let path = option ?? environment["DTI_INDICATORS"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return IndicatorFiles(origin: .builtIn)
        }
        let folder = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("editions.csv").path) else {
            throw WorkflowError.invalidOption(WorkflowError.notAnIndicatorsFolder(path: path).wording)
        }
        return IndicatorFiles(origin: .folder(folder))
    }

    /// Whether the data have a file at `path` (relative to the folder, e.g. `units/tiles.csv`).
    public func exists(_ path: String) -> Bool {
        switch origin {
        case .builtIn: BuiltInIndicators.files[path] != nil || BuiltInMaps.paths.contains(path)
        case let .folder(folder): FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
        }
    }

    /// The text of `path`. The built-in communes' maps are packed, not text: read them with `map(_:)`.
    public func read(_ path: String) throws -> String {
        switch origin {
        case .builtIn:
            guard let text = BuiltInIndicators.files[path] else {
                let reason = BuiltInMaps.paths.contains(path) ? "a packed map, read as a map" : "not built in"
                throw WorkflowError.unreadable(path: name(of: path), reason: reason)
            }
            return text
        case let .folder(folder):
            return try TextFiles.read(folder.appendingPathComponent(path).path)
        }
    }

    /// The map (GeoJSON) at `path`, e.g. `maps/communes-24.geojson`, or nil when the data have none.
    public func map(_ path: String) throws -> UnitMap? {
        if case .builtIn = origin, BuiltInMaps.paths.contains(path) { return try BuiltInMaps.pack.get().map(path) }
        guard exists(path) else { return nil }
        return try GeoJSONMapLoader.load(try read(path), file: name(of: path))
    }

    /// How messages name `path`: `built-in:units/tiles.csv`, or the file's path in the folder.
    public func name(of path: String) -> String {
        switch origin {
        case .builtIn: "built-in:\(path)"
        case let .folder(folder): folder.appendingPathComponent(path).path
        }
    }

    /// The relative path of every file of the data (`units/tiles.csv`, `maps/vn63.geojson`, …).
    public func paths() throws -> [String] {
        switch origin {
        case .builtIn: (BuiltInIndicators.files.keys + BuiltInMaps.paths).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        case let .folder(folder): try Self.files(in: folder)
        }
    }

    /// SHA-256 of every file as `path NUL content NUL`, paths sorted: the same for the built-in data
    /// and for an unchanged Indicators folder, so `dti catalogue` shows whether they differ.
    public func fingerprint() throws -> String {
        switch origin {
        case .builtIn:
            return BuiltInIndicators.fingerprint
        case let .folder(folder):
            var bytes: [UInt8] = []
            for path in try Self.files(in: folder) {
                bytes += Array(path.utf8) + [0] + (try TextFiles.bytes(folder.appendingPathComponent(path).path)) + [0]
            }
            return SHA256.hex(bytes)
        }
    }

    /// `built-in (data 5d5046ec4b6e)` or `/path/Indicators (data 1a2b3c4d5e6f)`.
    public func summary() throws -> Wording {
        let short = String(try fingerprint().prefix(12))
        switch origin {
        case .builtIn: return Messages.Workflow.builtInData(fingerprint: short)
        case let .folder(folder): return Messages.Workflow.folderData(folder: folder.path, fingerprint: short)
        }
    }

    /// The relative paths of the regular, non-hidden files below `folder`, sorted by their UTF-8 bytes.
    private static func files(in folder: URL) throws -> [String] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        let prefix = folder.standardizedFileURL.path + "/"
        while let url = enumerator.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { paths.append(String(path.dropFirst(prefix.count))) }
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
