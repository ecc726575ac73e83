// The selected cell type's equations, typeset, with the selected unit's numbers at the
// selected timestep substituted: forward (or, in gradients mode, backward) and, during the
// update phase of a step-through, the change of the unit's weights. Values the step-through
// has not reached show as "?". Typesetting only: the numbers come from CellEquations.
#pragma once

#include "InspectorModel.h"

#include <QWidget>

class QTextBrowser;

class EquationsView : public QWidget {
    Q_OBJECT
public:
    explicit EquationsView(InspectorModel* model, QWidget* parent = nullptr);

    QString html() const { return m_html; }
    QString plainText() const; // what a reader sees, for tests

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();

    InspectorModel* m_model = nullptr;
    QTextBrowser* m_text = nullptr;
    QString m_html;
};
