#include "panel/FormWidgets.h"

#include <QSpinBox>

QSpinBox* integerBox(int low, int high, const QString& tip)
{
    auto* box = new QSpinBox;
    box->setRange(low, high);
    box->setToolTip(tip);
    box->setKeyboardTracking(false); // one signal when the user is done typing
    return box;
}
