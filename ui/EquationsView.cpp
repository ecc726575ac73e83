#include "EquationsView.h"

#include "EquationsPage.h"

#include <QApplication>
#include <QEvent>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

EquationsView::EquationsView(InspectorModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    m_text = new QTextBrowser;
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setOpenLinks(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    connect(m_model, &InspectorModel::traceChanged, this, &EquationsView::redrawWhenShown);
    connect(m_model, &InspectorModel::selectionChanged, this, &EquationsView::redrawWhenShown);
    connect(m_model, &InspectorModel::revealChanged, this, &EquationsView::redrawWhenShown);
    connect(m_model, &InspectorModel::showGradientsChanged, this, &EquationsView::redrawWhenShown);
}

QString EquationsView::html() const
{
    ensureCurrent();
    return m_html;
}

QString EquationsView::plainText() const
{
    ensureCurrent();
    return m_text->toPlainText();
}

// Typesetting is the costly part, and snapshots arrive ~30 times a second while training:
// a hidden view only notes that it is out of date, and a shown one typesets on a turn of
// its own.
void EquationsView::redrawWhenShown()
{
    m_stale = true;
    if (isVisible())
        m_redraw.request();
}

void EquationsView::ensureCurrent() const
{
    if (m_stale)
        const_cast<EquationsView*>(this)->redraw(); // the page is a cache of the model
}

void EquationsView::showEvent(QShowEvent* event)
{
    ensureCurrent();
    QWidget::showEvent(event);
}

void EquationsView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange ||
        event->type() == QEvent::FontChange)
        redrawWhenShown();
}

void EquationsView::redraw()
{
    m_stale = false;
    // Each of these lays the whole page out again, even unchanged: only when they change.
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    QTextDocument* page = m_text->document();
    const QString style = pageStyle(palette());
    const bool refont = page->defaultFont() != font;
    const bool restyled = refont || page->defaultStyleSheet() != style;
    if (refont)
        page->setDefaultFont(font);
    page->setDefaultStyleSheet(style);
    page->setDocumentMargin(10);

    QString html = equationsPage(m_model->trace().get(),
                                 {{m_model->layer(), m_model->unit(), m_model->timestep()}, m_model->reveal(),
                                  m_model->showGradients()});
    if (html == m_html && !restyled)
        return;
    m_html = std::move(html);
    // Redrawn on every new step while training: keep the reader's place.
    const int scrolled = m_text->verticalScrollBar()->value();
    m_text->setHtml(m_html);
    m_text->verticalScrollBar()->setValue(scrolled);
}
