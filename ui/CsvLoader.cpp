#include "CsvLoader.h"

#include "CsvDataset.h"
#include "CsvError.h"
#include "CsvPreview.h"

#include <QFileInfo>
#include <QThread>

#include <fstream>

CsvLoader::CsvLoader(QObject* parent) : QObject(parent) {}

CsvLoader::~CsvLoader()
{
    if (m_job)
        m_job->cancel = true;
    finishThread();
}

void CsvLoader::finishThread()
{
    if (m_thread)
        m_thread->wait(); // quick once cancelled: the import checks about every MiB
    m_thread.reset();
}

void CsvLoader::cancel()
{
    if (!m_job)
        return;
    m_job->cancel = true;
    m_job.reset();
    emit cancelled();
}

void CsvLoader::start(const CsvSource& source, const std::vector<std::string>& columnNames)
{
    if (m_job)
        m_job->cancel = true;
    finishThread();
    auto job = std::make_shared<Job>();
    m_job = job;
    // Every result goes back through a queued call that first checks the job is still the
    // one wanted, so a cancelled load's late result is dropped on the floor.
    const auto deliver = [this, job](auto signal) {
        QMetaObject::invokeMethod(
            this,
            [this, job, signal] {
                if (m_job != job)
                    return;
                if (signal.finishes)
                    m_job.reset();
                signal.emitIn(*this);
            },
            Qt::QueuedConnection);
    };
    struct Progress {
        double fraction;
        bool finishes = false;
        void emitIn(CsvLoader& loader) const { emit loader.progressed(fraction); }
    };
    struct Loaded {
        std::shared_ptr<const lstm::CsvTable> table;
        bool finishes = true;
        void emitIn(CsvLoader& loader) const { emit loader.loaded(table); }
    };
    struct Failed {
        QString message;
        int line = 0, column = 0;
        bool finishes = true;
        void emitIn(CsvLoader& loader) const { emit loader.failed(message, line, column); }
    };
    const std::string name = QFileInfo(source.path).fileName().toStdString();
    m_thread.reset(QThread::create([source, name, columnNames, job, deliver] {
        lstm::CsvImportOptions options = source.importOptions();
        options.progress = [job, deliver](double fraction) {
            if (job->cancel)
                return false;
            deliver(Progress{fraction});
            return true;
        };
        try {
            std::ifstream in(source.path.toStdString(), std::ios::binary);
            if (!in)
                throw lstm::CsvImportError(name, 0, 0, {}, "cannot be opened", false);
            const auto size = std::uint64_t(QFileInfo(source.path).size());
            auto table = std::make_shared<lstm::CsvTable>(lstm::importCsv(in, name, size, options));
            if (job->cancel)
                return;
            lstm::CsvDataset check(*table, source.datasetOptions()); // the columns and windows fit
            deliver(Loaded{std::move(table)});
        } catch (const lstm::CsvCancelled&) {
            // cancel() has told the dialog already
        } catch (const lstm::CsvImportError& error) {
            deliver(Failed{describeCsvError(error, columnNames), error.line, error.column});
        } catch (const std::exception& error) {
            deliver(Failed{QString::fromUtf8(error.what())});
        }
    }));
    m_thread->setObjectName(QStringLiteral("csv import"));
    m_thread->start();
}
