#pragma once
// Provided by the Debian package libzstd-dev.
#include <zstd.h>
