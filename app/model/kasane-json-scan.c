/* placeholder: being written */
#include "config.h"
#include "kasane-loader.h"
#include "kasane-csv.h"
