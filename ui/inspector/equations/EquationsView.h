// The selected cell type's equations, typeset, with the selected unit's numbers at the
// selected timestep substituted: forward (or, in gradients mode, backward) and, during the
// update phase of a step-through, the change of the unit's weights. Values the step-through
// has not reached show as "?". Typesetting only: the numbers come from CellEquations.
#pragma once

#include "inspector/InspectorModel.h"
#include "style/ViewRefresh.h"

#include <QWidget>

class QTextBrowser;

class EquationsView : public QWidget {
    Q_OBJECT
public:
    explicit EquationsView(InspectorModel* model, QWidget* parent = nullptr);

    // Both bring the page up to date first, even while the view is hidden.
    QString html() const;
    QString plainText() const; // what a reader sees, for tests

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();

    InspectorModel* m_model = nullptr;
    QTextBrowser* m_text = nullptr;
    QString m_html;
    ViewRefresh m_refresh{this, [this] { redraw(); }}; // typesetting is the costly part
};
