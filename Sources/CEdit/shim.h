#pragma once
// Provided by the Debian package libedit-dev.
#include <histedit.h>
#include <editline/readline.h>
