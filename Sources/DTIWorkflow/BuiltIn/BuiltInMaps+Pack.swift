import DTIIngest
import Foundation

extension BuiltInMaps {
    /// The pack, inflated and indexed on first use (a report that draws a commune map), never by a
    /// command that draws none: ranking the 63 provinces does not pay for it.
    static let pack: Result<PackedMaps, any Error> = Result {
        guard let bytes = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            throw WorkflowError.unreadable(path: "built-in:maps", reason: "the built-in maps are not valid base64")
        }
        return try PackedMaps([UInt8](bytes), name: "built-in:maps")
    }
}
