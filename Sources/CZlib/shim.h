#ifndef COSTREPLAY_CZLIB_SHIM_H
#define COSTREPLAY_CZLIB_SHIM_H
#include <zlib.h>
#endif
