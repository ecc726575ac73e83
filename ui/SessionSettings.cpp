#include "SessionSettings.h"

#include <QSettings>

SessionSettings SessionSettings::demo()
{
    SessionSettings demo;
    demo.model.hiddenSize = 16;
    demo.train.learningRate = 0.01;
    demo.train.batchSize = 16;
    return demo;
}

void SessionSettings::save(QSettings& settings) const
{
    settings.setValue("session/dataset", dataset);
    settings.remove("session/data");
    for (const auto& [key, value] : data)
        settings.setValue("session/data/" + QString::fromStdString(key), value);
    settings.setValue("session/cell", QString::fromUtf8(lstm::cellName(model.cell).data()));
    settings.setValue("session/hidden", model.hiddenSize);
    settings.setValue("session/layers", model.layers);
    settings.setValue("session/optimizer", QString::fromUtf8(lstm::optimizerName(train.optimizer).data()));
    settings.setValue("session/learningRate", train.learningRate);
    settings.setValue("session/clipNorm", train.clipNorm);
    settings.setValue("session/batchSize", train.batchSize);
    settings.setValue("session/truncation", train.truncation);
    settings.setValue("session/forgetBiasOne", train.forgetBiasOne);
    settings.setValue("session/seed", qulonglong(train.seed));
}

SessionSettings SessionSettings::load(const QSettings& settings)
{
    SessionSettings s = demo();
    s.dataset = settings.value("session/dataset", s.dataset).toString();
    if (!lstm::findGenerator(s.dataset.toStdString()))
        s.dataset = demo().dataset;
    for (const QString& key : settings.allKeys())
        if (key.startsWith("session/data/"))
            s.data[key.mid(13).toStdString()] = settings.value(key).toDouble();
    if (const auto cell = lstm::parseCellKind(settings.value("session/cell").toString().toStdString()))
        s.model.cell = *cell;
    s.model.hiddenSize = std::clamp(settings.value("session/hidden", s.model.hiddenSize).toInt(), 1, 512);
    s.model.layers = std::clamp(settings.value("session/layers", s.model.layers).toInt(), 1, 4);
    if (const auto optimizer = lstm::parseOptimizerKind(settings.value("session/optimizer").toString().toStdString()))
        s.train.optimizer = *optimizer;
    s.train.learningRate = settings.value("session/learningRate", s.train.learningRate).toDouble();
    s.train.clipNorm = settings.value("session/clipNorm", s.train.clipNorm).toDouble();
    s.train.batchSize = std::clamp(settings.value("session/batchSize", s.train.batchSize).toInt(), 1, 1024);
    s.train.truncation = std::max(0, settings.value("session/truncation", s.train.truncation).toInt());
    s.train.forgetBiasOne = settings.value("session/forgetBiasOne", s.train.forgetBiasOne).toBool();
    s.train.seed = settings.value("session/seed", qulonglong(s.train.seed)).toULongLong();
    return s;
}

QStringList SessionSettings::toArguments() const
{
    QStringList arguments{"--dataset", dataset,
                          "--cell", QString::fromUtf8(lstm::cellName(model.cell).data()),
                          "--hidden", QString::number(model.hiddenSize),
                          "--layers", QString::number(model.layers),
                          "--lr", QString::number(train.learningRate, 'g', 17),
                          "--seed", QString::number(train.seed)};
    QStringList params;
    for (const auto& [key, value] : data)
        params << QString::fromStdString(key) + "=" + QString::number(value, 'g', 17);
    if (!params.isEmpty())
        arguments << "--params" << params.join(',');
    return arguments;
}

QString SessionSettings::applyArguments(const QStringList& arguments)
{
    for (int k = 0; k + 1 < arguments.size(); k += 2) {
        const QString& option = arguments[k];
        const QString& value = arguments[k + 1];
        bool ok = true;
        if (option == "--dataset") {
            if (!lstm::findGenerator(value.toStdString()))
                return QStringLiteral("unknown data set \"%1\"").arg(value);
            dataset = value;
        } else if (option == "--cell") {
            const auto cell = lstm::parseCellKind(value.toStdString());
            if (!cell)
                return QStringLiteral("unknown cell \"%1\"").arg(value);
            model.cell = *cell;
        } else if (option == "--hidden") {
            model.hiddenSize = value.toInt(&ok);
            ok = ok && model.hiddenSize >= 1 && model.hiddenSize <= 512;
        } else if (option == "--layers") {
            model.layers = value.toInt(&ok);
            ok = ok && model.layers >= 1 && model.layers <= 4;
        } else if (option == "--lr") {
            train.learningRate = value.toDouble(&ok);
            ok = ok && train.learningRate >= 0 && train.learningRate <= 10; // the panel's range
        } else if (option == "--seed") {
            train.seed = value.toULongLong(&ok);
            ok = ok && train.seed <= 1'000'000; // the panel's range
        } else if (option == "--params") {
            for (const QString& pair : value.split(',', Qt::SkipEmptyParts)) {
                const QStringList parts = pair.split('=');
                ok = parts.size() == 2;
                const double number = ok ? parts[1].toDouble(&ok) : 0;
                if (!ok)
                    break;
                data[parts[0].toStdString()] = number;
            }
        } else {
            return QStringLiteral("unknown option %1").arg(option);
        }
        if (!ok)
            return QStringLiteral("%1 does not accept \"%2\"").arg(option, value);
    }
    if (arguments.size() % 2 != 0)
        return QStringLiteral("%1 needs a value").arg(arguments.last());
    return {};
}
