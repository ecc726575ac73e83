// What the timeline shows for the selected unit: which rows (the input, every gate, c and h
// or their gradients, the output and its target), and each row's value, colour and text at
// every timestep of the recorded step. Reads the shared InspectorModel and caches the rows
// and colour ranges until told they are stale. No widget and no painting: TimelineView draws.
#pragma once

#include "inspector/InspectorModel.h"
#include "style/ValueScale.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <string>
#include <vector>

class TimelineRows {
    Q_DECLARE_TR_FUNCTIONS(TimelineRows)
public:
    enum class Kind { Input, Gate, Cell, Hidden, Output, Target };
    struct Row {
        Kind kind;
        int gate = -1; // the gate, or the input feature
        QString name;
    };

    explicit TimelineRows(const InspectorModel* model) : m_model(model) {}

    // Names of the input symbols (the model's vocabulary), so symbol input reads as text.
    void setVocabulary(std::vector<std::string> vocabulary) { m_vocabulary = std::move(vocabulary); }
    // The model moved on: the colour ranges, and with `rows` the set of rows too.
    void markStale(bool rows);

    int count() const;
    const Row& row(int row) const;
    double value(int row, int timestep) const; // NaN when there is none
    bool shown(int row, int timestep) const;   // computed already by the step-through
    bool isGradient(int row) const;
    bool holdsSymbols(int row) const; // symbol ids, shown as text, not as colours
    bool isCellQuantity(int row) const; // a gate, c or h, coloured as every view colours them
    QRgb color(int row, double value) const;
    QString valueText(int row, int timestep) const;

private:
    void ensureRows() const;
    void rebuildRows() const;
    static std::optional<Quantity> quantityOf(const Row& row);
    const Eigen::MatrixXd* matrixOf(const Row& row) const;
    bool isGradient(const Row& row) const;
    ValueScale scale(int row) const;

    const InspectorModel* m_model;
    std::vector<std::string> m_vocabulary;
    // Caches of what the model says, filled when first read.
    mutable std::vector<Row> m_rows;
    mutable bool m_rowsStale = true;
    mutable std::vector<ValueScale> m_scales; // per row, for the shown layer and reveal
    mutable bool m_scalesStale = true;
};
