import DTICore
import XLSX

extension XLSXError: WordedError {
    /// Why the workbook cannot be read, in every language: the XLSX reader says it in English
    /// (`description`), and the catalogue's `xlsx.…` and `zip.…` messages are its sentences in each.
    public var wording: Wording { Wording.translated(description, areas: ["xlsx", "zip"]) }
}

extension CellProblem {
    /// A problem of a sheet's XML in every language (the catalogue's `xlsx.…` messages).
    var wording: Wording { Wording.translated(message, areas: ["xlsx"]) }
    /// What to do about it, likewise.
    var hintWording: Wording { Wording.translated(hint, areas: ["xlsx"]) }
}
