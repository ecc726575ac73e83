// The recorded window's input characters as text, each on a tile tinted by the selected
// unit's value (a gate, c or h) at that timestep, the way Karpathy et al. (2015) showed
// what single units of a character model respond to. Hover for the value; a click selects
// the timestep. Reads the shared InspectorModel.
#pragma once

#include "inspector/InspectorModel.h"
#include "style/ValueScale.h"

#include <QWidget>

#include <string>
#include <vector>

class TintedTextView : public QWidget {
    Q_OBJECT
public:
    // What the tint shows: one of the gates (by index), the cell state or the hidden state.
    using Quantity = ::Quantity;

    explicit TintedTextView(InspectorModel* model, QWidget* parent = nullptr);

    void setVocabulary(std::vector<std::string> vocabulary);
    void setQuantity(Quantity quantity);

    // The selected unit's value at t of the chosen quantity; NaN when not recorded or not yet computed.
    double valueAt(int timestep) const;
    QRectF tileRect(int timestep) const; // empty when there is no such tile
    QColor tileColor(int timestep) const; // invalid when no value is shown

    QSize sizeHint() const override { return {700, 300}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    const Eigen::MatrixXd* quantityMatrix() const;
    ValueScale scale() const;
    QString symbolText(int timestep) const;
    QSize tileSize() const;
    int columnsFor(int width) const;
    int timestepAt(const QPointF& point) const;

    InspectorModel* m_model;
    Quantity m_quantity;
    mutable ValueScale m_scale;      // scaleFor() the quantity, worked out when next needed
    mutable bool m_scaleStale = true;
    std::vector<std::string> m_vocabulary;
};
