// The training toolbar's icons drawn in the palette's text colour, so that they show on a
// dark palette as on a light one (the style's own media icons are dark on dark).
#pragma once

#include <QIcon>

class QPalette;

namespace ToolIcons {

QIcon play(const QPalette& palette);
QIcon pause(const QPalette& palette);
QIcon step(const QPalette& palette);
QIcon reset(const QPalette& palette);

} // namespace ToolIcons
