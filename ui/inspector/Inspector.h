// Feeds the inside-the-cell views: keeps the history of recorded steps from the snapshots
// and decides which step the shared InspectorModel shows. It follows the newest recorded
// step while training runs, unless the user reopened an older one or is stepping through.
// While training runs it hands the views a new step at most ten times a second, and the
// per-tensor curves over training twice a second: every view redraws for each, and faster
// than that the numbers only flicker.
#pragma once

#include "inspector/InspectorModel.h"
#include "worker/TraceHistory.h"
#include "worker/TrainingSnapshot.h"

#include <QElapsedTimer>
#include <QObject>

class Inspector : public QObject {
    Q_OBJECT
public:
    explicit Inspector(QObject* parent = nullptr);

    InspectorModel* model() { return &m_model; }
    const TraceHistory& history() const { return m_history; }
    bool followsNewest() const { return m_followNewest; }

    void showSnapshot(const TrainingSnapshot& snapshot);
    // Reopens a kept step (an index into history().traces()) and stops following.
    void openRecorded(int index);
    void followNewest();
    // Shows a step recorded elsewhere (a compared model's) until followNewest(); nullptr
    // returns to the newest step of the window's own model.
    void showExternal(TracePointer trace);
    // The model's vocabulary, so views can show symbols as text.
    const std::vector<std::string>& vocabulary() const { return m_vocabulary; }

signals:
    void historyChanged();   // a step was kept, or the history started over
    void followingChanged(bool following);
    void vocabularyChanged();

private:
    void setFollowing(bool following);

    InspectorModel m_model;
    TraceHistory m_history;
    bool m_followNewest = true;
    QElapsedTimer m_sinceShown;  // while training runs, views take a new step ~10 times a second
    QElapsedTimer m_sinceCurves; // ... and new curves over training twice a second
    std::vector<std::string> m_vocabulary;
    TracePointer m_external; // a compared model's step on show, or nullptr
};
