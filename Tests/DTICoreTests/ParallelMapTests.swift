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
