#include "wm-export.h"
