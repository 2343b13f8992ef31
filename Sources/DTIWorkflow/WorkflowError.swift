import DTICore
import Foundation

/// Problems a workflow reports to its user: files, folders, missing data, option values.
public enum WorkflowError: Error, CustomStringConvertible {
    /// An option value that could only be checked against the loaded data (an indicator id, a
    /// region, a unit): the command line reports it as a usage error (exit 64).
    case invalidOption(Wording)
    /// Input that failed its checks, every problem located: printed as diagnostics.
    case invalidInput(diagnostics: [Diagnostic], files: Int)
    case notAnIndicatorsFolder(path: String)
    case unreadable(path: String, reason: String)
    case notUTF8(path: String)
    case noData(year: Int, database: String, stored: [Int], unitSet: String? = nil)
    case emptyDatabase(database: String)
    case noEarlierEdition(year: Int, database: String)
    case notRanked(name: String, year: Int)
    case cannotExplain(ChangeExplanation.Failure)
    case cannotCreateFolder(path: String, reason: String)
    case noDatabase(path: String)
    case notARegularFile(path: String, kind: Wording)
    case noDataFiles(folder: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case tooLargeUnitFile(path: String, bytes: Int, limit: Int)
    case workbookTooLarge(path: String, reason: String)
    case wouldOverwrite(path: String, what: Wording)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidOption(message):
            return message.english
        case let .invalidInput(diagnostics, _):
            return diagnostics.map(\.description).joined(separator: "\n")
        case let .notAnIndicatorsFolder(path):
            return "\(path) is not an Indicators folder (it has no editions.csv); name a folder laid out like the project's "
                + "Indicators/, or leave out --indicators and $DTI_INDICATORS to use the built-in data"
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .notUTF8(path):
            return "\(path) is not UTF-8 text; save it as 'CSV UTF-8' and try again"
        case let .noData(year, database, stored, unitSet):
            let among = unitSet.map { " for the \($0)" } ?? ""
            let none = unitSet == nil ? "it holds no values yet" : "it holds none\(among) yet"
            let known = stored.isEmpty ? none : "it holds " + stored.map(String.init).joined(separator: ", ")
            return
                "no values\(among) for \(year) in \(database) (\(known)); import them with 'dti import FILE…' or rank files directly with --input FILE…"
        case let .emptyDatabase(database):
            return "\(database) holds no editions yet; import one with 'dti import FILE…' (e.g. 'dti import SampleData/*.csv')"
        case let .noEarlierEdition(year, database):
            return "\(database) holds no edition before \(year) to explain the change from; import one, or name it with --since YEAR"
        case let .notRanked(name, year):
            return
                "\(name) has no values in \(year), so it has no rank; import its values first (dti history '\(name)' --year \(year) lists what is stored)"
        case let .cannotExplain(.notRanked(name, year)):
            return "\(name) has no values in \(year), so its change cannot be explained; import them, or choose another year with --since"
        case let .cannotExplain(.differentUnitSets(now, then)):
            return "the two editions are ranked in different unit sets (\(now), \(then)); use --units 34 to compare across the merger"
        case let .cannotCreateFolder(path, reason):
            return "cannot create the folder \(path): \(reason)"
        case let .noDatabase(path):
            return
                "there is no database at \(path): nothing has been imported there; check --db or $DTI_DB, or import first with 'dti import FILE…' (e.g. 'dti import SampleData/*.csv')"
        case let .notARegularFile(path, kind):
            return "\(path) is \(kind.english), not a regular file; give a CSV, XML or .xlsx file, or a folder of them"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason); what was written before stays whole (each file is replaced in one step)"
        case let .wouldOverwrite(path, what):
            return "\(path) exists and is not \(what.english); dti does not overwrite it: choose another name, or move the file away"
        case let .tooLarge(path, bytes, limit):
            return
                "\(path) is \(bytes >> 20) MiB, more than the \(limit >> 20) MiB dti reads from one file; split it (by edition or by province) and import the parts"
        case let .tooLargeUnitFile(path, bytes, limit):
            return
                "\(path) is \(bytes >> 10) KiB, more than the \(limit >> 20) MiB a unit file may have (about 100,000 units); it is refused unread: check that this is a unit file (code,name,parent)"
        case let .workbookTooLarge(path, reason):
            return
                "\(path) was not written: \(reason); write one province's units at a time (--parent), or --format csv, which has no such limit"
        case let .noDataFiles(folder):
            return "\(folder) holds no .csv, .xml or .xlsx files (subfolders are not searched); name the files, or the folder that holds them"
        }
    }
}

