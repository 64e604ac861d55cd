#pragma once
// Provided by the Debian package libopenblas-dev.
#include <cblas.h>
