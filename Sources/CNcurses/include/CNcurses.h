#ifndef HONSIM_CNCURSES_H
#define HONSIM_CNCURSES_H

// Wide-character curses: Hangul needs cchar_t and the *_wch functions.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift cannot import function-like macros or macro constants that expand to
// expressions; these small functions stand in for them.
WINDOW *honsim_stdscr(void);
int honsim_getmaxy(WINDOW *win);
int honsim_getmaxx(WINDOW *win);
int honsim_getcury(WINDOW *win);
int honsim_getcurx(WINDOW *win);
attr_t honsim_a_normal(void);
attr_t honsim_a_bold(void);
attr_t honsim_a_reverse(void);
attr_t honsim_a_dim(void);
attr_t honsim_a_underline(void);
int honsim_key_f(int n);
int honsim_wcwidth(wchar_t c);

// Standard streams and the color counts are C globals; Swift 6 refuses to read mutable
// globals from other modules, so these functions hand them over.
FILE *honsim_stdout(void);
FILE *honsim_stdin(void);
int honsim_colors(void);
// nl_langinfo(CODESET): "UTF-8" when the C library decodes multibyte text as UTF-8.
const char *honsim_codeset(void);
int honsim_color_pairs(void);

// Builds a cchar_t from a NUL-ended wide string, attributes and a color pair. The pair goes
// through setcchar's `opts` so pairs above 32767 (alloc_pair on a 256-color terminal) work.
int honsim_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair);

// Signals. The handler only stores the signal number in a lock-free atomic: endwin, stdio
// and Swift code are not async-signal-safe, so the main loop reads the number between
// events and restores the terminal itself. SIGINT, SIGTERM and SIGHUP (a dropped SSH
// connection) are caught; the previous handlers come back with honsim_signals_restore.
int honsim_signals_install(void);
void honsim_signals_restore(void);
int honsim_pending_signal(void);
void honsim_clear_pending_signal(void);
// Sends a signal to this process (any thread that does not block it), for tests.
int honsim_raise(int signal);

// The screen that an atexit hook ends (endwin) if it is still open when the process exits,
// so an error path that calls exit() never leaves the terminal raw. NULL when none is open.
void honsim_track_screen(SCREEN *screen);
SCREEN *honsim_tracked_screen(void);

#endif
