// The window's zoom for a projector: scales the application's font, and with it the text of
// every widget and view, from 100% to 250% of the font the application started with.
// Views that draw with a font of their own scale it from the application's (ScaledFont) and
// so follow. Ctrl+plus, Ctrl+minus and Ctrl+0 in the window; --zoom PERCENT.
#pragma once

#include <QFont>
#include <QObject>

class Zoom : public QObject {
    Q_OBJECT
public:
    static constexpr int smallest = 100;
    static constexpr int largest = 250;
    static constexpr int stride = 25;

    explicit Zoom(QObject* parent = nullptr);

    int percent() const { return m_percent; }
    void setPercent(int percent); // clamped to [smallest, largest]
    void zoomIn() { setPercent(m_percent + stride); }
    void zoomOut() { setPercent(m_percent - stride); }

signals:
    void changed(int percent);

private:
    QFont m_base; // the application font at 100%
    int m_percent = smallest;
};
