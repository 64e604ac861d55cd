#pragma once
// Provided by the Debian package libsnappy-dev.
#include <snappy-c.h>
