#include "style/DeferredRedraw.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <algorithm>
#include <deque>

namespace {

// The requests waiting, oldest first, and whether a turn to run the next one is posted.
struct RedrawQueue {
    std::deque<DeferredRedraw*> waiting;
    bool turnPosted = false;
};

RedrawQueue& queue()
{
    static RedrawQueue instance;
    return instance;
}

void postTurn();

// One redraw, then a new turn for the rest: Qt delivers events posted while it delivers
// others on the next pass of the event loop, after it has looked at input and timers.
void runOne()
{
    RedrawQueue& q = queue();
    q.turnPosted = false;
    if (q.waiting.empty())
        return;
    DeferredRedraw* next = q.waiting.front();
    next->flush(); // leaves the queue
    if (!q.waiting.empty())
        postTurn();
}

void postTurn()
{
    RedrawQueue& q = queue();
    if (q.turnPosted)
        return;
    q.turnPosted = true;
    QMetaObject::invokeMethod(QCoreApplication::instance(), &runOne, Qt::QueuedConnection);
}

void leaveQueue(DeferredRedraw* redraw)
{
    auto& waiting = queue().waiting;
    waiting.erase(std::remove(waiting.begin(), waiting.end(), redraw), waiting.end());
}

} // namespace

DeferredRedraw::DeferredRedraw(std::function<void()> redraw) : m_redraw(std::move(redraw)) {}

DeferredRedraw::~DeferredRedraw()
{
    if (m_pending)
        leaveQueue(this);
}

void DeferredRedraw::request()
{
    if (m_pending)
        return;
    m_pending = true;
    queue().waiting.push_back(this);
    postTurn();
}

void DeferredRedraw::flush()
{
    if (!m_pending)
        return;
    m_pending = false;
    leaveQueue(this);
    m_redraw();
}
