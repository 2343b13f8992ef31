#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's logarithm and exponential: pure functions, so the analysis needs neither
/// Foundation nor a package for them.
enum Elementary {
    static func naturalLog(_ x: Double) -> Double { log(x) }
    static func exponential(_ x: Double) -> Double { exp(x) }
}
