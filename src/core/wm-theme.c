#include "wm-theme.h"
