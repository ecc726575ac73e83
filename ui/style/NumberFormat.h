// How every view writes a number: always with a true minus sign (U+2212), never "−0.00",
// and ∞ / NaN spelled out. The few formats the views need, not a general formatter.
#pragma once

#include <QString>

// For reading: three significant digits, two decimals from 0.1 to 10 ("0.70", "−12.3",
// "0.0313"); scientific with a superscript exponent when tiny or huge ("1.2×10⁻⁵").
QString formatNumber(double value);
// A fixed number of decimals: "0.70", "−0.35" (small cells, rankings).
QString formatFixed(double value, int decimals);
// `digits` significant digits: "−0.00123", "1.5e−05" (gradients in small cells, legend bounds).
QString formatSignificant(double value, int digits);
// As short as a number gets and still reads right: one significant digit, "−0.3",
// "−1×10⁻⁹" (a cell too narrow for more; the hover text has the rest).
QString formatCompact(double value);
// The exact value for hover text: six significant digits, e.g. "0.703125".
inline QString formatPrecise(double value) { return formatSignificant(value, 6); }
