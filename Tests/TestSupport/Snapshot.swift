import Foundation
import Testing

/// The one snapshot mechanism of the tests: compares `actual` with `Snapshots/<name>.<extension>`
/// beside the calling test file; with `RECORD_SNAPSHOTS=1` writes it and
/// fails, so a re-recording is always looked at before it is committed.
public func assertSnapshot(
    _ actual: String, named name: String, extension fileExtension: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name).\(fileExtension)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded \(file.lastPathComponent); review it and run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(file.path); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = Array(zip(expectedLines, actualLines)).firstIndex { $0 != $1 } ?? min(expectedLines.count, actualLines.count)
        let expectedLine = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end>"
        let actualLine = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>"
        // The whole output is kept, so a difference seen once (on CI, say) can be read in full.
        let kept = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-actual-\(UUID().uuidString).\(fileExtension)")
        try? actual.write(to: kept, atomically: true, encoding: .utf8)
        let context = (max(0, firstDifference - 2)..<min(actualLines.count, firstDifference + 3)).map { "    \($0 + 1): \(actualLines[$0])" }
        let message =
            "\(name).\(fileExtension) differs at line \(firstDifference + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)\n"
            + "  actual around it:\n\(context.joined(separator: "\n"))\n  whole output: \(kept.path)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
