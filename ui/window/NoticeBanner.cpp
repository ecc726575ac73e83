#include "window/NoticeBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

NoticeBanner::NoticeBanner(QWidget* parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(255, 236, 179)); // amber: a warning, readable in both themes
    colours.setColor(QPalette::WindowText, QColor(40, 30, 0));
    setPalette(colours);
    auto* layout = new QHBoxLayout(this);
    m_text = new QLabel;
    m_text->setWordWrap(true);
    m_restore = new QPushButton(tr("Restore last good weights"));
    m_restore->setToolTip(tr("Go back to the weights of the last step whose validation loss was finite"));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_restore);
    connect(m_restore, &QPushButton::clicked, this, &NoticeBanner::restoreRequested);
    hide();
}

void NoticeBanner::showMessage(const QString& message, long lastGoodStep)
{
    m_text->setText(message);
    m_restore->setVisible(lastGoodStep >= 0);
    m_restore->setText(tr("Restore weights of step %1").arg(lastGoodStep));
    show();
}

QString NoticeBanner::message() const
{
    return m_text->text();
}
