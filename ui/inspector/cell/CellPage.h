// The "Inside the cell" page: the cell diagram and its equations side by side, over the
// unrolled timeline. All three follow the shared InspectorModel.
#pragma once

#include <QWidget>

class CellDiagramView;
class EquationsView;
class InspectorModel;
class StepGuide;
class TimelineView;

class CellPage : public QWidget {
    Q_OBJECT
public:
    explicit CellPage(InspectorModel* model, QWidget* parent = nullptr);

    CellDiagramView* diagram() const { return m_diagram; }
    EquationsView* equations() const { return m_equations; }
    TimelineView* timeline() const { return m_timeline; }
    StepGuide* guide() const { return m_guide; }

private:
    CellDiagramView* m_diagram;
    EquationsView* m_equations;
    TimelineView* m_timeline;
    StepGuide* m_guide = nullptr;
};
