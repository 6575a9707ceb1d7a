import FuzzSupport

// SwiftPM aliases this executable's `main` to `FuzzPriceBook_main` (see FuzzSupport/LibFuzzer.swift).
@_cdecl("FuzzPriceBook_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzz: fuzz)
}
