import DTIReport
import Testing

struct TextWrappingTests {
    @Test func proseWrapsAtSpacesAndNoticesHangUnderTheirWords() {
        let notice = "! BỘ CHỈ SỐ TẠM TÍNH: Quyết định 405/QĐ-BKHCN không công bố điểm của từng chỉ số chính"
        let wrapped = TextWrapping.wrapLines(notice, width: 40).split(separator: "\n")
        #expect(wrapped.allSatisfy { $0.count <= 40 })
        #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix("  ") })
        #expect(wrapped.map { $0.trimmingPrefix("  ") }.joined(separator: " ") == notice)
        // Table rows (columns two spaces apart) are left whole; so is everything without a width.
        let table = "Hạng  Mã  Tỉnh, thành phố     DTI  Chính quyền số  Kinh tế số   Xã hội số  Ghi chú và một cột dài"
        #expect(TextWrapping.wrapProse(table, width: 40) == table)
        #expect(TextWrapping.wrapLines(notice, width: nil) == notice)
    }
}
