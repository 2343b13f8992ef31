import DTICore

/// What dti wrote in a folder: each file's path (relative, `/`-separated) and the SHA-256 of the
/// bytes it wrote, in `sha256sum` form, so `sha256sum -c` shows what was changed by hand since.
///
/// A name holding a line break or a backslash is written as `sha256sum` writes it (a leading `\`
/// and the name escaped), so no name can split a line or forge an entry.
public struct FileManifest: Sendable, Equatable {
    /// Path → SHA-256 (hex) of what dti last wrote there.
    public var entries: [String: String]

    /// An empty manifest.
    public init(entries: [String: String] = [:]) {
        self.entries = entries
    }

    /// Reads a manifest's text; lines it cannot read are passed over (they list nothing).
    public init(text: String) {
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n") {
            var body = Substring(line)
            let escaped = body.first == "\\"
            if escaped { body = body.dropFirst() }
            let parts = body.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64 else { continue }
            var name = String(parts[1].drop { $0 == " " || $0 == "*" })
            if escaped { name = Self.unescaped(name) }
            entries[name] = String(parts[0])
        }
        self.entries = entries
    }

    /// The manifest's text, sorted by path.
    public var text: String {
        entries.keys.sorted().map { name in
            let hash = entries[name] ?? ""
            guard name.contains("\n") || name.contains("\\") || name.contains("\r") else { return "\(hash)  \(name)\n" }
            return "\\\(hash)  \(Self.escaped(name))\n"
        }.joined()
    }

    /// The SHA-256 of `bytes` as the manifest keeps it.
    public static func hash(_ bytes: some Collection<UInt8>) -> String {
        SHA256.hex([UInt8](bytes))
    }

    private static func escaped(_ name: String) -> String {
        var result = ""
        for character in name.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    private static func unescaped(_ name: String) -> String {
        var result = ""
        var pending = false
        for character in name.unicodeScalars {
            if pending {
                switch character {
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(character)
                }
                pending = false
            } else if character == "\\" {
                pending = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
