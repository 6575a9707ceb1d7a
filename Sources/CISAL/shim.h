// Intel ISA-L's igzip inflate (Debian: libisal-dev). Only built with the `ISAL` package trait.
#include <isa-l/igzip_lib.h>
