import DTICore
import Testing

/// Work shared among threads comes back as a plain loop gives it: every index once, in order.
struct ParallelMapTests {
    @Test(arguments: [0, 1, 15, 16, 17, 33, 1_000, 3_321])
    func theResultIsThePlainMap(count: Int) {
        for threads in [1, 2, 4, 7] {
            let expected = (0..<count).map { "item \($0 * 7 % 13)" }
            #expect(ParallelMap.map(count, threads: threads) { "item \($0 * 7 % 13)" } == expected, "\(count) on \(threads) threads")
        }
    }
}

/// With a context per thread (a database connection each), every item is mapped once, in order,
/// and each thread uses only its own context.
struct ParallelMapContextTests {
    @Test(arguments: [0, 1, 2, 3, 10, 101])
    func eachThreadKeepsItsContext(count: Int) {
        for contexts in [["a"], ["a", "b"], ["a", "b", "c"]] {
            let mapped = ParallelMap.map(count, contexts: contexts) { context, index in "\(context)\(index)" }
            let threads = min(contexts.count, count)
            #expect(mapped == (0..<count).map { "\(contexts[threads > 1 ? $0 % threads : 0])\($0)" }, "\(count) items, \(contexts.count) contexts")
        }
    }
}
