#include "inspector/equations/EquationsSheet.h"

#include "style/NumberFormat.h"

#include <QColor>
#include <QPalette>
#include <QStringList>

namespace typeset {

QString num(double v)
{
    return formatNumber(v);
}

QString factor(double v)
{
    return v < 0 ? "(" + num(v) + ")" : num(v);
}

QString times(std::initializer_list<double> factors)
{
    QStringList parts;
    for (double f : factors)
        parts << factor(f);
    return parts.join(" × ");
}

QString then(double t)
{
    return t < 0 ? " " + minus + " " + num(-t) : " + " + num(t);
}

QString sum(std::initializer_list<double> terms)
{
    QString out;
    for (const double* t = terms.begin(); t != terms.end(); ++t)
        out += t == terms.begin() ? num(*t) : then(*t);
    return out;
}

QString result(double v)
{
    return "<b>" + num(v) + "</b>";
}

QString var(const QString& name, const QString& sub)
{
    return "<i>" + name + "</i>" + (sub.isEmpty() ? QString() : "<sub>" + sub + "</sub>");
}

QString dL(const QString& what)
{
    return "∂<i>L</i>/∂" + what;
}

QString delta(const QString& gate, const QString& sub)
{
    return "δ" + var(gate, sub);
}

void Sheet::heading(const QString& text)
{
    close();
    m_html += "<p class='heading'>" + text + "</p>";
}

void Sheet::note(const QString& text)
{
    close();
    m_html += "<p class='note'>" + text + "</p>";
}

void Sheet::row(const QString& left, const QString& right)
{
    open();
    m_html += "<tr><td align='right' class='left'>" + left + "</td><td class='eq'>=</td><td>" + right + "</td></tr>";
}

void Sheet::aside(const QString& text)
{
    open();
    m_html += "<tr><td></td><td></td><td class='note'>" + text + "</td></tr>";
}

void Sheet::gap()
{
    open();
    m_html += "<tr><td colspan='3' class='gap'></td></tr>";
}

QString Sheet::finish()
{
    close();
    return m_html;
}

void Sheet::open()
{
    if (!m_inTable)
        m_html += "<table cellspacing='0' cellpadding='2'>";
    m_inTable = true;
}

void Sheet::close()
{
    if (m_inTable)
        m_html += "</table>";
    m_inTable = false;
}

} // namespace typeset

QString pageStyle(const QPalette& palette)
{
    QColor muted = palette.color(QPalette::WindowText);
    muted.setAlphaF(0.65);
    const QString mutedName = muted.name(QColor::HexArgb);
    const QColor accent(213, 94, 0); // Okabe-Ito vermillion: "not yet"
    return QStringLiteral("p.heading { font-weight: 600; margin-top: 10px; margin-bottom: 2px; }"
                          "p.note { color: %1; font-size: small; margin-top: 0px; margin-bottom: 6px; }"
                          "td.note { color: %1; font-size: small; }"
                          "td.left { padding-right: 4px; white-space: nowrap; }"
                          "td.eq { padding-left: 2px; padding-right: 6px; }"
                          "td.gap { font-size: 4px; }"
                          "span.unknown { color: %2; font-weight: 700; }")
        .arg(mutedName, accent.name());
}
