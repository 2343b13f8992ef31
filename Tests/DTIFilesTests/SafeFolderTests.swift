import Foundation
import Testing

@testable import DTIFiles

/// Writes that go only where they were asked: links at a temporary name, at a file or at a
/// sub-folder are refused, never followed, and a failed write leaves the old file.
struct SafeFolderTests {
    /// A new scratch folder, with a file outside it that an attacker would like overwritten.
    static func scratch() throws -> (folder: URL, precious: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dti-files-\(UUID().uuidString)")
        let folder = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let precious = base.appendingPathComponent("precious.txt")
        try Data("precious\n".utf8).write(to: precious)
        return (folder, precious)
    }

    @Test func aLinkAtTheTemporaryNameIsNeverFollowed() throws {
        let (folder, precious) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent(".page.md.planted.dti-tmp").path, withDestinationPath: precious.path)
        let safe = try #require(try SafeFolder.open(folder.path, create: false))
        // Every name it may pick is the planted link: O_EXCL|O_NOFOLLOW refuses each, so the write fails.
        #expect(throws: FileSafetyError.self) {
            try safe.replace("page.md", temporaryName: { _ in ".page.md.planted.dti-tmp" }) { write in
                try Data("attack\n".utf8).withUnsafeBytes { try write($0) }
            }
        }
        #expect(try String(contentsOf: precious, encoding: .utf8) == "precious\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("page.md").path))
        // With names of its own choosing, the write goes through and the link stays a link to the untouched file.
        try safe.replace("page.md", with: Data("page\n".utf8))
        #expect(try String(contentsOf: folder.appendingPathComponent("page.md"), encoding: .utf8) == "page\n")
        #expect(try String(contentsOf: precious, encoding: .utf8) == "precious\n")
    }

    @Test func aLinkAtTheFileOrAtASubfolderIsRefused() throws {
        let (folder, precious) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("page.md").path, withDestinationPath: precious.path)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("charts").path, withDestinationPath: precious.deletingLastPathComponent().path)
        let safe = try #require(try SafeFolder.open(folder.path, create: false))
        #expect(throws: FileSafetyError.link(path: safe.path(of: "page.md"))) { try safe.replace("page.md", with: Data("x".utf8)) }
        #expect(throws: FileSafetyError.link(path: safe.path(of: "charts"))) { _ = try safe.subfolder("charts", create: true) }
        #expect(throws: FileSafetyError.link(path: safe.path(of: "charts"))) { _ = try safe.parent(of: "charts/map.svg", create: true) }
        #expect(try String(contentsOf: precious, encoding: .utf8) == "precious\n")
        #expect(!FileManager.default.fileExists(atPath: precious.deletingLastPathComponent().appendingPathComponent("map.svg").path))
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTemporary() throws {
        let (folder, _) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let safe = try #require(try SafeFolder.open(folder.path, create: false))
        try safe.replace("runs.csv", with: Data("old\n".utf8))
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try safe.replace("runs.csv") { write in
                try Data("half of the new".utf8).withUnsafeBytes { try write($0) }
                throw Stop()
            }
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("runs.csv"), encoding: .utf8) == "old\n")
        #expect(safe.names() == ["runs.csv"])
    }

    @Test func staleTemporariesGoOnceTheyAreOld() throws {
        let (folder, precious) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let old = folder.appendingPathComponent(".national.md.0123456789abcdef.dti-tmp")
        let young = folder.appendingPathComponent(".profile-01.md.fedcba9876543210.dti-tmp")
        let oldLink = folder.appendingPathComponent(".index.md.dti-tmp")
        try Data("half".utf8).write(to: old)
        try Data("being written".utf8).write(to: young)
        try FileManager.default.createSymbolicLink(atPath: oldLink.path, withDestinationPath: precious.path)
        let past = Date(timeIntervalSinceNow: -3_600)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: old.path)
        var times = [timeval(tv_sec: Int(past.timeIntervalSince1970), tv_usec: 0), timeval(tv_sec: Int(past.timeIntervalSince1970), tv_usec: 0)]
        #expect(lutimes(oldLink.path, &times) == 0)
        // Of dti's naming but not dti's: a user's file with the ending, a folder of that exact
        // naming with someone's file in it, a name whose random part is not 16 hex digits.
        let usersFile = folder.appendingPathComponent(".notes.dti-tmp")
        let aFolder = folder.appendingPathComponent(".photos.0123456789abcdef.dti-tmp")
        let notHex = folder.appendingPathComponent(".national.md.0123456789abcdeg.dti-tmp")
        try Data("mine".utf8).write(to: usersFile)
        try Data("mine".utf8).write(to: notHex)
        try FileManager.default.createDirectory(at: aFolder, withIntermediateDirectories: false)
        try Data("a photo".utf8).write(to: aFolder.appendingPathComponent("photo.jpg"))
        for path in [usersFile.path, aFolder.path, notHex.path] {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
        }
        let safe = try #require(try SafeFolder.open(folder.path, create: false))
        safe.removeStaleTemporaries()
        #expect(
            Set(safe.names())
                == [
                    young.lastPathComponent, oldLink.lastPathComponent, usersFile.lastPathComponent, aFolder.lastPathComponent,
                    notHex.lastPathComponent,
                ])
        #expect(try String(contentsOf: aFolder.appendingPathComponent("photo.jpg"), encoding: .utf8) == "a photo")
        #expect(try String(contentsOf: precious, encoding: .utf8) == "precious\n")
    }

    @Test func manifestNamesCannotSplitALine() {
        let hash = String(repeating: "a", count: 64)
        let manifest = FileManifest(entries: ["profile-a\nb.html": hash, "back\\slash.md": hash, "plain.html": hash])
        let text = manifest.text
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.contains("\\\(hash)  profile-a\\nb.html\n"))
        #expect(FileManifest(text: text) == manifest)
    }
}
