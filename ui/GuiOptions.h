// The window's command line: which session to start with (--dataset, --cell, --hidden,
// --layers, --lr, --seed, --params), --autoplay, --size WxH, the screenshot mode used for
// docs (--screenshot FILE --after-steps N) and --benchmark-ui SECONDS. Without options the
// last session returns.
#pragma once

#include "SessionSettings.h"

#include <QSize>
#include <QString>
#include <QStringList>

class MainWindow;

struct GuiOptions {
    SessionSettings settings;
    bool autoplay = false;
    QString screenshot;
    long afterSteps = 0;
    QSize size;
    double benchmarkSeconds = 0; // > 0: run the responsiveness benchmark for this long

    QString parse(const QStringList& arguments); // an error sentence, or empty
    // Trains afterSteps steps (if any; fewer if training diverges), saves the window as a PNG
    // and quits the application; quits with status 2 if the session cannot be built.
    void takeScreenshotWhenReady(MainWindow& window) const;
};
