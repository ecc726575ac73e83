// The animated diagram of the selected cell: the classic LSTM picture (or its peephole, 1997,
// GRU or plain-RNN variant) drawn from the shared InspectorModel's selection, with each
// gate's value for the selected unit and timestep, the cell-state line coloured and sized by
// |c|, values easing between snapshots, hover explanations, and a gradients mode where
// dL/dc and dL/dh flow right to left. Draws recorded numbers only; computes nothing new.
#pragma once

#include "inspector/cell/CellDiagramLayout.h"
#include "inspector/cell/CellDiagramValues.h"

#include <QWidget>

#include <optional>

class InspectorModel;
class QVariantAnimation;

class CellDiagramView : public QWidget {
    Q_OBJECT
public:
    explicit CellDiagramView(InspectorModel* model, QWidget* parent = nullptr);
    ~CellDiagramView() override;

    // The structure to draw before any trace arrives; a trace's own cell type wins.
    void setCellKind(lstm::CellKind kind);
    // The input symbols' names, so that a symbol input shows as its symbol, not a one-hot vector.
    void setVocabulary(std::vector<std::string> vocabulary);
    lstm::CellKind cellKind() const { return layout().kind; }

    // Values ease over ~200 ms when on; off, every change shows at once (for tests).
    void setAnimated(bool animated);
    bool isAnimated() const { return m_animated; }
    bool isEasing() const;

    // Hit-testing in widget coordinates.
    DiagramPart partAt(QPointF position) const;
    // The unit whose bar in a gate's strip is under the point, or -1.
    int unitAt(QPointF position) const;
    // Where a part is drawn (a point partAt() finds it at), in widget coordinates.
    std::optional<QPointF> partPosition(DiagramPart part) const;
    QPointF mapFromCanvas(QPointF canvasPoint) const;
    const CellDiagramLayout& layout() const;

    QString toolTipAt(QPointF position) const;
    // The selected unit's value as drawn at this moment (eased); empty while not shown.
    std::optional<double> shownValue(DiagramPart part) const;
    // The values easing is heading for.
    const DiagramValues& targetValues() const;
    QString title() const;
    QString hint() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void ensureCurrent() const;
    DiagramSelection selection() const;
    void easeTo(double progress);
    double canvasScale() const;
    QPointF toCanvas(QPointF widgetPoint) const;

    InspectorModel* m_model = nullptr;
    QVariantAnimation* m_easing = nullptr;
    bool m_animated = true;
    lstm::CellKind m_kind = lstm::CellKind::Lstm; // without a trace
    CellDiagramLayout m_layout;
    DiagramValues m_from, m_target, m_shown; // easing from, to, and drawn now
    DiagramPart m_hovered = DiagramPart::None;
    bool m_stale = false; // the model moved on while the view was hidden
    std::vector<std::string> m_vocabulary;
};
