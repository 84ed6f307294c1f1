#pragma once
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so its encoding.h includes the system's ICU headers, which
   clash with the copy of ICU inside Foundation whenever one Swift module imports both (clang
   reports UErrorCode defined twice). The archive never touches libxml2's ICU converters: they
   only add two pointer fields at the end of xmlCharEncodingHandler, a struct that libxml2 alone
   allocates and that Swift sees only through pointers. So the headers are read without them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/globals.h>

/* The parser options every reader uses for answer HTML: recover from broken markup, print
   nothing, never touch the network. Kept in C so Swift need not combine C enum values. */
static inline int clx_html_options(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
}

/* Parse a UTF-8 HTML fragment or document held in memory; NULL when libxml2 cannot make a
   document (an empty buffer, say). The caller frees the result with xmlFreeDoc. */
static inline htmlDocPtr clx_html_read_utf8(const char *buffer, int size) {
    return htmlReadMemory(buffer, size, NULL, "UTF-8", clx_html_options());
}

/* xmlFree is a macro or a global function pointer depending on the build; Swift can call
   neither safely, so wrap it. */
static inline void clx_free(void *pointer) {
    if (pointer != NULL) xmlFree(pointer);
}
