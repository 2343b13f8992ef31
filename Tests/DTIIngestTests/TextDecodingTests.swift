import DTICore
import DTIIngest
import Testing

struct TextDecodingTests {
    static let text = "tỉnh;năm\r\nĐà Nẵng;2022\r\n"

    @Test func utf16LittleAndBigEndianWithBOMAreRead() throws {
        let little: [UInt8] = [0xFF, 0xFE] + Self.text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + Self.text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let decodedLittle = try TextDecoding.decode(little, file: "x").get()
        #expect(decodedLittle.text == Self.text && decodedLittle.encoding == .utf16LittleEndian)
        let decodedBig = try TextDecoding.decode(big, file: "x").get()
        #expect(decodedBig.text == Self.text && decodedBig.encoding == .utf16BigEndian)
    }

    @Test func aUTF8ByteOrderMarkIsDropped() throws {
        let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), file: "x").get()
        #expect(decoded.text == Self.text)
    }

    @Test func invalidUTF8IsRefusedAtItsLineAndColumn() {
        // "ab\ncd" then a Latin-1 "é" (0xE9): line 2, column 3.
        let bytes: [UInt8] = Array("ab\ncd".utf8) + [0xE9, 0x41]
        guard case let .failure(failure) = TextDecoding.decode(bytes, file: "latin1.csv") else {
            Issue.record("Latin-1 bytes must be refused")
            return
        }
        #expect(failure.diagnostic.description.hasPrefix("latin1.csv:2:3: error: the file is not valid UTF-8"))
    }
}
