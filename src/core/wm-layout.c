#include "wm-layout.h"
