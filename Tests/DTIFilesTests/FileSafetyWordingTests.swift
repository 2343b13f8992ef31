import DTICore
import DTIFiles
import Testing

/// Every refusal of the file layer says itself in Vietnamese, whole (issue 33: they reached the
/// user in English after "Lỗi:"). A case added without its Vietnamese fails to compile (the switch
/// is exhaustive); one whose Vietnamese is the English fails here. (A report folder's refusal is checked
/// through the command, in `VietnameseOutputTests.refusalsAndSuggestionsSpeakVietnamese`.)
struct FileSafetyWordingTests {
    static let cases: [FileSafetyError] = [
        .cannotOpenFolder(path: "/p", reason: "r"), .cannotCreateFolder(path: "/p", reason: "r"), .link(path: "/p"),
        .notAFolder(path: "/p"), .folderInTheWay(path: "/p"), .notARegularFile(path: "/p"), .cannotWrite(path: "/p", reason: "r"),
        .databaseInUse(path: "/p", database: "/d"), .sqliteDatabase(path: "/p"), .notWrittenByDTI(path: "/p"),
        .changedSinceWritten(path: "/p"), .ledgerNotAFile(path: "/p", ledger: "/l"),
    ]

    @Test(arguments: cases)
    func eachRefusalHasItsVietnamese(error: FileSafetyError) {
        let wording = error.wording
        #expect(wording.text(.en) == error.description)
        #expect(wording.text(.vi) != wording.text(.en) && wording.text(.vi).contains("/p"))
        for word in [" the ", " is ", " not ", " cannot ", " and "] { #expect(!wording.text(.vi).contains(word), "\(wording.text(.vi))") }
    }
}
