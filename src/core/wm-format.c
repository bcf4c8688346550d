#include "wm-format.h"