extension WorkflowError: WordedError {
    /// The messages a user meets most, in Vietnamese beside the English `description`; the rest
    /// (paths and sizes of refused files, folders that cannot be made) keep English in both.
    public var wording: Wording {
        let vietnamese: String? =
            switch self {
            case let .invalidOption(message):
                message.vietnamese
            case let .invalidInput(diagnostics, _):
                diagnostics.map { $0.description(in: .vi) }.joined(separator: "\n")
            case let .unreadable(path, reason):
                "không đọc được \(path): \(reason)"
            case let .notUTF8(path):
                "\(path) không phải văn bản UTF-8; hãy lưu dưới dạng 'CSV UTF-8' rồi thử lại"
            case let .noData(year, database, stored, unitSet):
                "\(database) không có giá trị nào\(unitSet.map { " của \($0)" } ?? "") cho năm \(year) ("
                    + (stored.isEmpty ? "chưa có giá trị nào" : "có các năm " + stored.map(String.init).joined(separator: ", "))
                    + "); hãy nhập bằng 'dti import TỆP…' hoặc xếp hạng trực tiếp từ tệp với --input TỆP…"
            case let .emptyDatabase(database):
                "\(database) chưa có kỳ đánh giá nào; hãy nhập bằng 'dti import TỆP…' (ví dụ 'dti import SampleData/*.csv')"
            case let .noEarlierEdition(year, database):
                "\(database) không có kỳ nào trước \(year) để giải thích thay đổi; hãy nhập một kỳ, hoặc chọn kỳ bằng --since NĂM"
            case let .notRanked(name, year):
                "\(name) không có giá trị năm \(year) nên không có hạng; hãy nhập giá trị trước (dti history '\(name)' --year \(year) liệt kê những gì đã lưu)"
            case let .cannotExplain(.notRanked(name, year)):
                "\(name) không có giá trị năm \(year) nên không giải thích được thay đổi; hãy nhập giá trị, hoặc chọn năm khác bằng --since"
            case let .cannotExplain(.differentUnitSets(now, then)):
                "hai kỳ được xếp hạng theo hai tập đơn vị khác nhau (\(now), \(then)); dùng --units 34 để so sánh qua đợt sắp xếp"
            case let .noDatabase(path):
                "không có cơ sở dữ liệu ở \(path): chưa nhập gì vào đó; kiểm tra --db hoặc $DTI_DB, hoặc nhập trước bằng 'dti import TỆP…' (ví dụ 'dti import SampleData/*.csv')"
            case let .noDataFiles(folder):
                "\(folder) không có tệp .csv, .xml hay .xlsx nào (không tìm trong thư mục con); hãy ghi tên tệp, hoặc thư mục chứa chúng"
            case let .notARegularFile(path, kind):
                "\(path) là \(kind.vietnamese), không phải tệp thường; hãy đưa tệp CSV, XML hoặc .xlsx, hoặc một thư mục chứa chúng"
            case let .notAnIndicatorsFolder(path):
                "\(path) không phải thư mục Indicators (không có editions.csv); hãy chỉ một thư mục sắp xếp như Indicators/ của dự án, hoặc bỏ --indicators và $DTI_INDICATORS để dùng dữ liệu tích hợp sẵn"
            case let .cannotCreateFolder(path, reason):
                "không tạo được thư mục \(path): \(reason)"
            case let .cannotWrite(path, reason):
                "không ghi được \(path): \(reason); những gì đã ghi trước đó vẫn nguyên vẹn (mỗi tệp được thay trong một bước)"
            case let .wouldOverwrite(path, what):
                "\(path) đã có và không phải \(what.vietnamese); dti không ghi đè: hãy chọn tên khác, hoặc chuyển tệp đi chỗ khác"
            case let .tooLarge(path, bytes, limit):
                "\(path) nặng \(bytes >> 20) MiB, hơn \(limit >> 20) MiB dti đọc từ một tệp; hãy chia nhỏ (theo năm hoặc theo tỉnh) rồi nhập từng phần"
            case let .tooLargeUnitFile(path, bytes, limit):
                "\(path) nặng \(bytes >> 10) KiB, hơn \(limit >> 20) MiB một tệp đơn vị được phép (khoảng 100.000 đơn vị); tệp bị từ chối mà không đọc: kiểm tra xem đây có phải tệp đơn vị (code,name,parent) không"
            case let .workbookTooLarge(path, reason):
                "\(path) không được ghi: \(reason); hãy ghi đơn vị của từng tỉnh một (--parent), hoặc --format csv, không có giới hạn này"
            case .cannotExplain:
                nil
            }
        return Wording(description, vi: vietnamese ?? description)
    }
}
