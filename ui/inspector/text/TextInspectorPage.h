// The text page of the inspector: the input characters tinted by one unit's activation, a
// choice of what tints them (any gate, c or h), and the units ranked by how much that value
// varies over the text, since the units that vary most are the ones worth a look.
#pragma once

#include "style/ViewRefresh.h"
#include "inspector/InspectorModel.h"
#include "inspector/text/TintedTextView.h"

#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;

class TextInspectorPage : public QWidget {
    Q_OBJECT
public:
    explicit TextInspectorPage(InspectorModel* model, QWidget* parent = nullptr);

    void setVocabulary(const std::vector<std::string>& vocabulary);
    TintedTextView* textView() const { return m_text; }
    QListWidget* rankedUnits(); // brought up to date first, even while hidden
    QComboBox* quantityBox() const { return m_quantity; }

private:
    void refillQuantities();
    void applyQuantity();
    void rankUnits();
    void describeTint();

    InspectorModel* m_model;
    QComboBox* m_quantity = nullptr;
    QLabel* m_legend = nullptr;
    TintedTextView* m_text = nullptr;
    QListWidget* m_ranking = nullptr;
    std::vector<TintedTextView::Quantity> m_choices; // one per entry of m_quantity
    lstm::CellKind m_cell = lstm::CellKind::Lstm;
    ViewRefresh m_refreshRanking{this, [this] { rankUnits(); }};
};
