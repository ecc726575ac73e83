#include "style/ViewRefresh.h"

#include <QEvent>
#include <QWidget>

ViewRefresh::ViewRefresh(QWidget* view, std::function<void()> rebuild)
    : m_view(view), m_rebuild(std::move(rebuild)), m_deferred([this] {
          if (m_view->isVisible()) {
              ensureCurrent();
              m_view->update();
          }
      })
{
    m_view->installEventFilter(this);
}

void ViewRefresh::markStale()
{
    m_stale = true;
    if (m_view->isVisible())
        m_deferred.request();
}

void ViewRefresh::ensureCurrent() const
{
    if (!m_stale)
        return;
    m_stale = false; // first: a rebuild that reads the view must not rebuild again
    m_rebuild();
}

// Before the view's own showEvent, so that it is shown as it is now, not as it was hidden.
bool ViewRefresh::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Show)
        ensureCurrent();
    return QObject::eventFilter(watched, event);
}
