// Runs lstm-lab-cli as a user would and keeps what it printed: the helper every CLI suite shares.
#pragma once

#include <QString>
#include <QStringList>

struct CliResult {
    int exitCode = -1; // -1 when it crashed or did not finish in two minutes
    QString out;
    QString err;
};

CliResult runCli(const QStringList& arguments);
