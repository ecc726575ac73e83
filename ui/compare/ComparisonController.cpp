#include "compare/ComparisonController.h"

#include "compare/ComparisonWorker.h"

ComparisonController::ComparisonController(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<ComparisonPointer>();
    m_worker = new ComparisonWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ComparisonWorker::snapshotReady, this, [this](ComparisonPointer snapshot) {
        m_latest = std::move(snapshot);
        if (m_latest->finished)
            m_playRequested = false; // every model stopped by itself
        emit snapshotChanged(m_latest);
    });
    connect(m_worker, &ComparisonWorker::failed, this, &ComparisonController::failed);
    m_thread.setObjectName(QStringLiteral("comparison"));
    // Training threads yield to the UI thread whenever it has work (SCHED_IDLE on Linux, which the
    // comparison's helper threads inherit): both cores train, and the window still answers.
    m_thread.start(QThread::IdlePriority);
}

ComparisonController::~ComparisonController()
{
    m_thread.quit();
    m_thread.wait();
}

template <typename Command>
void ComparisonController::send(Command command)
{
    QMetaObject::invokeMethod(m_worker, std::move(command), Qt::QueuedConnection);
}

void ComparisonController::start(const SessionSettings& session, const std::vector<lstm::ModelChoices>& models)
{
    m_playRequested = false;
    send([worker = m_worker, session, models] { worker->start(session, models); });
}

void ComparisonController::play()
{
    m_playRequested = true;
    send([worker = m_worker] { worker->play(); });
}

void ComparisonController::pause()
{
    m_playRequested = false;
    send([worker = m_worker] { worker->pause(); });
}

void ComparisonController::setStepsPerSecond(double stepsPerSecond)
{
    send([worker = m_worker, stepsPerSecond] { worker->setStepsPerSecond(stepsPerSecond); });
}
