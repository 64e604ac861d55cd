#pragma once
// Provided by the Debian package zlib1g-dev.
#include <zlib.h>
