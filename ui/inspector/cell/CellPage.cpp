#include "inspector/cell/CellPage.h"

#include "inspector/StepGuide.h"

#include "inspector/cell/CellDiagramView.h"
#include "inspector/equations/EquationsView.h"
#include "inspector/cell/TimelineView.h"

#include <QSplitter>
#include <QVBoxLayout>

CellPage::CellPage(InspectorModel* model, QWidget* parent)
    : QWidget(parent), m_diagram(new CellDiagramView(model)), m_equations(new EquationsView(model)),
      m_timeline(new TimelineView(model))
{
    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_diagram);
    top->addWidget(m_equations);
    top->setSizes({600, 400}); // in proportion until the splitter is laid out
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto* page = new QSplitter(Qt::Vertical);
    page->addWidget(top);
    page->addWidget(m_timeline);
    page->setSizes({650, 350});
    page->setStretchFactor(0, 3);
    page->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_guide = new StepGuide(model);
    m_guide->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_guide);
    layout->addWidget(page, 1);
}
