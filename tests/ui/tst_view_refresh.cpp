// ViewRefresh, the one way a view keeps what it draws up to date: a change only marks it
// stale; a shown view rebuilds once on a later turn however many changes came; a hidden one
// rebuilds nothing until shown or read, and reading a current view rebuilds nothing.
#include "style/ViewRefresh.h"

#include <QCoreApplication>
#include <QTest>
#include <QWidget>

class ViewRefreshTest : public QObject {
    Q_OBJECT
private slots:
    void aShownViewRebuildsOnceOnALaterTurn();
    void aHiddenViewRebuildsWhenShown();
    void readingRebuildsOnlyWhenStale();
};

namespace {

// A widget with a rebuild counter, as a view would have its costly rebuild.
struct CountingView {
    QWidget widget;
    int rebuilds = 0;
    ViewRefresh refresh{&widget, [this] { ++rebuilds; }};
};

} // namespace

void ViewRefreshTest::aShownViewRebuildsOnceOnALaterTurn()
{
    CountingView view;
    view.widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view.widget));
    QCOMPARE(view.rebuilds, 1); // shown for the first time: built as it is now
    view.refresh.markStale();
    view.refresh.markStale();
    view.refresh.markStale();
    QCOMPARE(view.rebuilds, 1); // not in the turn that changed it
    QVERIFY(view.refresh.isStale());
    QTRY_COMPARE(view.rebuilds, 2);
    QVERIFY(!view.refresh.isStale());
    QCoreApplication::sendPostedEvents();
    QCOMPARE(view.rebuilds, 2); // three changes, one rebuild
}

void ViewRefreshTest::aHiddenViewRebuildsWhenShown()
{
    CountingView view;
    view.refresh.markStale();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(view.rebuilds, 0); // nobody sees it: nothing is built
    view.widget.show();
    QCOMPARE(view.rebuilds, 1); // before it is first painted
    view.widget.hide();
    view.refresh.markStale();
    QCoreApplication::processEvents();
    QCOMPARE(view.rebuilds, 1);
    view.widget.show();
    QCOMPARE(view.rebuilds, 2);
}

void ViewRefreshTest::readingRebuildsOnlyWhenStale()
{
    CountingView view;
    view.refresh.ensureCurrent(); // a hidden view asked for what it shows
    QCOMPARE(view.rebuilds, 1);
    view.refresh.ensureCurrent();
    QCOMPARE(view.rebuilds, 1);
    view.refresh.markStale();
    view.refresh.ensureCurrent();
    QCOMPARE(view.rebuilds, 2);
}

QTEST_MAIN(ViewRefreshTest)
#include "tst_view_refresh.moc"
