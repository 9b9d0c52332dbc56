/// Memory habits for a process that stays open for days (a coordinator's dashboard, the
/// kiosk), set once before anything is loaded.
public enum ProcessMemory {
    /// Large blocks as mappings of their own from the first, at a fixed size.
    static let mappedBlockBytes: Int32 = 128 * 1024

    /// - Arenas: glibc gives every thread that allocates an arena of its own, up to eight per
    ///   core, and each keeps what it freed; store reads run on several threads, so a
    ///   dashboard's peak then depends on which threads ran them. Two keep it low and steady
    ///   (`honsim-bench dashboard`: 61–68 MB peak before, 61 MB every run after).
    /// - Large blocks: glibc maps a block of 128 KiB or more by itself, but once such a block
    ///   is freed it raises that size to the block's, up to 32 MiB, and serves the next ones
    ///   from an arena. Every keystroke makes lists of a city's 20,000 volunteers (positions,
    ///   sort keys) and a frame's cells and frees the last ones; in an arena, the small
    ///   allocations made meanwhile pin their space, and the arena grew by 3 MB over the
    ///   benchmark's keystroke run. A fixed size keeps them mapped, given back when freed.
    public static func limitArenas() {
        #if os(Linux)
        _ = glibcMallopt(mArenaMax, 2)
        _ = glibcMallopt(mMmapThreshold, mappedBlockBytes)
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
/// `M_MMAP_THRESHOLD`: setting it also turns off glibc's raising of it.
private let mMmapThreshold: Int32 = -3

@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
