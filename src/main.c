#include "wm-document.h"
int main (int argc, char **argv) { g_autoptr(WmDocument) d = wm_document_new (); return 0; }
