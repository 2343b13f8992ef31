import Foundation

/// ArgumentParser's own sentences (a missing argument, an unknown option, a value not among the
/// choices, and the usage lines around them) in Vietnamese: the parser speaks English only, and
/// these are what a user meets first. Option names, values and help text stay as they are.
enum ParserMessages {
    /// Each English pattern and its Vietnamese replacement (`$1`… are the captured parts).
    static let patterns: [(String, String)] = [
        (#"Missing expected argument '([^']*)'"#, "thiếu tham số bắt buộc '$1'"),
        (#"Missing value for '([^']*)'"#, "thiếu giá trị cho '$1'"),
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "không có tuỳ chọn '$1'. Có phải là '$2'?"),
        (#"Unknown option '([^']*)'"#, "không có tuỳ chọn '$1'"),
        (#"Unexpected argument '([^']*)'"#, "tham số thừa '$1'"),
        (#"Unexpected arguments? (.*)"#, "tham số thừa $1"),
        (
            #"The value '([^']*)' is invalid for '([^']*)'\. Please provide one of (.*)\."#,
            "giá trị '$1' không hợp lệ cho '$2'. Hãy chọn một trong $3."
        ),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "giá trị '$1' không hợp lệ cho '$2'"),
        (#"(?m)^Help:"#, "Trợ giúp:"),
        (#"(?m)^Usage:"#, "Cách dùng:"),
        (#"See '([^']*)' for more information\."#, "Xem '$1' để biết thêm."),
    ]

    /// `message` with the parser's sentences in Vietnamese.
    static func vietnamese(_ message: String) -> String {
        var text = message
        for (pattern, replacement) in patterns {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            text = expression.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
        }
        // The last two choices of a list are joined by "or": only there, not in a value quoted elsewhere.
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains("Hãy chọn một trong") ? line.replacingOccurrences(of: "' or '", with: "' hoặc '") : String(line)
        }.joined(separator: "\n")
    }
}
