// The parts of libxml2 (libxml2-dev) that DTIIngest uses: parsing and XML Schema validation.
//
// Debian's libxml2 is built with ICU, so <libxml/encoding.h> would include the system ICU
// headers, which clash with the ICU module that Swift's Foundation ships. dti never touches
// encoding handlers (only pointers to them), so the ICU part of that header is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
