// Small widget makers the settings forms share, so each is written once. Not a widget kit.
#pragma once

#include <QString>

class QSpinBox;

// An integer box over [low, high] that signals once, when the user is done typing.
QSpinBox* integerBox(int low, int high, const QString& tip);
