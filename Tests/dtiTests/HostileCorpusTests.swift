import Foundation
import Testing

/// Tests/Corpus: every file is an input dti must refuse, beside `NAME.expected` with the command
/// (`args:`, `{}` standing for the input), the exit status and the exact text on standard error.
/// Each case runs against a copy of a database holding the 2022 sample, which must come out byte
/// for byte as it went in. Adding a case is adding a file (record its `.expected` with
/// `RECORD_CORPUS=1 swift test --filter HostileCorpus`, then read it).
///
/// Inputs that cannot be committed are described by a file: `NAME.gen` (lines `text: …` and
/// `repeat: COUNT: …`, with `\n` for a line break) is generated; `NAME.fifo` becomes a named pipe
/// and `NAME.dir` an empty directory, each called NAME.
struct HostileCorpusTests {
    typealias E2E = EndToEndTests
    static let folder = E2E.root.appendingPathComponent("Tests/Corpus")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected") }.sorted()
    }()

    /// A database holding the 2022 sample, made once and copied for each case.
    static let baseDatabase: Result<URL, any Error> = Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dti-corpus-base-\(UUID().uuidString).sqlite")
        let run = try E2E.run(["import", "SampleData/dti-2022.csv"], database: path.path)
        guard run.status == 0 else { throw CorpusError.setUp(run.stderr) }
        return path
    }

    enum CorpusError: Error { case setUp(String), badRecipe(String) }

    struct Expected {
        var arguments: [String]
        var status: Int32?
        var stderr: String?

        init(_ text: String?) throws {
            arguments = ["import", "{}"]
            guard let text else { return }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let first = lines.first, first.hasPrefix("args: ") {
                arguments = try JSONDecoder().decode([String].self, from: Data(first.dropFirst(6).utf8))
                lines.removeFirst()
            }
            if let first = lines.first, first.hasPrefix("exit: ") {
                status = Int32(first.dropFirst(6))
                lines.removeFirst()
                stderr = lines.joined(separator: "\n")
            }
        }

        func text(status: Int32, stderr: String) throws -> String {
            let encoded = String(decoding: try JSONEncoder().encode(arguments), as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
            return "args: \(encoded)\nexit: \(status)\n\(stderr)"
        }
    }

    /// The input a case names, made where it has to be.
    static func input(for name: String, in folder: URL) throws -> String {
        let made = folder.appendingPathComponent((name as NSString).deletingPathExtension)
        switch (name as NSString).pathExtension {
        case "gen":
            var data = Data()
            for line in try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n") {
                let unescaped = { (text: Substring) in Data(text.replacingOccurrences(of: "\\n", with: "\n").utf8) }
                if line.hasPrefix("text: ") {
                    data += unescaped(line.dropFirst(6))
                } else if line.hasPrefix("repeat: ") {
                    let parts = line.dropFirst(8).split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, let count = Int(parts[0]) else { throw CorpusError.badRecipe(String(line)) }
                    let unit = unescaped(parts[1].dropFirst())
                    data += Data(repeating: 0, count: 0)
                    for _ in 0..<count { data += unit }
                } else {
                    throw CorpusError.badRecipe(String(line))
                }
            }
            try data.write(to: made)
            return made.path
        case "fifo":
            guard mkfifo(made.path, 0o600) == 0 else { throw CorpusError.setUp("mkfifo \(made.path)") }
            return made.path
        case "dir":
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
            return made.path
        default:
            return "Tests/Corpus/" + name
        }
    }

    @Test(arguments: cases)
    func eachHostileInputGetsItsDiagnosticAndExitStatusAndLeavesTheDatabase(name: String) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dti-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let database = work.appendingPathComponent("history.sqlite")
        try FileManager.default.copyItem(at: try Self.baseDatabase.get(), to: database)
        let before = try Data(contentsOf: database)

        let expectedFile = Self.folder.appendingPathComponent(name + ".expected")
        let expected = try Expected(try? String(contentsOf: expectedFile, encoding: .utf8))
        let input = try Self.input(for: name, in: work)
        let arguments = expected.arguments.map { $0 == "{}" ? input : $0 }
        // A committed input (one given as `--db {}` included) must be left as it is too; made
        // inputs (a FIFO among them, which must not be read) are not compared.
        let committed = input.hasPrefix("/") ? nil : E2E.root.appendingPathComponent(input)
        let inputBefore = try committed.map { try Data(contentsOf: $0) }
        let run = try E2E.run(arguments, database: database.path)
        #expect(try committed.map { try Data(contentsOf: $0) } == inputBefore, "\(name) was changed")
        let stderr = run.stderr.replacingOccurrences(of: input, with: "{}").replacingOccurrences(of: database.path, with: "{db}")

        if ProcessInfo.processInfo.environment["RECORD_CORPUS"] == "1" {
            try expected.text(status: run.status, stderr: stderr).write(to: expectedFile, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name).expected; read it and run again")
            return
        }
        #expect(run.status == expected.status, "\(name): \(run.stderr)")
        #expect(run.status != 0, "\(name) was accepted")
        #expect(stderr == expected.stderr, "\(name)")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
        #expect(try Data(contentsOf: database) == before, "\(name) changed the database")
    }

    @Test func theCorpusHasTheCasesItPromises() {
        #expect(Self.cases.count >= 60)
        let kinds = Set(Self.cases.map { $0.split(separator: "-").first.map(String.init) ?? "" })
        #expect(kinds.isSuperset(of: ["csv", "xml", "catalogue", "xlsx", "special", "option"]))
    }
}

extension HostileCorpusTests {
    /// A file beyond the size limit is refused before it is read (a sparse file: no disk used).
    @Test func aFileBeyondTheSizeLimitIsRefusedUnread() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dti-huge-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = FileManager.default.createFile(atPath: file.path, contents: Data("province,year,indicator,value\n".utf8))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 300 << 20)
        try handle.close()
        let run = try E2E.run(["validate", file.path], database: E2E.temporaryDatabase())
        #expect(run.status == 1)
        #expect(run.stderr.contains("is 300 MiB, more than the 256 MiB dti reads from one file"), "\(run.stderr)")
    }
}
