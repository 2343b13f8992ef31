import DTICore

extension UnitFileLoader {
    /// One line of a unit file read on its own: its cells checked and its unit made, before it is
    /// compared with the other lines (repeated codes and names). Lines are read this way on every
    /// core at once; `Prepared.finish` then takes the readings in file order.
    struct RowReading: Sendable {
        var line: Int
        var code: String
        var codeColumn: Int
        var nameColumn: Int
        /// An empty, comma-holding, unsafe or overlong code: the row's code is not compared.
        var codeProblem: Diagnostic?
        /// The code's file-name part folded to lower case (compared for codes that differ in case).
        var partKey: String
        /// The name's and control characters' problems and an empty parent, in the order they are
        /// reported (an unknown parent is found by `finish`, after them).
        var problems: [Diagnostic] = []
        /// The parent as written, as a code (`1` is `01`), and where it is: looked up once the
        /// province lists are loaded.
        var parentText: String
        var parentCode: String
        var parentColumn: Int
        /// The unit, when its own cells are good.
        var unit: AdministrativeUnit?
        var region: Region?
        /// The parent and the name with case and spacing folded: two units of one province with
        /// the same key can never be told apart.
        var foldedName: String

        init(
            _ row: CSVRecord, file: String, codeIndex: Int, nameIndex: Int, parentIndex: Int?, columns: [String: Int], officialSpelling: Bool
        ) {
            var problems: [Diagnostic] = []
            func problem(_ key: String, _ message: Wording, hint: Wording, column: Int) -> Diagnostic {
                Diagnostic(.error, "unit-file." + key, message, hint: hint, at: SourceLocation(file: file, line: row.line, column: column))
            }
            let code = UnitFileLoader.cell(codeIndex, row)
            let name = UnitFileLoader.cell(nameIndex, row)
            let parent = UnitFileLoader.cell(parentIndex, row)
            line = row.line
            parentText = parent.text
            parentCode = UnitFileLoader.normalisedParent(parent.text)
            parentColumn = parent.column
            self.code = code.text
            codeColumn = code.column
            nameColumn = name.column
            partKey = ""
            foldedName = ""
            codeProblem = Self.codeProblem(code.text, column: code.column, problem: problem)
            if codeProblem == nil { partKey = FileNamePart.caseFolded(code.text) }

            if name.text.isEmpty {
                problems.append(
                    problem(
                        "name-empty", Messages.Ingest.nameOfUnitIsEmpty(code: code.text),
                        hint: Messages.Ingest.giveEveryUnitItsName, column: name.column))
            } else if name.text.count > UnitFileLoader.maxNameLength {
                problems.append(
                    problem(
                        "name-too-long",
                        Messages.Ingest.nameOfUnitHasCharacters(code: code.text, name: name.text.count, maxNameLength: UnitFileLoader.maxNameLength),
                        hint: Messages.Ingest.giveUnitSNameLonger, column: name.column))
            }
            let fullName = UnitFileLoader.cell(columns["full_name"], row)
            let nameEN = UnitFileLoader.cell(columns["name_en"], row)
            let regionName = UnitFileLoader.cell(columns["region"], row)
            // Four calls, not a loop over an array of the four: this runs for each of 10,000 lines.
            func checkCharacters(_ label: String, _ field: (text: String, column: Int)) {
                guard let scalar = UnitFileLoader.unsafeScalar(in: field.text) else { return }
                problems.append(
                    problem(
                        "name-control-character",
                        Messages.Ingest.ofUnitHolds(label: label, code: code.text, describe: UnitFileLoader.describe(scalar)),
                        hint: Messages.Ingest.removeItSuchCharacterActs,
                        column: field.column))
            }
            checkCharacters("name", name)
            checkCharacters("full_name", fullName)
            checkCharacters("name_en", nameEN)
            checkCharacters("region", regionName)
            if parent.text.isEmpty {
                problems.append(
                    problem(
                        "parent-empty", Messages.Ingest.unitHasNoParent(code: code.text),
                        hint: Messages.Ingest.giveCodeOfItsProvince, column: parent.column))
            }
            self.problems = problems
            guard codeProblem == nil, problems.isEmpty else { return }
            if !regionName.text.isEmpty {
                let id = TextFolding.fold(regionName.text).replacingSpaces(with: "-")
                region = Region(id: id, nameVI: regionName.text, nameEN: regionName.text)
            }
            let made = AdministrativeUnit(
                code: code.text, name: name.text, fullName: fullName.text.isEmpty ? name.text : fullName.text,
                nameEN: nameEN.text.isEmpty ? TextFolding.fold(name.text).capitalisedWords : nameEN.text, regionID: region?.id,
                parentCode: parentCode)
            // The built-in communes are printed as the official lists spell names; a user's own
            // unit file is printed as written.
            let unit = officialSpelling ? made.withOfficialToneMarks() : made
            self.unit = unit
            foldedName = (unit.parentCode ?? "") + "\u{0}" + UnitFileLoader.spaced(unit.name).lowercased()
        }

        /// What is wrong with a code on its own, if anything.
        private static func codeProblem(
            _ code: String, column: Int, problem: (String, Wording, Wording, Int) -> Diagnostic
        ) -> Diagnostic? {
            if code.isEmpty {
                return problem(
                    "code-empty", Messages.Ingest.codeIsEmpty, Messages.Ingest.giveEveryUnitCode, column
                )
            }
            if code.contains(",") {
                return problem(
                    "code-comma", Messages.Ingest.codeContainsComma(code: code),
                    Messages.Ingest.codesAreTextWithoutCommas, column)
            }
            if let scalar = UnitFileLoader.unsafeScalar(in: code) {
                return problem(
                    "code-control-character",
                    Messages.Ingest.codeHolds(code: code, describe: UnitFileLoader.describe(scalar)),
                    Messages.Ingest.removeItCodeIsPlain, column)
            }
            if code.count > UnitFileLoader.maxCodeLength {
                return problem(
                    "code-too-long",
                    Messages.Ingest.codeOfUnitHasCharacters(
                        string: String(code.prefix(20)), code: code.count, maxCodeLength: UnitFileLoader.maxCodeLength),
                    Messages.Ingest.codesAreShortEG, column)
            }
            return nil
        }
    }

    /// The trimmed text and column of cell `index` of `row` (empty, at the row's last column, when
    /// the row is shorter).
    static func cell(_ index: Int?, _ row: CSVRecord) -> (text: String, column: Int) {
        guard let index, index < row.fields.count else { return ("", (row.fields.last?.column ?? 1)) }
        return (row.fields[index].text.trimmingWhitespace(), row.fields[index].column)
    }
}
