import Foundation
import Testing

@testable import DTIFiles

/// A report folder: links refused before anything is written, pages of units that left the set
/// removed (unless edited since), and the manifest never confused by a name.
struct ReportFolderWriterTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dti-report-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func isPage(_ path: String) -> Bool { path.hasSuffix(".md") || path.hasPrefix("charts/") }

    @Test func aLinkedChartsFolderRefusesTheWholeSet() throws {
        let base = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("rep")
        let elsewhere = base.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("charts").path, withDestinationPath: elsewhere.path)
        let writer = ReportFolderWriter(folderPath: out.path)
        do {
            _ = try writer.write([("charts/national-map.svg", "<svg/>"), ("national.md", "# DTI")], dryRun: false)
            Issue.record("the linked folder was written through")
        } catch let refusal as ReportFolderWriter.Refusal {
            #expect(refusal.links == ["charts"])
            #expect(refusal.description.hasPrefix("charts in \(out.path) is a symbolic link; dti does not write through links"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["charts"])
    }

    @Test func pagesOfUnitsThatLeftTheSetAreRemovedUnlessEdited() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let writer = ReportFolderWriter(folderPath: out.path)
        let first: [(path: String, contents: String)] = [
            ("profile-01.md", "one"), ("profile-02.md", "two"), ("profile-03.md", "three"), ("charts/profile-02-radar.svg", "<svg/>"),
            ("national.md", "all"),
        ]
        _ = try writer.write(first, dryRun: false, isStale: Self.isPage)
        try Data("three, edited by hand".utf8).write(to: out.appendingPathComponent("profile-03.md"))
        let second: [(path: String, contents: String)] = [("profile-01.md", "one"), ("national.md", "all, again")]

        let dryRun = try writer.write(second, dryRun: true, isStale: Self.isPage)
        #expect(dryRun.filter { $0.change == .removed }.map(\.path) == ["charts/profile-02-radar.svg", "profile-02.md"])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("profile-02.md").path))

        let changes = try writer.write(second, dryRun: false, isStale: Self.isPage)
        #expect(changes.map(\.change) == [.unchanged, .changed, .removed, .removed])
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(left == ["profile-01.md", "profile-03.md", "national.md", "charts", ReportFolderWriter.manifestName])
        let manifest = try String(contentsOf: out.appendingPathComponent(ReportFolderWriter.manifestName), encoding: .utf8)
        #expect(!manifest.contains("profile-02"))
        #expect(manifest.contains("profile-03.md"), "an edited page stays listed, so a later run may replace it")
    }

    @Test func onlyPlainRelativeNamesStayInside() {
        for path in ["../x.html", "charts/../../x.svg", "/etc/x", "a//b.html", "./x.html", "a\nb.html", "", ReportFolderWriter.manifestName] {
            #expect(!ReportFolderWriter.staysInside(path), "\(path)")
        }
        #expect(ReportFolderWriter.staysInside("charts/profile-27-radar.svg"))
    }
}
