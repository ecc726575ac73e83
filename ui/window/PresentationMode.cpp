#include "window/PresentationMode.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QWidget>

PresentationMode::PresentationMode(QObject* parent) : QObject(parent)
{
    m_toggle = new QAction(tr("&Presentation mode"), this);
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(Qt::Key_F5);
    m_toggle->setToolTip(tr("Hide the controls a class does not need to see (F5)"));
    // Remembered when the teacher switches it (F5, the menu), not when --present asks.
    connect(m_toggle, &QAction::triggered, this, [this](bool on) {
        setActive(on);
        QSettings().setValue(QStringLiteral("view/presentation"), on);
    });
    m_keep = std::make_unique<QMenu>(tr("In presentation, &keep"));
}

PresentationMode::~PresentationMode() = default;

void PresentationMode::addPart(const QString& key, const QString& name, QWidget* widget)
{
    Part part{key, widget, m_keep->addAction(name)};
    part.keep->setCheckable(true);
    part.keep->setChecked(QSettings().value(QStringLiteral("view/presentation/keep/") + key, false).toBool());
    connect(part.keep, &QAction::toggled, this, [this, key](bool kept) {
        QSettings().setValue(QStringLiteral("view/presentation/keep/") + key, kept);
        apply();
    });
    m_parts.push_back(part);
    apply();
}

void PresentationMode::setActive(bool on)
{
    if (on == m_active)
        return;
    m_active = on;
    m_toggle->setChecked(on);
    apply();
    emit activeChanged(on);
}

bool PresentationMode::keeps(const QString& key) const
{
    for (const Part& part : m_parts)
        if (part.key == key)
            return part.keep->isChecked();
    return false;
}

void PresentationMode::apply()
{
    for (const Part& part : m_parts)
        part.widget->setVisible(!m_active || part.keep->isChecked());
}
