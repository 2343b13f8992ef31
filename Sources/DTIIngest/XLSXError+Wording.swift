import DTICore
import XLSX

extension XLSXError {
    /// Why the workbook cannot be read, in both languages: the English is `description`.
    public var wording: Wording {
        Wording(description, vi: vietnamese)
    }

    private var vietnamese: String {
        let resave = "mở bằng Excel hoặc LibreOffice, lưu lại rồi thử lại"
        switch self {
        case .compoundFile(true):
            return "sổ tính được đặt mật khẩu (mã hoá); hãy lưu một bản không mật khẩu dạng Excel Workbook (.xlsx) rồi đọc bản đó"
        case .openDocument(true):
            return
                "đây là bảng tính OpenDocument (.ods, định dạng riêng của LibreOffice Calc), dti không đọc được; trong LibreOffice hãy chọn Tệp › Lưu thành › Excel 2007–365 (.xlsx), hoặc Văn bản CSV (UTF-8), rồi đọc tệp đó"
        case .openDocument(false):
            return
                "đây là tệp OpenDocument (văn bản hoặc trình chiếu của LibreOffice), không phải bảng tính; hãy đưa số liệu dạng Excel Workbook (.xlsx) hoặc CSV UTF-8"
        case .compoundFile(false):
            return "đây là sổ tính Excel 97–2003 (.xls), dti không đọc được; hãy lưu dạng Excel Workbook (.xlsx) hoặc CSV UTF-8"
        case .notAWorkbook:
            return "đây không phải sổ tính Excel (.xlsx là tệp nén ZIP, tệp này không phải); hãy lưu dạng Excel Workbook (.xlsx) hoặc CSV UTF-8"
        case let .damaged(detail):
            return "sổ tính bị hỏng, không đọc được (\(Self.vietnamese(detail: detail))); \(resave)"
        case let .unsafeEntryName(name):
            return "sổ tính chứa mục tên '\(name)', trỏ ra ngoài tệp nén; không chương trình bảng tính nào ghi như vậy, nên tệp bị từ chối"
        case let .tooLarge(part, limit):
            return
                "phần '\(part)' của sổ tính giải nén ra hơn \(limit >> 20) MiB, vượt mức dti đọc (bom ZIP, hoặc trang tính lớn hơn nhiều so với số liệu DTI); hãy chia số liệu thành các sổ tính nhỏ hơn"
        case let .tooManyEntries(count, limit):
            return "sổ tính chứa \(count) mục, nhiều hơn \(limit) mục một sổ tính cần; tệp bị từ chối"
        case let .missingPart(part):
            return "sổ tính thiếu '\(part)', không phải tệp .xlsx đầy đủ: \(resave)"
        case let .malformedPart(part, line, message):
            return "phần '\(part)' của sổ tính\(line.map { " (dòng \($0))" } ?? "") không phải XML hợp lệ: \(message)"
        case let .declaresDTD(part):
            return
                "phần '\(part)' của sổ tính khai báo DOCTYPE hoặc thực thể, điều không chương trình bảng tính nào làm; dti không đọc DTD, nên tệp bị từ chối"
        case let .tooManyRows(sheet, row, limit):
            return
                "trang tính '\(sheet)' dùng tới hàng \(row), vượt \(limit) hàng dti đọc từ một trang; hãy xoá các hàng trống dưới số liệu, hoặc chia nhỏ"
        case let .noSuchSheet(name, available):
            return "sổ tính không có trang tính tên '\(name)'; các trang tính là \(available.map { "'\($0)'" }.joined(separator: ", "))"
        case .noSheets:
            return "sổ tính không có trang tính nào"
        }
    }

    /// The ZIP reader's details in Vietnamese: fixed sentences, and those about a named part.
    static func vietnamese(detail: String) -> String {
        let fixed = [
            "the archive is empty": "tệp nén trống",
            "its ZIP directory cannot be read": "không đọc được mục lục ZIP",
            "it is a ZIP64 archive, which no workbook of DTI data needs": "đây là tệp nén ZIP64, điều không sổ tính số liệu DTI nào cần",
            "its ZIP directory lies outside the file": "mục lục ZIP nằm ngoài tệp",
        ]
        if let known = fixed[detail] { return known }
        if detail.hasPrefix("the checksum of "), detail.hasSuffix(" does not match its contents") {
            let part = detail.dropFirst("the checksum of ".count).dropLast(" does not match its contents".count)
            return "mã kiểm tra của \(part) không khớp nội dung"
        }
        // "'name' …": the part's name, then what is wrong with it.
        guard detail.hasPrefix("'"), let close = detail.dropFirst().firstIndex(of: "'") else { return detail }
        let part = detail[...close]
        let rest = String(detail[detail.index(after: close)...])
        let sentences: [(String, String)] = [
            (" is encrypted", " bị mã hoá"), (" points outside the file", " trỏ ra ngoài tệp"),
            (" cannot be inflated", " không giải nén được"),
        ]
        for (english, vietnamese) in sentences where rest == english { return part + vietnamese }
        if rest.hasPrefix(" claims "), rest.hasSuffix(" bytes, more than the file holds") {
            return part + " ghi" + rest.dropFirst(" claims".count).dropLast(" bytes, more than the file holds".count) + " byte, nhiều hơn tệp có"
        }
        if rest.hasPrefix(" uses compression method "), rest.hasSuffix(", which workbooks do not use") {
            let method = rest.dropFirst(" uses compression method ".count).dropLast(", which workbooks do not use".count)
            return part + " dùng phương pháp nén \(method), không sổ tính nào dùng"
        }
        return detail
    }
}
