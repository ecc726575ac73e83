#include "import/CsvLoader.h"

#include "series/CsvDataset.h"
#include "csv/CsvError.h"
#include "import/CsvPreview.h"

#include <QFileInfo>
#include <QThread>

#include <fstream>

namespace {

std::atomic<int> liveThreads{0};

} // namespace

// One load, moved to its own thread: reads, checks, reports, and is deleted with its thread
// once run() returns. It sees only its own copies and the stop flag, never the loader.
class CsvLoadWorker : public QObject {
    Q_OBJECT
public:
    CsvLoadWorker(CsvSource source, std::vector<std::string> columnNames, std::shared_ptr<std::atomic<bool>> cancel)
        : m_source(std::move(source)), m_columnNames(std::move(columnNames)), m_cancel(std::move(cancel))
    {
    }

    void run();

signals:
    void progressed(double fraction);
    void loaded(std::shared_ptr<const lstm::CsvTable> table);
    void failed(QString message, int line, int column);
    void finished(); // last, whatever happened

private:
    bool cancelled() const { return m_cancel->load(); }

    CsvSource m_source;
    std::vector<std::string> m_columnNames;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

void CsvLoadWorker::run()
{
    const std::string name = QFileInfo(m_source.path).fileName().toStdString();
    lstm::CsvImportOptions options = m_source.importOptions();
    options.progress = [this](double fraction) {
        if (cancelled())
            return false;
        emit progressed(fraction);
        return true;
    };
    try {
        std::ifstream in(m_source.path.toStdString(), std::ios::binary);
        if (!in)
            throw lstm::CsvImportError(name, 0, 0, {}, "cannot be opened", false);
        const auto size = std::uint64_t(QFileInfo(m_source.path).size());
        auto table = std::make_shared<const lstm::CsvTable>(lstm::importCsv(in, name, size, options));
        // The check cannot be interrupted inside the core, so it is skipped once cancelled and
        // its outcome dropped when a cancel arrives while it runs.
        if (!cancelled())
            lstm::CsvDataset check(*table, m_source.datasetOptions()); // the columns and windows fit
        if (!cancelled())
            emit loaded(std::move(table));
    } catch (const lstm::CsvCancelled&) {
        // the loader has moved on already
    } catch (const lstm::CsvImportError& error) {
        if (!cancelled())
            emit failed(describeCsvError(error, m_columnNames), error.line, error.column);
    } catch (const std::exception& error) {
        if (!cancelled())
            emit failed(QString::fromUtf8(error.what()), 0, 0);
    }
    emit finished();
}

CsvLoader::CsvLoader(QObject* parent) : QObject(parent) {}

CsvLoader::~CsvLoader()
{
    stopRunning(); // the thread ends by itself; its results have nobody to go to
}

int CsvLoader::threadsAlive()
{
    return liveThreads.load();
}

void CsvLoader::stopRunning()
{
    if (m_cancel)
        *m_cancel = true;
    m_cancel.reset();
    ++m_generation; // anything the old load still sends is stale
}

bool CsvLoader::finishes(quint64 generation)
{
    if (generation != m_generation || !m_cancel)
        return false;
    m_cancel.reset();
    return true;
}

void CsvLoader::cancel()
{
    if (!m_cancel)
        return;
    stopRunning();
    emit cancelled();
}

void CsvLoader::start(const CsvSource& source, const std::vector<std::string>& columnNames)
{
    stopRunning();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = m_generation;

    auto* thread = new QThread; // no parent: it outlives the loader when it must
    thread->setObjectName(QStringLiteral("csv import"));
    auto* worker = new CsvLoadWorker(source, columnNames, m_cancel);
    worker->moveToThread(thread);
    ++liveThreads;
    connect(thread, &QThread::started, worker, &CsvLoadWorker::run);
    connect(worker, &CsvLoadWorker::finished, thread, &QThread::quit);
    connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QObject::destroyed, [] { --liveThreads; });

    // Queued to this thread; gone with the loader; dropped once another load is wanted.
    connect(worker, &CsvLoadWorker::progressed, this, [this, generation](double fraction) {
        if (generation == m_generation && m_cancel)
            emit progressed(fraction);
    });
    connect(worker, &CsvLoadWorker::loaded, this, [this, generation](std::shared_ptr<const lstm::CsvTable> table) {
        if (finishes(generation))
            emit loaded(std::move(table));
    });
    connect(worker, &CsvLoadWorker::failed, this, [this, generation](const QString& message, int line, int column) {
        if (finishes(generation))
            emit failed(message, line, column);
    });
    thread->start();
}

#include "CsvLoader.moc"
