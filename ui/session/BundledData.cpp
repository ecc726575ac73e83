#include "session/BundledData.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

QString bundledDataFolder()
{
    const QString beside = QCoreApplication::applicationDirPath();
    for (const QString& folder : {beside + QStringLiteral("/datasets"),
                                  beside + QStringLiteral("/../share/lstm-lab/datasets"),
                                  QStringLiteral(LSTM_LAB_DATASETS)}) // the source tree, for builds run in place
        if (QFileInfo(folder + QStringLiteral("/text")).isDir())
            return QDir::cleanPath(folder);
    return {};
}

QString bundledTextCorpus()
{
    const QString folder = bundledDataFolder();
    const QString file = folder + QStringLiteral("/text/pride_and_prejudice.txt");
    return !folder.isEmpty() && QFileInfo(file).isFile() ? file : QString();
}
