// Reads a whole CSV file on a thread of its own, so that a large file never freezes the
// window: reports the share read, can be cancelled at any moment, and checks that the table
// makes a data set with the chosen columns and sequences before it says it is done. Results
// arrive as signals on the thread that owns the loader. The owner never waits for a load: a
// cancelled or superseded one is told to stop and left to end (and delete itself) on its own
// thread, its late results dropped. Not the preview (CsvPreview).
#pragma once

#include "session/SessionSettings.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

class CsvLoader : public QObject {
    Q_OBJECT
public:
    explicit CsvLoader(QObject* parent = nullptr);
    ~CsvLoader() override; // cancels a load still running; never waits for its thread

    // Starts reading source.path with source's options; a load already running is cancelled
    // (without a cancelled() signal) and its results are never delivered.
    // columnNames: the columns as the preview showed them, to name a column in an error.
    void start(const CsvSource& source, const std::vector<std::string>& columnNames = {});
    // Stops the running load: none of its results arrive any more, cancelled() does.
    void cancel();
    bool running() const { return m_cancel != nullptr; }

    // Load threads not yet ended and deleted, cancelled ones included, across all loaders.
    // Counts down on the UI thread as each deletes itself, so tests can see none is leaked.
    static int threadsAlive();

signals:
    void progressed(double fraction); // share of the file's bytes read, 0 to 1
    void loaded(std::shared_ptr<const lstm::CsvTable> table);
    void failed(QString message, int line, int column); // line and column 0 when not one place
    void cancelled();

private:
    void stopRunning(); // tells the running load to stop and forgets it
    bool finishes(quint64 generation); // whether a final result of `generation` is still wanted

    quint64 m_generation = 0;                     // of the load whose results are wanted
    std::shared_ptr<std::atomic<bool>> m_cancel;  // that load's stop flag; null when none runs
};
