import Foundation

/// A one-line progress report on standard error (done, rate, time left), only when standard error
/// is a terminal: logs and CI output stay clean, and standard output is never touched.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let started = Date()
    private let console: Console
    private let enabled: Bool
    private var lastShown = Date.distantPast
    private var shown = false

    init(total: Int, console: Console, label: String) {
        self.total = total
        self.console = console
        self.enabled = console.errorIsTerminal
        self.label = label
    }

    /// Reports `done` of the total (or, with a total of 0, so far), at most a few times a
    /// second, after the first half second.
    func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        guard elapsed > 0.5, now.timeIntervalSince(lastShown) > 0.2 else { return }
        lastShown = now
        shown = true
        let rate = Double(done) / elapsed
        guard total > 0 else {
            raw(String(format: "\r%d %@, %.0f/s\u{1B}[K", done, label, rate))
            return
        }
        let left = rate > 0 ? Double(total - done) / rate : 0
        // Written raw: the carriage return and the erase are this line's own control characters.
        raw(String(format: "\r%d/%d %@, %.0f/s, %.0f s left\u{1B}[K", done, total, label, rate, left))
    }

    /// Clears the line if one was shown.
    func finish() {
        if shown { raw("\r\u{1B}[K") }
    }

    private func raw(_ text: String) {
        console.errorControl(text)
    }
}
