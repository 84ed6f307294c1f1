import Testing

// Declared in each test target that tags tests slow: test targets share no module to declare it once.
extension Tag {
    /// Slow (over about 3 s), or starts a server or kills processes. Plain `swift test` runs these;
    /// a quick run skips them. SwiftPM 6.3.1 reads `--skip tag:slow` as a test name, so a quick run
    /// skips the suites and tests declared with `.tags(.slow)` by their names.
    @Tag static var slow: Self
}
