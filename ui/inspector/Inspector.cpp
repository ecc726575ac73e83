#include "inspector/Inspector.h"

#include <utility>

namespace {
constexpr int minimumShowIntervalMs = 100;
// The curves over training span the whole run and move slowly; redrawing their chart costs
// as much as all the other views together, so twice a second is enough.
constexpr int minimumCurvesIntervalMs = 500;
} // namespace

Inspector::Inspector(QObject* parent) : QObject(parent) {}

void Inspector::showSnapshot(const TrainingSnapshot& snapshot)
{
    if (snapshot.model.vocabulary != m_vocabulary) {
        m_vocabulary = snapshot.model.vocabulary;
        emit vocabularyChanged();
    }
    if (!snapshot.trace && snapshot.step == 0 && !m_history.traces().empty()) { // a fresh model
        m_history.clear();
        m_model.setParameterCurves(snapshot.parameterCurves);
        m_model.setTrace(nullptr);
        setFollowing(true);
        emit historyChanged();
        return;
    }
    if (snapshot.trace && snapshot.trace != m_history.newest()) {
        m_history.add(snapshot.trace, m_model.trace());
        emit historyChanged();
        if (!m_external && m_history.indexOf(m_model.trace()) < 0) // the shown step is gone: training started over
            setFollowing(true);
    }
    const auto due = [&snapshot](const QElapsedTimer& since, int interval) {
        return !snapshot.running || !since.isValid() || since.elapsed() >= interval;
    };
    if (snapshot.parameterCurves != m_model.parameterCurves() && due(m_sinceCurves, minimumCurvesIntervalMs)) {
        m_sinceCurves.start();
        m_model.setParameterCurves(snapshot.parameterCurves);
    }
    if (!due(m_sinceShown, minimumShowIntervalMs))
        return;
    m_sinceShown.start();
    const TracePointer newest = m_history.newest();
    if (m_followNewest && !m_model.steppingThrough() && newest && newest != m_model.trace())
        m_model.setTrace(newest);
}

void Inspector::openRecorded(int index)
{
    const auto& traces = m_history.traces();
    if (index < 0 || index >= int(traces.size()))
        return;
    setFollowing(index == int(traces.size()) - 1);
    if (traces[size_t(index)] != m_model.trace())
        m_model.setTrace(traces[size_t(index)]);
}

void Inspector::followNewest()
{
    const bool leavingExternal = std::exchange(m_external, nullptr) != nullptr;
    setFollowing(true);
    // Back from a compared model's step even when the own model has recorded none yet.
    if ((m_history.newest() || leavingExternal) && m_history.newest() != m_model.trace())
        m_model.setTrace(m_history.newest());
}

void Inspector::showExternal(TracePointer trace)
{
    if (!trace)
        return followNewest();
    if (trace == m_external)
        return;
    m_external = std::move(trace);
    setFollowing(false);
    if (!m_model.steppingThrough())
        m_model.setTrace(m_external);
}

void Inspector::setFollowing(bool following)
{
    if (following == m_followNewest)
        return;
    m_followNewest = following;
    emit followingChanged(following);
}
