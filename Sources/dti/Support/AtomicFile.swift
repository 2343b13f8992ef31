import Foundation

/// Writing a file so that a reader, or a run killed half-way, sees the old file or the new one,
/// never a part: a temporary file in the same folder, then a rename over the target.
enum AtomicFile {
    /// The system's reason, e.g. "No space left on device".
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }

    static func write(_ data: Data, to url: URL) throws {
        try TextFiles.ensureParentFolder(of: url.path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).dti-tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError.cannotWrite(path: url.path, reason: Self.reason(error))
        }
    }
}
