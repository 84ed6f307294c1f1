#pragma once
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot import.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

// Memory statistics off, before SQLite starts: keeping them takes a global mutex on every
// allocation, and the archive never reads them. sqlite3_config is variadic, which Swift cannot
// call. After SQLite has started it returns SQLITE_MISUSE and changes nothing.
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
