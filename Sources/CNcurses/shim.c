#define _XOPEN_SOURCE 700
#include "CNcurses.h"

WINDOW *honsim_stdscr(void) { return stdscr; }
int honsim_getmaxy(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)x; return y; }
int honsim_getmaxx(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)y; return x; }
int honsim_getcury(WINDOW *win) { int y, x; getyx(win, y, x); (void)x; return y; }
int honsim_getcurx(WINDOW *win) { int y, x; getyx(win, y, x); (void)y; return x; }
attr_t honsim_a_normal(void) { return A_NORMAL; }
attr_t honsim_a_bold(void) { return A_BOLD; }
attr_t honsim_a_reverse(void) { return A_REVERSE; }
attr_t honsim_a_dim(void) { return A_DIM; }
attr_t honsim_a_underline(void) { return A_UNDERLINE; }
int honsim_key_f(int n) { return KEY_F(n); }
int honsim_wcwidth(wchar_t c) { return wcwidth(c); }
