// When a view brings what it draws up to date. What a view draws is a cache of the model:
// any change only marks it stale; a shown view rebuilds on a turn of its own (DeferredRedraw),
// a hidden one not at all until it is shown, painted or read (ensureCurrent). Snapshots arrive
// ~30 times a second while training, so rebuilding on every signal kept the UI thread busy.
// Not the drawing itself: the view passes its rebuild in. UI thread only.
#pragma once

#include "style/DeferredRedraw.h"

#include <QObject>

#include <functional>

class QWidget;

class ViewRefresh : public QObject {
public:
    // Watches `view` being shown, and calls `rebuild` whenever what it draws is out of date.
    ViewRefresh(QWidget* view, std::function<void()> rebuild);

    // The model moved on: rebuild on a later turn if the view is shown, else when it is.
    void markStale();
    // Rebuilds now if stale: for a view asked for what it shows, painted or shown.
    void ensureCurrent() const;
    bool isStale() const { return m_stale; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_view;
    std::function<void()> m_rebuild;
    mutable bool m_stale = true; // what the view draws is a cache: reading it may refresh it
    DeferredRedraw m_deferred;
};
