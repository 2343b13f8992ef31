import Dispatch

/// `map` over `0..<count` on `threads` threads, results in index order: the same array as a plain
/// loop, so output stays byte-for-byte the same, in less time on more cores. `transform` must only
/// read what it shares (every caller's inputs are immutable values or classes with `let`s).
public enum ParallelMap {
    public static func map<T>(_ count: Int, threads: Int, _ transform: (Int) -> T) -> [T] {
        let chunks = max(1, min(threads, count / 16))
        guard chunks > 1 else { return (0..<count).map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            // The caller's promise above is what makes sharing these across threads sound.
            nonisolated(unsafe) let apply = transform
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                nonisolated(unsafe) let slots = base
                // Interleaved shares: neighbouring items (a profile and the next) cost about the same.
                // Each slot is initialised exactly once, by the one share that owns its index.
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for index in stride(from: chunk, to: count, by: chunks) { (slots + index).initialize(to: apply(index)) }
                }
                initialized = count
            }
        }
    }

    /// As `map`, with one context per thread (a database connection each, which threads must not
    /// share): `contexts.count` threads, thread `k` taking the items `k`, `k + n`, `k + 2n`, … with
    /// `contexts[k]`. Results come back in index order.
    public static func map<Context, T>(_ count: Int, contexts: [Context], _ transform: (Context, Int) -> T) -> [T] {
        guard let first = contexts.first else {
            precondition(count == 0, "ParallelMap needs a context for its items")
            return []
        }
        let threads = min(contexts.count, count)
        guard threads > 1 else { return (0..<count).map { transform(first, $0) } }
        return withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let apply = transform
            nonisolated(unsafe) let contexts = contexts
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                nonisolated(unsafe) let slots = base
                // Each slot is initialised exactly once, by the one thread that owns its index.
                DispatchQueue.concurrentPerform(iterations: threads) { thread in
                    for index in stride(from: thread, to: count, by: threads) { (slots + index).initialize(to: apply(contexts[thread], index)) }
                }
                initialized = count
            }
        }
    }
}
