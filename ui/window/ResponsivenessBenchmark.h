// `lstm-lab --benchmark-ui SECONDS`: how the window holds up while training runs flat out.
// A 10 ms timer on the UI thread records how late it fires while every chart and every
// inspector view is open and live (the inspector pages in windows of their own); the same
// session then trains headless for the same time. Prints p50/p99 lateness and both
// training speeds. A benchmark, not a test: it measures, it does not judge.
#pragma once

class MainWindow;

struct ResponsivenessResult {
    double p50LatenessMs = 0;
    double p95LatenessMs = 0;
    double p99LatenessMs = 0;
    double maxLatenessMs = 0;
    double uiStepsPerSecond = 0;
    double headlessStepsPerSecond = 0;
};

// Runs inside the application's event loop and quits it when done, printing the result.
// everyView: the inspector pages open in windows of their own beside the main window.
// comparison: the Compare page's models train (started beforehand), not the side panel's.
void runResponsivenessBenchmark(MainWindow& window, double seconds, bool everyView, bool comparison);
