// Help > Keyboard shortcuts (F1): every key the window answers, in one table.
#pragma once

class QWidget;

void showShortcutsHelp(QWidget* parent);
