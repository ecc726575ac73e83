#include "window/ShortcutsHelp.h"

#include <QCoreApplication>
#include <QMessageBox>

void showShortcutsHelp(QWidget* parent)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("ShortcutsHelp", text); };
    QMessageBox::information(parent, tr("Keyboard shortcuts"),
                             tr("<table cellpadding=4>"
                                "<tr><td><b>Space</b></td><td>play / pause</td></tr>"
                                "<tr><td><b>S</b> or <b>→</b></td><td>one optimizer step</td></tr>"
                                "<tr><td><b>R</b></td><td>reset to fresh weights</td></tr>"
                                "<tr><td><b>T</b> / <b>Shift+T</b></td><td>step-through: next / previous timestep</td></tr>"
                                "<tr><td><b>B</b></td><td>step-through: the backward pass</td></tr>"
                                "<tr><td><b>U</b></td><td>step-through: the optimizer update</td></tr>"
                                "<tr><td><b>Esc</b></td><td>leave the step-through</td></tr>"
                                "<tr><td><b>G</b></td><td>show gradients instead of values</td></tr>"
                                "<tr><td><b>← →</b> in the timeline</td><td>move the playhead</td></tr>"
                                "<tr><td><b>Ctrl+1</b> … <b>Ctrl+7</b></td><td>training, cell, heatmaps, gradients, text, "
                                "compare, sweep</td></tr>"
                                "<tr><td><b>Ctrl+plus</b> / <b>Ctrl+minus</b> / <b>Ctrl+0</b></td><td>zoom in, out, "
                                "actual size</td></tr>"
                                "<tr><td><b>F5</b></td><td>presentation mode</td></tr>"
                                "<tr><td><b>Ctrl+O</b></td><td>open a model</td></tr>"
                                "<tr><td><b>Ctrl+S</b></td><td>save the model</td></tr>"
                                "<tr><td><b>F11</b></td><td>full screen</td></tr>"
                                "<tr><td><b>F1</b> or <b>?</b></td><td>this list</td></tr></table>"));
}
