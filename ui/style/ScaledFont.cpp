#include "style/ScaledFont.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace {

class FontFollower : public QObject {
public:
    FontFollower(QWidget* widget, double scale, bool bold) : QObject(widget), m_scale(scale), m_bold(bold)
    {
        apply(widget);
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::ApplicationFontChange)
            apply(static_cast<QWidget*>(watched));
        return false;
    }

private:
    void apply(QWidget* widget) const
    {
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * m_scale);
        font.setBold(m_bold);
        widget->setFont(font);
    }

    double m_scale;
    bool m_bold;
};

} // namespace

void keepScaledFont(QWidget* widget, double scale, bool bold)
{
    new FontFollower(widget, scale, bold); // a child of the widget, gone with it
}
