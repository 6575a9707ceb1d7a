import FuzzSupport

// SwiftPM aliases this executable's `main` to `FuzzPolicy_main` (see FuzzSupport/LibFuzzer.swift).
@_cdecl("FuzzPolicy_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzz: fuzz)
}
