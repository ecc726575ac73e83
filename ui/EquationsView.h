// The selected cell type's equations, typeset, with the selected unit's numbers at the
// selected timestep substituted: forward (or, in gradients mode, backward) and, during the
// update phase of a step-through, the change of the unit's weights. Values the step-through
// has not reached show as "?". Typesetting only: the numbers come from CellEquations.
#pragma once

#include "DeferredRedraw.h"
#include "InspectorModel.h"

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
    void showEvent(QShowEvent* event) override;

private:
    void redraw();
    void redrawWhenShown();
    void ensureCurrent() const;

    InspectorModel* m_model = nullptr;
    QTextBrowser* m_text = nullptr;
    QString m_html;
    bool m_stale = true; // the model moved on since the page was typeset
    DeferredRedraw m_redraw{[this] { if (isVisible()) ensureCurrent(); }};
};
