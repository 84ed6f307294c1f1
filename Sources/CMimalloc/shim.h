#pragma once
// mimalloc (https://github.com/microsoft/mimalloc), Debian's libmimalloc-dev. Linked into the
// executable ahead of libc, its malloc and free serve the whole process: Swift, SQLite, libxml2.
#include <mimalloc.h>
