import DTICore

/// Units named on the command line (`--parent`, `compare A B`, `history NAME`): by name or code,
/// a former province's name or code finding the unit it became.
public enum UnitNames {
    /// Finds units by name or code in `unitSet` (a former province's name or code finds the unit
    /// it became, with a note), or throws `invalidOption` naming the one not found.
    public static func units(_ names: [String], in unitSet: UnitSet, registry: UnitRegistry, notes: NoteSink) throws -> [AdministrativeUnit] {
        try resolve(names, in: unitSet, registry: registry, notes: notes).map(\.unit)
    }

    /// As `units`, keeping which former unit each name stood for.
    public static func resolve(_ names: [String], in unitSet: UnitSet, registry: UnitRegistry, notes: NoteSink) throws
        -> [UnitResolver.Resolved]
    {
        let resolver = UnitResolver(unitSet, registry: registry)
        return try names.map { name in
            switch resolver.resolve(name) {
            case let .success(found):
                if let note = found.noteWording { notes(note) }
                return found
            case let .failure(failure): throw WorkflowError.invalidOption(failure.wording)
            }
        }
    }
}
