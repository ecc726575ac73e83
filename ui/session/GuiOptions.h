// The window's command line: which session to start with (the data: --dataset and --params,
// --text, or --csv with its import options; --cell, --hidden, --layers, --lr, --seed; text
// sampling), --autoplay, --size WxH, --lesson NAME|FILE, the screenshot mode used for docs (--screenshot FILE
// --after-steps N) and --benchmark-ui SECONDS. Without options the last session returns, or
// the demo when the file it trained on is gone.
#pragma once

#include "session/SessionSettings.h"

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
    bool benchmarkEveryView = true; // the benchmark opens every inspector page beside the window
    QString page;                // the page to open on, one of MainWindow::pageNames()
    bool dark = false;           // dark colours instead of the system's
    int timestep = -1;           // with a screenshot: the inspector's timestep; -1 leaves it
    QString lesson;              // a lesson to open: a shipped one's name or a file
    int lessonStep = 1;          // ... at this step, counted from 1
    std::vector<lstm::ModelChoices> compare; // --compare: the models of the Compare page, or none
    bool present = false;        // presentation mode
    QString sweepKey, sweepValues; // --sweep lag=5,10,20: the Sweep page's parameter and values
    int zoom = 0;                // percent; 0 keeps the one remembered
    QString notice; // for the window's banner: why the last session did not come back

    QString parse(const QStringList& arguments); // an error sentence, or empty
    // Trains afterSteps steps (if any; fewer if training diverges), saves the window as a PNG
    // and quits the application; quits with status 2 if the session cannot be built.
    void takeScreenshotWhenReady(MainWindow& window) const;
};
