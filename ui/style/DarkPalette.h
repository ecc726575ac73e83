// Dark colours for the Fusion style, for a dim room or a projector that washes out white.
// The views take every colour of their own from the palette, so this is all it takes.
#pragma once

#include <QPalette>

QPalette darkPalette();
