#include "inspector/text/TextInspectorPage.h"

#include "style/NumberFormat.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

TextInspectorPage::TextInspectorPage(InspectorModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    m_quantity = new QComboBox;
    m_quantity->setToolTip(tr("Which value of the selected unit tints the characters"));
    m_quantity->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_legend = new QLabel;
    m_legend->setWordWrap(true);
    m_text = new TintedTextView(model);
    m_ranking = new QListWidget;
    m_ranking->setToolTip(tr("Units sorted by how much the chosen value varies over this text: click one to follow it"));
    m_ranking->setMaximumWidth(260);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Tint by")));
    top->addWidget(m_quantity);
    top->addSpacing(16);
    top->addWidget(m_legend, 1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_text);
    scroll->setWidgetResizable(true);
    auto* side = new QVBoxLayout;
    side->addWidget(new QLabel(tr("Units that vary most")));
    side->addWidget(m_ranking);
    auto* body = new QHBoxLayout;
    body->addWidget(scroll, 1);
    body->addLayout(side);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(body, 1);

    connect(m_quantity, &QComboBox::currentIndexChanged, this, &TextInspectorPage::applyQuantity);
    connect(m_ranking, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_model->setUnit(item->data(Qt::UserRole).toInt());
    });
    connect(model, &InspectorModel::traceChanged, this, [this] {
        refillQuantities();
        m_refreshRanking.markStale();
    });
    connect(model, &InspectorModel::selectionChanged, &m_refreshRanking, &ViewRefresh::markStale);
    connect(model, &InspectorModel::selectionChanged, this, &TextInspectorPage::describeTint);
    connect(model, &InspectorModel::revealChanged, &m_refreshRanking, &ViewRefresh::markStale);
}

void TextInspectorPage::setVocabulary(const std::vector<std::string>& vocabulary)
{
    m_text->setVocabulary(vocabulary);
}

// The choices depend on the cell: its gates, and c only when it has a cell state.
void TextInspectorPage::refillQuantities()
{
    const TracePointer& trace = m_model->trace();
    if (!trace || (!m_choices.empty() && trace->cell == m_cell))
        return;
    m_cell = trace->cell;
    using Quantity = TintedTextView::Quantity;
    m_choices = {{Quantity::Hidden, -1}};
    QStringList names{tr("h: hidden state (the unit's output)")};
    if (lstm::hasCellState(m_cell)) {
        m_choices.push_back({Quantity::Cell, -1});
        names << tr("c: cell state (its memory)");
    }
    for (int g = 0; g < int(trace->gateNames.size()); ++g) {
        m_choices.push_back({Quantity::Gate, g});
        names << tr("gate %1").arg(QString::fromStdString(trace->gateNames[size_t(g)]));
    }
    const QSignalBlocker quiet(m_quantity);
    m_quantity->clear();
    m_quantity->addItems(names);
    applyQuantity();
}

void TextInspectorPage::applyQuantity()
{
    const int index = m_quantity->currentIndex();
    if (index >= 0 && index < int(m_choices.size()))
        m_text->setQuantity(m_choices[size_t(index)]);
    describeTint();
    m_refreshRanking.markStale();
}

QListWidget* TextInspectorPage::rankedUnits()
{
    m_refreshRanking.ensureCurrent();
    return m_ranking;
}

// By the spread of the unit's value over the timesteps the step-through has computed.
void TextInspectorPage::rankUnits()
{
    // Only symbol data has characters to tint; for numbers the page shows a hint instead.
    const lstm::LayerTrace* layer = m_model->trace() && !m_model->trace()->symbols.empty() ? m_model->selectedLayer() : nullptr;
    const int index = m_quantity->currentIndex();
    const Eigen::MatrixXd* all =
        layer && index >= 0 && index < int(m_choices.size()) ? valuesOf(*layer, m_choices[size_t(index)], false) : nullptr;
    const QSignalBlocker quiet(m_ranking);
    m_ranking->clear();
    if (!all)
        return;
    const Reveal reveal = m_model->reveal();
    Eigen::Index revealed = 0;
    while (revealed < all->cols() && reveal.done(int(revealed), false))
        ++revealed; // the forward pass reveals timesteps from the first on
    if (revealed == 0)
        return;
    const auto values = all->leftCols(revealed);
    const Eigen::VectorXd mean = values.rowwise().mean();
    const Eigen::VectorXd spread = ((values.colwise() - mean).array().square().rowwise().mean()).sqrt();
    std::vector<int> units(size_t(values.rows()));
    std::iota(units.begin(), units.end(), 0);
    std::stable_sort(units.begin(), units.end(), [&](int a, int b) { return spread(a) > spread(b); });
    for (int unit : units) {
        auto* item = new QListWidgetItem(tr("unit %1   spread %2").arg(unit).arg(formatFixed(spread(unit), 3)));
        item->setData(Qt::UserRole, unit);
        m_ranking->addItem(item);
        if (unit == m_model->unit())
            m_ranking->setCurrentItem(item);
    }
}

// Says in words what the colours mean, so the page reads without the heatmaps' legends.
void TextInspectorPage::describeTint()
{
    const int index = m_quantity->currentIndex();
    if (index < 0 || index >= int(m_choices.size()) || !m_model->trace()) {
        m_legend->clear();
        return;
    }
    const Quantity quantity = m_choices[size_t(index)];
    const bool sequential = quantity.kind == Quantity::Gate && lstm::isSigmoidGate(m_model->trace()->cell, quantity.gate);
    m_legend->setText(sequential ? tr("Unit %1's gate at each character: dark purple near 0 (closed), yellow near 1 (open).")
                                       .arg(m_model->unit())
                                 : tr("Unit %1's value at each character: blue below zero, white at zero, red above.")
                                       .arg(m_model->unit()));
}
