import DTICore

/// The one entry point for data files: bytes in, checked observations and every problem out.
/// Picks the reader from the content (a workbook, XML or CSV), decodes the text, fingerprints the
/// bytes, and runs the checks that span files.
public enum DataFileReader {
    /// The text formats a data file can be in (a workbook is told apart by its bytes first).
    public enum Format: String, Sendable {
        case csv, xml
    }

    /// Reads one file's bytes; a value given twice in the file is reported like one given in two files.
    public static func read(_ bytes: [UInt8], file: String, context: IngestContext) -> IngestResult {
        IngestResult.combining([readOnly(bytes, file: file, context: context)])
    }

    private static func readOnly(_ bytes: [UInt8], file: String, context: IngestContext) -> IngestResult {
        let sha256 = SHA256.hex(bytes)
        if isWorkbook(bytes, file: file) {
            return SpreadsheetObservationReader.read(bytes, file: file, sha256: sha256, context: context)
        }
        let decoded: TextDecoding.Decoded
        switch TextDecoding.decode(bytes, file: file) {
        case let .success(text): decoded = text
        case let .failure(failure): return IngestResult(diagnostics: [failure.diagnostic])
        }
        switch format(of: decoded.text, file: file) {
        case .xml: return XMLObservationReader.read(decoded.text, file: file, sha256: sha256, context: context)
        case .csv: return CSVObservationReader.read(decoded.text, file: file, sha256: sha256, context: context)
        }
    }

    /// Reads several files and adds the checks across them: the same value given twice, and a
    /// main indicator given both directly and through its components.
    public static func readAll(_ files: [(name: String, bytes: [UInt8])], context: IngestContext) -> IngestResult {
        var combined = IngestResult.combining(files.map { read($0.bytes, file: $0.name, context: context) })
        combined.diagnostics += ComponentOverlap.diagnostics(combined.observations, context: context)
        return combined
    }

    /// A workbook: a ZIP archive or an OLE compound file (an old `.xls` or an encrypted workbook,
    /// which the workbook reader names), or a name ending in `.xlsx`, `.xlsm` or `.xls`.
    public static func isWorkbook(_ bytes: [UInt8], file: String) -> Bool {
        let name = file.lowercased()
        if name.hasSuffix(".xlsx") || name.hasSuffix(".xlsm") || name.hasSuffix(".xls") { return true }
        return bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    /// XML when the text starts with `<` (after a byte-order mark and blanks), or the name ends
    /// in `.xml`; CSV otherwise.
    public static func format(of text: String, file: String) -> Format {
        if file.lowercased().hasSuffix(".xml") { return .xml }
        let first = text.first { $0 != "\u{FEFF}" && !$0.isWhitespace }
        return first == "<" ? .xml : .csv
    }
}

/// Reports a main indicator given both directly and through components for the same unit and
/// edition. The given main value wins (it is what was assessed); the components are ignored, and
/// scoring flags the row the same way.
enum ComponentOverlap {
    static func diagnostics(_ observations: [Observation], context: IngestContext) -> [Diagnostic] {
        var mains: [ObservationKey: Observation] = [:]
        var components: [ObservationKey: [Observation]] = [:]
        for observation in observations {
            guard let edition = try? context.editions.edition(for: observation.year),
                let catalogue = context.catalogues[edition.framework],
                let node = catalogue.node(observation.indicatorID)
            else { continue }
            switch node.kind {
            case .indicator where catalogue.components(of: node.id).isEmpty == false:
                mains[observation.key] = observation
            case .component:
                let parent = ObservationKey(year: observation.year, unitCode: observation.unitCode, indicatorID: node.countsIn.first ?? "")
                components[parent, default: []].append(observation)
            default:
                break
            }
        }
        return mains.keys.sorted().compactMap { key in
            guard let main = mains[key], let parts = components[key], let first = parts.first else { return nil }
            return Diagnostic(
                .warning,
                "\(key.indicatorID) of unit \(key.unitCode) in \(key.year) is given directly and through \(parts.count) component\(parts.count == 1 ? "" : "s") (first at \(first.provenance.lineLocation)): the given value is used and the components are ignored",
                hint: "remove the main-indicator value to score from the components, or remove the components",
                at: main.provenance.location)
        }
    }
}
