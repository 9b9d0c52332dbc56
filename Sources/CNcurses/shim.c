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

#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <langinfo.h>
#include <unistd.h>

FILE *honsim_stdout(void) { return stdout; }
FILE *honsim_stdin(void) { return stdin; }
int honsim_colors(void) { return COLORS; }
const char *honsim_codeset(void) { return nl_langinfo(CODESET); }
int honsim_color_pairs(void) { return COLOR_PAIRS; }

int honsim_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
    int extended = pair;
    return setcchar(cell, text, attributes, (short)(pair > 0x7fff ? 0x7fff : pair), &extended);
}

// --- signals -------------------------------------------------------------------------
// Only async-signal-safe work in the handler: one atomic store (lock-free on every
// platform we build for).
static atomic_int pending_signal = 0;
static const int caught_signals[] = { SIGINT, SIGTERM, SIGHUP };
enum { caught_count = sizeof caught_signals / sizeof caught_signals[0] };
static struct sigaction previous_actions[caught_count];
static int signals_installed = 0;

static void record_signal(int signal) { atomic_store(&pending_signal, signal); }

int honsim_signals_install(void) {
    if (signals_installed) return 0;
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking read returns and the loop looks at the flag
    action.sa_handler = record_signal;
    for (int i = 0; i < caught_count; i++) {
        if (sigaction(caught_signals[i], &action, &previous_actions[i]) != 0) return -1;
    }
    signals_installed = 1;
    return 0;
}

void honsim_signals_restore(void) {
    if (!signals_installed) return;
    for (int i = 0; i < caught_count; i++) sigaction(caught_signals[i], &previous_actions[i], NULL);
    signals_installed = 0;
}

int honsim_pending_signal(void) { return atomic_load(&pending_signal); }
void honsim_clear_pending_signal(void) { atomic_store(&pending_signal, 0); }
int honsim_raise(int signal) { return kill(getpid(), signal); }

// --- exit safety -----------------------------------------------------------------------
static SCREEN *tracked_screen = NULL;
static int exit_hook_registered = 0;

static void end_tracked_screen(void) {
    if (tracked_screen == NULL) return;
    set_term(tracked_screen);
    if (!isendwin()) endwin();
    tracked_screen = NULL;
}

void honsim_track_screen(SCREEN *screen) {
    tracked_screen = screen;
    if (screen != NULL && !exit_hook_registered) {
        exit_hook_registered = 1;
        atexit(end_tracked_screen);
    }
}

SCREEN *honsim_tracked_screen(void) { return tracked_screen; }
