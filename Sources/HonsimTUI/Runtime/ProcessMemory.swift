/// Memory habits for a process that stays open for days (a coordinator's dashboard, the
/// kiosk). glibc gives every thread that allocates an arena of its own, up to eight per core,
/// and each keeps what it freed; store reads run on several threads, so a dashboard's peak
/// memory then depends on which threads ran them. Two arenas keep it low and steady
/// (measured with `honsim-bench dashboard`: 61–68 MB peak before, 61 MB every run after).
public enum ProcessMemory {
    public static func limitArenas() {
        #if os(Linux)
        _ = glibcMallopt(mArenaMax, 2)
        #endif
    }

    /// Gives back to the system what malloc keeps of memory already freed: a load's
    /// temporaries (rows, the volunteer list's windows and days off by id, the list as it
    /// grew) leave free holes among the data that stays, and glibc only returns the top of
    /// its heap by itself. A few milliseconds, once a load has been put together, not per frame.
    public static func releaseFreed() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// `M_ARENA_MAX` from glibc's <malloc.h>, which the Glibc module does not bring in.
private let mArenaMax: Int32 = -8

@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
