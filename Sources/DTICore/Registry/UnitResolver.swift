/// Finds a unit of a set as a user names it, including by a name or code it had before a merger:
/// among the 34 units of 1 July 2025, "Bắc Giang" is the Bắc Ninh it became part of, and
/// "Vĩnh Phúc" is Phú Thọ. A name of the set itself always wins (the code 24 is Bắc Ninh among
/// the 34, Bắc Giang among the 63).
public struct UnitResolver: Sendable {
    /// A unit found, and the former unit the text named when it named one.
    public struct Resolved: Sendable, Hashable {
        /// The unit of the set.
        public var unit: AdministrativeUnit
        /// The unit of the predecessor set that the text named, when it was not `unit` itself.
        public var formerUnit: AdministrativeUnit?

        /// The set the unit was found in, for the note.
        public var setLabel: Wording

        /// One line saying what a former name resolved to, e.g. "'Bắc Giang' is part of Bắc Ninh
        /// among the 34 provinces (from 1 July 2025)".
        public var note: String? { noteWording?.text(.en) }

        /// The same line in both languages.
        public var noteWording: Wording? {
            formerUnit.map {
                Messages.Core.isPartOfAmongUsing(itemName: $0.name, unitName: unit.name, setLabel: setLabel, unitCode: unit.code)
            }
        }
    }

    private let matcher: UnitMatcher
    private let predecessor: (matcher: UnitMatcher, successorOf: [String: String])?

    /// A resolver for `unitSet`, knowing its predecessor set from `registry` when it has one.
    public init(_ unitSet: UnitSet, registry: UnitRegistry) {
        matcher = UnitMatcher(unitSet, parents: unitSet.parentSetID.flatMap(registry.unitSet))
        if let predecessorID = unitSet.predecessorID, let earlier = registry.unitSet(predecessorID) {
            var successorOf: [String: String] = [:]
            for unit in unitSet.units {
                for member in unit.memberCodes { successorOf[member] = unit.code }
            }
            predecessor = (UnitMatcher(earlier), successorOf)
        } else {
            predecessor = nil
        }
    }

    /// The unit `text` names.
    public func resolve(_ text: String) -> Result<Resolved, UnitMatcher.Failure> {
        let failure: UnitMatcher.Failure
        switch matcher.match(text) {
        case let .success(unit):
            return .success(
                Resolved(unit: unit, formerUnit: nil, setLabel: matcher.unitSet.labelWording))
        case let .failure(found): failure = found
        }
        guard case .unknown = failure, let predecessor, case let .success(former) = predecessor.matcher.match(text),
            let code = predecessor.successorOf[former.code], let unit = matcher.unitSet.unit(code: code)
        else { return .failure(failure) }
        return .success(
            Resolved(unit: unit, formerUnit: former, setLabel: matcher.unitSet.labelWording))
    }
}
