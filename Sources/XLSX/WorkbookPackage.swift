/// The ZIP container of a workbook: what it is (before trusting it as a ZIP), which entries it
/// holds (none may name a path outside it), and their inflated bytes, capped while inflating so
/// that a size the archive claims cannot be trusted to bound memory.
final class WorkbookPackage {
    private let archive: ZipArchive
    /// Entries by lower-cased part name: OOXML part names are case-insensitive.
    private let entries: [String: ZipArchive.Entry]
    private let limits: XLSXLimits
    private var inflated = 0

    init(bytes: [UInt8], limits: XLSXLimits) throws(XLSXError) {
        if bytes.starts(with: Self.compoundFileMagic) {
            throw .compoundFile(encrypted: Self.contains(Self.encryptedPackageName, in: bytes))
        }
        guard bytes.starts(with: Self.zipMagic) || bytes.starts(with: Self.emptyZipMagic) else { throw .notAWorkbook }
        // An OpenDocument file (LibreOffice's .ods) is a ZIP too, with its type stored first.
        if Self.contains(Self.openDocumentType, in: Array(bytes.prefix(200))) {
            throw .openDocument(spreadsheet: Self.contains(Self.openDocumentSpreadsheet, in: Array(bytes.prefix(200))))
        }
        let archive = try ZipArchive(bytes: bytes, maxEntries: limits.maxEntries)
        var entries: [String: ZipArchive.Entry] = [:]
        for entry in archive.entries {
            guard Self.isContained(entry.name) else { throw .unsafeEntryName(entry.name) }
            entries[Self.normalised(entry.name)] = entry
        }
        guard !entries.isEmpty else { throw .damaged(detail: "the archive is empty") }
        self.archive = archive
        self.entries = entries
        self.limits = limits
    }

    /// The inflated bytes of the part `name`, or `nil` when the package has no such part.
    func bytes(of name: String) throws(XLSXError) -> [UInt8]? {
        guard let entry = entries[Self.normalised(name)] else { return nil }
        let cap = max(0, min(limits.maxPartBytes, limits.maxTotalBytes - inflated))
        let data: [UInt8]
        do {
            data = try archive.data(of: entry, cap: cap)
        } catch .tooLarge {
            throw .tooLarge(part: name, limit: limits.maxPartBytes)
        }
        inflated += data.count
        return data
    }

    /// `PK\3\4`: a ZIP archive's first local file header.
    private static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// The start of an OpenDocument file's `mimetype` entry, stored uncompressed near its start.
    private static let openDocumentType: [UInt8] = Array("application/vnd.oasis.opendocument.".utf8)
    private static let openDocumentSpreadsheet: [UInt8] = Array("application/vnd.oasis.opendocument.spreadsheet".utf8)
    /// `PK\5\6`: an empty ZIP archive.
    private static let emptyZipMagic: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    /// An OLE compound file: `.xls`, or an encrypted OOXML package.
    private static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// "EncryptedPackage" in UTF-16LE: the stream an encrypted OOXML package is stored in.
    private static let encryptedPackageName: [UInt8] = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })

    private static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let lastStart = haystack.count - needle.count
        while index <= lastStart {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// A name that stays inside the archive: relative, no `..` part, no drive letter.
    static func isContained(_ name: String) -> Bool {
        let slashed = String(name.map { $0 == "\\" ? "/" : $0 })
        if slashed.hasPrefix("/") || slashed.contains("\0") { return false }
        if let colon = slashed.firstIndex(of: ":"), slashed[..<colon].count == 1 { return false }
        return !slashed.split(separator: "/").contains("..")
    }

    /// A part name as looked up: no leading slash, forward slashes, lower case.
    static func normalised(_ name: String) -> String {
        var slashed = String(name.map { $0 == "\\" ? "/" : $0 })
        while slashed.hasPrefix("/") { slashed.removeFirst() }
        return slashed.lowercased()
    }
}
