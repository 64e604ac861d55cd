#pragma once
// Provided by the Debian package liblz4-dev.
#include <lz4.h>
#include <lz4frame.h>
