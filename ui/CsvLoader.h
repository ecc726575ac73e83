// Reads a whole CSV file on a thread of its own, so that a large file never freezes the
// window: reports the share read, can be cancelled at any moment, and checks that the table
// makes a data set with the chosen columns and sequences before it says it is done. Results
// arrive as signals on the thread that owns the loader. Not the preview (CsvPreview).
#pragma once

#include "SessionSettings.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

class QThread;

class CsvLoader : public QObject {
    Q_OBJECT
public:
    explicit CsvLoader(QObject* parent = nullptr);
    ~CsvLoader() override; // cancels a load still running and waits for its thread

    // Starts reading source.path with source's options; a load already running is cancelled.
    // columnNames: the columns as the preview showed them, to name a column in an error.
    void start(const CsvSource& source, const std::vector<std::string>& columnNames = {});
    // Stops the running load: none of its results arrive any more, cancelled() does.
    void cancel();
    bool running() const { return m_job != nullptr; }

signals:
    void progressed(double fraction); // share of the file's bytes read, 0 to 1
    void loaded(std::shared_ptr<const lstm::CsvTable> table);
    void failed(QString message, int line, int column); // line and column 0 when not one place
    void cancelled();

private:
    struct Job {
        std::atomic<bool> cancel{false};
    };
    void finishThread();

    std::shared_ptr<Job> m_job;        // the load whose results are still wanted
    std::unique_ptr<QThread> m_thread; // the last load's thread, perhaps still ending
};
