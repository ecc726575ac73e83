#include "inspector/UiNames.h"

#include <QCoreApplication>

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("UiNames", text);
}

} // namespace

QString cellTitle(lstm::CellKind kind)
{
    switch (kind) {
    case lstm::CellKind::Lstm: return tr("LSTM cell");
    case lstm::CellKind::LstmPeephole: return tr("Peephole LSTM cell");
    case lstm::CellKind::Lstm1997: return tr("LSTM cell of 1997 (no forget gate)");
    case lstm::CellKind::Gru: return tr("GRU cell");
    case lstm::CellKind::Rnn: return tr("Plain RNN cell");
    }
    return {};
}

QString cellShortTitle(lstm::CellKind kind)
{
    switch (kind) {
    case lstm::CellKind::Lstm: return tr("LSTM");
    case lstm::CellKind::LstmPeephole: return tr("Peephole LSTM");
    case lstm::CellKind::Lstm1997: return tr("LSTM 1997");
    case lstm::CellKind::Gru: return tr("GRU");
    case lstm::CellKind::Rnn: return tr("Plain RNN");
    }
    return {};
}

QString symbolLabel(const std::string& symbol)
{
    if (symbol == " ")
        return QStringLiteral("␣");
    if (symbol == "\n")
        return QStringLiteral("↵");
    if (symbol == "\t")
        return QStringLiteral("⇥");
    return QString::fromStdString(symbol);
}
