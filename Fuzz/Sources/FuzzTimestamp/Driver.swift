import FuzzSupport

// SwiftPM aliases this executable's `main` to `FuzzTimestamp_main` (see FuzzSupport/LibFuzzer.swift).
@_cdecl("FuzzTimestamp_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzz: fuzz)
}
