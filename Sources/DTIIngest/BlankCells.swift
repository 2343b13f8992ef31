import DTICore
import Foundation

/// The value cells a file left empty, by key: what an import tells the store, so that a blank
/// where a value is stored is a difference like any other (refused, or with `--replace` the
/// stored value removed and kept in the history), and "left missing" is what is then stored.
public final class BlankCells: @unchecked Sendable {
    private let lock = NSLock()
    private var cells: [BlankCell] = []
    private var seen: Set<ObservationKey> = []

    public init() {}

    /// Records an empty cell (the first for each key).
    func add(_ key: ObservationKey, at location: SourceLocation) {
        lock.lock()
        defer { lock.unlock() }
        if seen.insert(key).inserted { cells.append(BlankCell(key: key, location: location)) }
    }

    /// The empty cells, in the order they were read.
    public var all: [BlankCell] {
        lock.lock()
        defer { lock.unlock() }
        return cells
    }
}
