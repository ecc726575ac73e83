#include "style/Zoom.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

#include <algorithm>

Zoom::Zoom(QObject* parent) : QObject(parent), m_base(QApplication::font()) {}

void Zoom::setPercent(int percent)
{
    percent = std::clamp(percent, smallest, largest);
    if (percent == m_percent)
        return;
    m_percent = percent;
    QFont font = m_base;
    font.setPointSizeF(m_base.pointSizeF() * percent / 100.0);
    QApplication::setFont(font);
    // Qt tells the widgets only once the event loop runs; before that (a window set up from
    // the command line, a test) they would keep the old size. Told twice, a widget resolves
    // its font twice, to the same.
    QEvent fontChange(QEvent::ApplicationFontChange);
    for (QWidget* widget : QApplication::allWidgets())
        QCoreApplication::sendEvent(widget, &fontChange);
    emit changed(percent);
}
