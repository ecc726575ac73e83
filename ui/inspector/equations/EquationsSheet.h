// How the equations page is typeset: numbers as factors and terms (true minus signs,
// negative factors in parentheses), italic variables with upright subscripts, gradients and
// deltas, and the Sheet that lines equations up on their "=" signs. HTML for QTextDocument;
// what the equations say is EquationsPage's.
#pragma once

#include <QString>

#include <initializer_list>

class QPalette;

namespace typeset {

inline const QString minus = QStringLiteral("−");
inline const QString T0 = QStringLiteral("t");
inline const QString T1 = QStringLiteral("t−1");
inline const QString TNext = QStringLiteral("t+1");
inline const QString unknown = QStringLiteral("<span class='unknown'>?</span>"); // not computed yet

QString num(double v);
// A number as a factor of a product: negative ones in parentheses, 0.55 × (−0.31).
QString factor(double v);
QString times(std::initializer_list<double> factors);
// A further term of a sum, its sign as the operator: " + 0.10", " − 0.21".
QString then(double t);
// Terms of a sum with their signs as operators: 0.52 − 0.21 + 0.10.
QString sum(std::initializer_list<double> terms);
QString result(double v); // a value an equation arrives at, in bold

// Typeset variables: an italic letter with an upright subscript.
QString var(const QString& name, const QString& sub = {});
QString dL(const QString& what);                           // ∂L/∂what
QString delta(const QString& gate, const QString& sub = T0); // δgate_t

// Rows of aligned equations: the left side, "=", the right side; continuation rows have
// no left side.
class Sheet {
public:
    void heading(const QString& text);
    void note(const QString& text);
    void row(const QString& left, const QString& right);
    void more(const QString& right) { row(QString(), right); }
    // An aside under a row, in the right-hand column.
    void aside(const QString& text);
    void gap();
    QString finish();

private:
    void open();
    void close();
    QString m_html;
    bool m_inTable = false;
};

} // namespace typeset

// The page's style sheet in the palette's colours.
QString pageStyle(const QPalette& palette);
