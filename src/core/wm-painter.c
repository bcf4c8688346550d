#include "wm-painter.h"
