import FuzzSupport

// SwiftPM aliases this executable's `main` to `FuzzEnvelope_main` (see FuzzSupport/LibFuzzer.swift).
@_cdecl("FuzzEnvelope_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzz: fuzz)
}
