// Spreads the views' redraws over separate turns of the event loop. A new training step
// changes every inside-the-cell view at once; redrawn in one turn they kept the UI thread
// busy for 25-30 ms, and input and timers waited that long. A view owns a DeferredRedraw
// and requests it instead of redrawing; all requests share one queue that runs one redraw
// per turn, oldest first, so nothing waits longer than the costliest single view.
// UI thread only.
#pragma once

#include <functional>

class DeferredRedraw {
public:
    explicit DeferredRedraw(std::function<void()> redraw);
    ~DeferredRedraw(); // leaves the queue
    DeferredRedraw(const DeferredRedraw&) = delete;
    DeferredRedraw& operator=(const DeferredRedraw&) = delete;

    // Runs the redraw on a later turn. Requests made before it runs count as one.
    void request();
    bool pending() const { return m_pending; }
    // Runs a pending redraw now and leaves the queue: for a view asked for what it shows.
    void flush();

private:
    std::function<void()> m_redraw;
    bool m_pending = false;
};
