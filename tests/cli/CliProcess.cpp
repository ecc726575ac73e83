#include "CliProcess.h"

#include <QProcess>

CliResult runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(LSTM_LAB_CLI), arguments);
    if (!process.waitForFinished(120'000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}
