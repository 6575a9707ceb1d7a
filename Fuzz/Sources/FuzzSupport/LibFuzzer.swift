// libFuzzer's entry points, shared by every harness. SwiftPM links an executable with `main`
// aliased to `<Target>_main`; each harness defines that function and calls `runLibFuzzer` with its
// `fuzz` function, which libFuzzer then calls once per input through `LLVMFuzzerTestOneInput`.

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The harness of this process, set once by `runLibFuzzer` before libFuzzer starts calling it.
nonisolated(unsafe) private var harness: (UnsafeRawBufferPointer) -> Void = { _ in }

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    harness(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// Hands the process to libFuzzer's driver (command-line flags, corpus, the loop) with `fuzz` as
/// the function it feeds every input to.
public func runLibFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    fuzz: @escaping (UnsafeRawBufferPointer) -> Void
) -> CInt {
    harness = fuzz
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, testOneInput)
}
