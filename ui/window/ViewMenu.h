// The window's View menu: full screen, zoom in, zoom out and actual size, presentation
// mode and the controls it keeps. The zoom is remembered.
#pragma once

class PresentationMode;
class QMainWindow;
class QMenu;
class Zoom;

QMenu* buildViewMenu(QMainWindow* window, Zoom* zoom, PresentationMode* presentation);
