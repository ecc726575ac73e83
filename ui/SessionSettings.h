// Everything a user sets up before training, the seed included: which data, which model,
// how to train. One value, so a run can be rebuilt, saved with QSettings and given on the
// command line. Not the trained weights.
#pragma once

#include "Dataset.h"
#include "Generators.h"
#include "TrainConfig.h"

#include <QString>
#include <QStringList>

class QSettings;

struct SessionSettings {
    QString dataset = QStringLiteral("sine");
    lstm::GeneratorSettings data;       // parameters left out take their defaults
    lstm::ModelChoices model;
    lstm::TrainConfig train;
    bool operator==(const SessionSettings&) const = default;

    // The demo a fresh start shows: the sine wave and a 16-unit LSTM.
    static SessionSettings demo();

    void save(QSettings& settings) const;
    static SessionSettings load(const QSettings& settings); // missing keys keep demo values

    // --dataset NAME --cell NAME --hidden N --layers N --lr X --seed N --params k=v,...
    QStringList toArguments() const;
    // Reads the same options; returns an error sentence or an empty string.
    QString applyArguments(const QStringList& arguments);
};
