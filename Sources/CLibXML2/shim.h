#include <libxml/xmlversion.h>
// libxml2 built with ICU pulls the system ICU headers into this module, and their UErrorCode
// clashes with the ICU that swift-foundation bundles. Vitae never uses libxml2's ICU converters
// (OOXML parts are UTF-8/UTF-16), so the declarations are hidden from Swift.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
