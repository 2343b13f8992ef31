import DTICore

/// Each refusal in both languages, so a Vietnamese run says it in Vietnamese after "Lỗi:" (the
/// system's own reason, such as a full disk, is quoted as the system gives it).
extension FileSafetyError: WordedError {
    public var wording: Wording { Wording(description, vi: vietnamese) }

    private var vietnamese: String {
        switch self {
        case let .cannotOpenFolder(path, reason):
            return "không mở được thư mục \(path): \(reason)"
        case let .cannotCreateFolder(path, reason):
            return "không tạo được thư mục \(path): \(reason)"
        case let .link(path):
            return "\(path) là một liên kết tượng trưng (symbolic link); "
                + "dti không ghi qua liên kết, nên chưa ghi gì vào đó: hãy xoá liên kết, hoặc chọn chỗ khác"
        case let .notAFolder(path):
            return "\(path) không phải là thư mục, mà dti cần một thư mục ở đó: hãy chuyển tệp đi chỗ khác, hoặc chọn chỗ khác"
        case let .folderInTheWay(path):
            return "\(path) là một thư mục; dti ghi một tệp ở đó và không thay thế thư mục: hãy cho một tên tệp"
        case let .notARegularFile(path):
            return "\(path) là thiết bị, đường ống (pipe) hoặc socket, không phải tệp thường; dti không ghi vào đó: hãy cho một tên tệp"
        case let .cannotWrite(path, reason):
            return "không ghi được \(path): \(reason); những gì đã ghi trước đó vẫn nguyên vẹn (mỗi tệp được thay trong một bước)"
        case let .databaseInUse(path, database):
            return "\(path) là cơ sở dữ liệu lịch sử đang dùng (\(database)); "
                + "dti không bao giờ ghi đè lên nó, kể cả với --force: hãy kiểm tra --out (cơ sở dữ liệu là --db)"
        case let .sqliteDatabase(path):
            return "\(path) là một cơ sở dữ liệu SQLite; dti không thay nó bằng một kết quả: "
                + "hãy chọn tên khác, hoặc cho --force nếu thật sự muốn thay"
        case let .notWrittenByDTI(path):
            return "\(path) đã có và không phải do dti ghi; dti không thay nó: hãy chọn tên khác, chuyển tệp đi chỗ khác, hoặc cho --force để thay"
        case let .changedSinceWritten(path):
            return "\(path) do dti ghi, nhưng nội dung đã thay đổi từ đó (không còn là những gì dti đã ghi); "
                + "dti không thay nó: hãy chọn tên khác, chuyển tệp đi chỗ khác, hoặc cho --force để thay"
        case let .ledgerNotAFile(path, ledger):
            return
                "\(ledger), nơi dti ghi danh sách các tệp nó viết trong thư mục đó, là liên kết, thư mục hoặc tệp đặc biệt, nên chưa ghi \(path): hãy xoá \(ledger), hoặc chọn thư mục khác"
        }
    }
}

/// A report folder's refusal in both languages.
extension ReportFolderWriter.Refusal: WordedError {
    public var wording: Wording { Wording(description, vi: vietnamese) }

    private var vietnamese: String {
        func listed(_ paths: [String]) -> String {
            paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? " và \(paths.count - 5) tệp khác" : "")
        }
        if !outside.isEmpty {
            return "báo cáo sẽ ghi ra ngoài \(folder) (\(outside.prefix(3).joined(separator: ", "))); chưa ghi gì"
        }
        if !links.isEmpty {
            return "\(listed(links)) trong \(folder) là liên kết tượng trưng (symbolic link); dti không ghi qua liên kết, và chưa ghi gì: "
                + "hãy xoá liên kết, hoặc chọn --out khác"
        }
        if !inTheWay.isEmpty {
            return "\(listed(inTheWay)) trong \(folder) không phải thứ báo cáo ghi ở đó (một thư mục nơi cần một trang, hoặc một tệp nơi cần "
                + "một thư mục), và chưa ghi gì: hãy chuyển nó đi chỗ khác, hoặc chọn --out khác"
        }
        return "\(folder) có những tệp không phải do dti ghi (\(listed(foreign))); dti không ghi đè lên chúng, và chưa ghi gì: "
            + "hãy chọn --out khác, hoặc chuyển chúng đi chỗ khác"
    }
}
