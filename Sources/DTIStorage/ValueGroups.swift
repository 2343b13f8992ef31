/// The staged values of each unit and edition, found without a table as large as the values:
/// groups are numbered as met, looked up only where the unit or year changes from the value
/// before, and kept as the first and last value and a count, which is all a group whose values
/// are one run of the file needs.
struct ValueGroups {
    private(set) var unit: [Int32] = []
    private(set) var year: [Int32] = []
    private(set) var first: [Int32] = []
    private(set) var last: [Int32] = []
    private(set) var size: [Int32] = []
    private var groupOf: [UInt64: Int32] = [:]
    private var previous: (unit: Int32, year: Int32, group: Int32) = (-1, 0, -1)

    var count: Int { unit.count }
    var isEmpty: Bool { unit.isEmpty }

    /// Whether every group's values are one run (nothing of another group between them).
    var allContiguous: Bool {
        (0..<count).allSatisfy { Int(last[$0] - first[$0]) + 1 == Int(size[$0]) }
    }

    /// Counts the value at `index` in its group.
    mutating func meet(_ index: Int, unit wantedUnit: Int32, year wantedYear: Int32) {
        let group = self.group(unit: wantedUnit, year: wantedYear, adding: true)
        if size[Int(group)] == 0 { first[Int(group)] = Int32(index) }
        last[Int(group)] = Int32(index)
        size[Int(group)] += 1
    }

    /// The group of a unit and year; a new one when `adding` and not met before.
    private mutating func group(unit wantedUnit: Int32, year wantedYear: Int32, adding: Bool) -> Int32 {
        if previous.unit == wantedUnit, previous.year == wantedYear { return previous.group }
        let key = UInt64(UInt32(bitPattern: wantedUnit)) << 32 | UInt64(UInt32(bitPattern: wantedYear))
        let group: Int32
        if let known = groupOf[key] {
            group = known
        } else {
            precondition(adding, "every group is met before its members are gathered")
            group = Int32(unit.count)
            groupOf[key] = group
            unit.append(wantedUnit)
            year.append(wantedYear)
            first.append(-1)
            last.append(-1)
            size.append(0)
        }
        previous = (wantedUnit, wantedYear, group)
        return group
    }

    /// Each group's value indices in the order met, all in one array: `values[starts[g]..<starts[g + 1]]`.
    /// `key(index)` gives a value's unit and year, or `nil` for a value in no group.
    mutating func members(of valueCount: Int, key: (Int) -> (Int32, Int32)?) -> (values: [Int32], starts: [Int]) {
        var starts = [Int](repeating: 0, count: count + 1)
        for group in 0..<count { starts[group + 1] = starts[group] + Int(size[group]) }
        var values = [Int32](repeating: 0, count: starts[count])
        var filled = Array(starts.dropLast())
        for index in 0..<valueCount {
            guard let (unit, year) = key(index) else { continue }
            let group = Int(self.group(unit: unit, year: year, adding: false))
            values[filled[group]] = Int32(index)
            filled[group] += 1
        }
        return (values, starts)
    }
}
