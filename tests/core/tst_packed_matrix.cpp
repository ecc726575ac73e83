// The packed recurrent kernel against Eigen's plain product, its reference: every shape
// of panels, groups of panels and leftovers, in float and double, with strided (block)
// operands as the layers pass them, and with h given as is or transposed (g = h^T).
#include "TestSupport.h"

#include "cells/PackedMatrix.h"

#include <QTest>

using namespace lstm;

class PackedMatrixTest : public QObject {
    Q_OBJECT
private slots:
    void matchesEigen_data();
    void matchesEigen();
    void repackingFollowsNewWeights();
};

void PackedMatrixTest::matchesEigen_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("packPanels");
    // 2048 x 128 and 2048 x 512 have more panels than one group holds, 512 x 2048 one panel
    // per group.
    const int shapes[][3] = {{64, 16, 8},   {64, 16, 32},  {70, 9, 8},     {70, 9, 19},    {20, 5, 33},
                             {8, 3, 8},     {96, 1, 16},   {512, 128, 32}, {33, 7, 1},     {2048, 512, 8},
                             {2048, 128, 40}, {2048, 512, 24}, {512, 2048, 16}};
    for (const auto& shape : shapes)
        for (bool pack : {true, false})
            QTest::newRow(qPrintable(QString("%1x%2 * %2x%3 %4").arg(shape[0]).arg(shape[1]).arg(shape[2])
                                         .arg(pack ? "packed" : "unpacked")))
                << shape[0] << shape[1] << shape[2] << pack;
}

template <typename S>
static void checkProduct(int rows, int depth, int columns, bool packPanels, double tolerance)
{
    // Operands are blocks of larger matrices, so outer strides differ from their heights.
    const Matrix<S> wStore = Matrix<S>::Random(rows + 3, depth + 1);
    const Matrix<S> hStore = Matrix<S>::Random(depth + 2, columns + 2);
    Matrix<S> zStore = Matrix<S>::Random(rows + 5, columns + 1);
    const auto W = wStore.block(1, 1, rows, depth);
    const auto h = hStore.block(2, 1, depth, columns);
    const Matrix<S> expected = zStore.block(0, 1, rows, columns) + W * h;
    const Matrix<S> before = zStore;

    PackedMatrix<S> packed;
    packed.assign(W, false, packPanels);
    packed.multiplyAdd(h, zStore.block(0, 1, rows, columns));
    LSTM_COMPARE_MATRICES(zStore.block(0, 1, rows, columns).template cast<double>(), expected.template cast<double>(),
                          tolerance * depth);

    // The transposed form: A = V^T for a V stored as (depth, rows).
    const Matrix<S> vStore = Matrix<S>::Random(depth + 4, rows + 2);
    const auto V = vStore.block(3, 2, depth, rows);
    zStore.block(0, 1, rows, columns) = before.block(0, 1, rows, columns);
    const Matrix<S> expectedTransposed = before.block(0, 1, rows, columns) + V.transpose() * h;
    packed.assign(V, true, packPanels);
    packed.multiplyAdd(h, zStore.block(0, 1, rows, columns));
    LSTM_COMPARE_MATRICES(zStore.block(0, 1, rows, columns).template cast<double>(),
                          expectedTransposed.template cast<double>(), tolerance * depth);
    // Nothing outside the target block is written.
    QVERIFY(zStore.col(0) == before.col(0));
    QVERIFY(zStore.bottomRows(5) == before.bottomRows(5));

    // h given transposed, as g = h^T: (columns, depth), also a block of a larger matrix.
    const Matrix<S> gStore = Matrix<S>::Random(columns + 3, depth + 2);
    const auto g = gStore.block(1, 2, columns, depth);
    for (bool transposed : {false, true}) {
        zStore.block(0, 1, rows, columns) = before.block(0, 1, rows, columns);
        Matrix<S> expectedFromG = before.block(0, 1, rows, columns);
        if (transposed) {
            expectedFromG += V.transpose() * g.transpose();
            packed.assign(V, true, packPanels);
        } else {
            expectedFromG += W * g.transpose();
            packed.assign(W, false, packPanels);
        }
        packed.multiplyAddTransposed(g, zStore.block(0, 1, rows, columns));
        LSTM_COMPARE_MATRICES(zStore.block(0, 1, rows, columns).template cast<double>(),
                              expectedFromG.template cast<double>(), tolerance * depth);
        QVERIFY(zStore.col(0) == before.col(0));
        QVERIFY(zStore.bottomRows(5) == before.bottomRows(5));
    }
}

void PackedMatrixTest::matchesEigen()
{
    QFETCH(int, rows);
    QFETCH(int, depth);
    QFETCH(int, columns);
    QFETCH(bool, packPanels);
    checkProduct<double>(rows, depth, columns, packPanels, 1e-15);
    checkProduct<float>(rows, depth, columns, packPanels, 1e-6);
}

void PackedMatrixTest::repackingFollowsNewWeights()
{
    Matrix<double> W = Matrix<double>::Random(64, 12);
    const Matrix<double> h = Matrix<double>::Random(12, 8);
    PackedMatrix<double> packed;
    packed.assign(W, false, true);
    W *= 2;
    packed.assign(W, false, true);
    Matrix<double> z = Matrix<double>::Zero(64, 8);
    packed.multiplyAdd(h, z);
    LSTM_COMPARE_MATRICES(z, W * h, 1e-13);
}

QTEST_GUILESS_MAIN(PackedMatrixTest)
#include "tst_packed_matrix.moc"
