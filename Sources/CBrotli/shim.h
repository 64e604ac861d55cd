#pragma once
// Provided by the Debian package libbrotli-dev.
#include <brotli/decode.h>
#include <brotli/encode.h>
