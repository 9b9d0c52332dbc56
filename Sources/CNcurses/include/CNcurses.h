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

#endif
