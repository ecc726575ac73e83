#include "inspector/equations/EquationsView.h"

#include "inspector/equations/EquationsPage.h"
#include "inspector/equations/EquationsSheet.h"

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
    connect(m_model, &InspectorModel::traceChanged, &m_refresh, &ViewRefresh::markStale);
    connect(m_model, &InspectorModel::selectionChanged, &m_refresh, &ViewRefresh::markStale);
    connect(m_model, &InspectorModel::revealChanged, &m_refresh, &ViewRefresh::markStale);
    connect(m_model, &InspectorModel::showGradientsChanged, &m_refresh, &ViewRefresh::markStale);
}

QString EquationsView::html() const
{
    m_refresh.ensureCurrent();
    return m_html;
}

QString EquationsView::plainText() const
{
    m_refresh.ensureCurrent();
    return m_text->toPlainText();
}

void EquationsView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange ||
        event->type() == QEvent::FontChange)
        m_refresh.markStale();
}

void EquationsView::redraw()
{
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
