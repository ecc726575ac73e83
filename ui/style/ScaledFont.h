// A widget whose text is larger (or bold) than the application's, for headings and text read
// from the back of the room, that stays so when the application font changes (Zoom): the
// font is set now and again on every ApplicationFontChange.
#pragma once

class QWidget;

void keepScaledFont(QWidget* widget, double scale, bool bold = false);
