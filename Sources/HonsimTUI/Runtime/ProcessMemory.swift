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
}

#if os(Linux)
/// `M_ARENA_MAX` from glibc's <malloc.h>, which the Glibc module does not bring in.
private let mArenaMax: Int32 = -8

@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
