import DTIWorkflow
import Foundation
import TestSupport
import Testing

@testable import DTICommands

/// The reference data built into the binary: the same as Indicators/, used from any folder, and
/// overridden by --indicators.
struct BuiltInDataTests {
    typealias E2E = EndToEndTests

    static let folder = E2E.root.appendingPathComponent("Indicators")

    @Test func theBuiltInCopyIsIndicatorsAsItIs() throws {
        // Fails after an edit of Indicators/ until Scripts/embed-indicators.py is run.
        let files = IndicatorFiles(origin: .folder(Self.folder))
        let enumerator = try #require(
            FileManager.default.enumerator(at: Self.folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]))
        var onDisk: [String] = []
        while let url = enumerator.nextObject() as? URL {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            onDisk.append(String(url.standardizedFileURL.path.dropFirst(Self.folder.standardizedFileURL.path.count + 1)))
        }
        let builtIn = IndicatorFiles(origin: .builtIn)
        #expect(onDisk.sorted() == (try builtIn.paths()).sorted(), "run Scripts/embed-indicators.py")
        for path in onDisk {
            // The communes' maps are packed, not text: the map each gives is compared instead.
            if let text = BuiltInIndicators.files[path] {
                #expect(text == (try files.read(path)), "Indicators/\(path) differs from its built-in copy; run Scripts/embed-indicators.py")
            } else {
                #expect(
                    try builtIn.map(path) == (try files.map(path)), "Indicators/\(path) differs from its packed copy; run Scripts/embed-indicators.py"
                )
            }
        }
        #expect(try files.fingerprint() == BuiltInIndicators.fingerprint)
    }

    @Test func theBinaryAloneRanksFromAnyFolderAndAFolderOverridesIt() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dti-alone-\(UUID().uuidString)")
        let binFolder = scratch.appendingPathComponent("bin")
        let elsewhere = scratch.appendingPathComponent("elsewhere")
        for folder in [binFolder, elsewhere] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let alone = binFolder.appendingPathComponent("dti")
        // Copied by cp, not in this process: a copy written here holds a writable descriptor that a
        // process forked meanwhile by another test inherits, and exec then fails "Text file busy".
        let copied = try ProcessRunner.run(URL(fileURLWithPath: "/bin/cp"), [try E2E.executable().path, alone.path])
        try #require(copied.status == 0, "\(String(decoding: copied.stderr, as: UTF8.self))")
        let input = E2E.root.appendingPathComponent("SampleData/dti-2022.csv").path
        let arguments = ["rank", "--year", "2022", "--input", input, "--format", "json"]

        func run(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws -> E2E.Run {
            var environment = ProcessInfo.processInfo.environment
            environment["DTI_DB"] = scratch.appendingPathComponent("history.sqlite").path
            environment["DTI_INDICATORS"] = nil
            environment.merge(extra) { $1 }
            let result = try ProcessRunner.run(alone, arguments, environment: environment, directory: folder)
            return E2E.Run(
                status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self), stderr: String(decoding: result.stderr, as: UTF8.self))
        }

        let fromElsewhere = try run(arguments, in: elsewhere)
        #expect(fromElsewhere.status == 0, "\(fromElsewhere.stderr)")
        let fromProject = try E2E.run(arguments, database: scratch.appendingPathComponent("project.sqlite").path)
        #expect(fromElsewhere.stdout == fromProject.stdout)
        #expect(fromElsewhere.stdout.contains("\"name\":\"Đà Nẵng\""))

        // A changed copy of Indicators/ named by --indicators (or $DTI_INDICATORS) is what is used.
        let changed = scratch.appendingPathComponent("Indicators")
        try FileManager.default.copyItem(at: Self.folder, to: changed)
        let catalogue = changed.appendingPathComponent("dti-2022.yaml")
        let text = try String(contentsOf: catalogue, encoding: .utf8)
        try text.replacingOccurrences(of: "name_en: Digital awareness", with: "name_en: Awareness CHANGED")
            .write(to: catalogue, atomically: true, encoding: .utf8)
        for (options, environment) in [(["--indicators", changed.path], [:]), ([], ["DTI_INDICATORS": changed.path])] {
            let shown = try run(["catalogue", "--year", "2022"] + options, in: elsewhere, environment: environment)
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("Awareness CHANGED"))
            #expect(shown.stdout.contains("indicators: \(changed.path) (data "))
            #expect(!shown.stdout.contains(String(BuiltInIndicators.fingerprint.prefix(12))))
        }
        let builtIn = try run(["catalogue", "--year", "2022"], in: elsewhere)
        #expect(builtIn.stdout.contains("indicators: built-in (data \(BuiltInIndicators.fingerprint.prefix(12)))"))
        #expect(!builtIn.stdout.contains("CHANGED"))
    }
}

/// The README's first command works on a Debian or Ubuntu machine that has only Swift: it starts
/// with `Scripts/requirements.sh`, which installs what the build needs as root and names the one
/// command that does otherwise. Run here with stand-ins for dpkg, id, sudo and apt-get, so the
/// machine's packages are neither read nor changed.
struct RequirementsScriptTests {
    typealias E2E = EndToEndTests

    /// Runs the script with `dpkg` missing `missing`, `id -u` giving `uid`, no usable sudo, and an
    /// apt-get that records its arguments; returns the status, standard error and what apt-get got.
    static func run(missing: [String], uid: Int) throws -> (status: Int32, stderr: String, aptGet: String) {
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("dti-req-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bin) }
        let log = bin.appendingPathComponent("apt-get.log")
        let pattern = (missing + ["__none__"]).joined(separator: "|")
        let stubs = [
            "dpkg": "case \"$2\" in \(pattern)) exit 1;; esac; exit 0",
            "id": "echo \(uid)", "sudo": "exit 1", "apt-get": "echo \"$@\" >> '\(log.path)'",
        ]
        for (name, body) in stubs {
            let path = bin.appendingPathComponent(name).path
            try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(chmod(path, 0o755) == 0)
        }
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/bash"), [E2E.root.appendingPathComponent("Scripts/requirements.sh").path],
            environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        return (result.status, String(decoding: result.stderr, as: UTF8.self), (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    @Test func theMainCommandChecksForWhatTheBuildNeedsFirst() throws {
        let readme = try String(contentsOf: E2E.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("```sh\nScripts/requirements.sh && swift run dti import SampleData/*.csv && swift run dti rank --year 2022\n```"))

        let user = try Self.run(missing: ["libxml2-dev", "zlib1g-dev"], uid: 1000)
        #expect(user.status == 1)
        #expect(user.stderr.contains("install them with: sudo apt-get install -y libxml2-dev zlib1g-dev"), "\(user.stderr)")
        #expect(user.aptGet.isEmpty)

        let root = try Self.run(missing: ["libxml2-dev"], uid: 0)
        #expect(root.status == 0, "\(root.stderr)")
        #expect(root.aptGet.contains("install -y -qq libxml2-dev"), "\(root.aptGet)")

        let ready = try Self.run(missing: [], uid: 1000)
        #expect(ready.status == 0 && ready.aptGet.isEmpty && ready.stderr.isEmpty)
    }
}
