import Foundation

/// A pool as bytes, for a store to keep beside the volunteers it was made from: a newly opened
/// store's first ranking then reads one value, not a city's 20,000 volunteers, 70,000 windows
/// and days off. The bytes hold only what ranking reads, which every role may read: no name,
/// phone, note or reason.
///
/// The form is canonical: volunteers in id order, each one's windows and days off sorted, dongs
/// numbered in the order they first appear. Pools of the same volunteers pack to the same bytes,
/// whatever order their rows were read in, so a kept pool is checked against the rows by its bytes.
///
/// Layout, little-endian: a version byte; the counts of volunteers, windows, days off and dongs
/// (UInt32 each); each dong code (UInt16 length, UTF-8); the ids (Int64); each volunteer's
/// flags (UInt16), weekly cap, dong, window count, day-off count, insured-until and trained-on
/// day numbers (Int32 each); the windows (weekday, start, end: Int16 each); the days off (from,
/// to: Int32 each).
extension MatchPool {
    /// Changed whenever the layout or the meaning of a flag changes: bytes of another version
    /// are not read, and the store makes them again.
    public static let packingVersion: UInt8 = 1

    public func packed() -> Data {
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        var codeOf = [String](repeating: "", count: dongNumbers.count)
        for (code, number) in dongNumbers { codeOf[Int(number)] = code }
        // Dongs renumbered in the order the id-ordered volunteers name them.
        var renumbered = [Int32](repeating: -1, count: dongNumbers.count), codes: [String] = []
        for slot in order where renumbered[Int(profiles[slot].dong)] < 0 {
            renumbered[Int(profiles[slot].dong)] = Int32(codes.count)
            codes.append(codeOf[Int(profiles[slot].dong)])
        }

        var bytes = PackedBytes()
        bytes.append(Self.packingVersion)
        for count in [ids.count, windows.count, daysOff.count, codes.count] { bytes.append(UInt32(count)) }
        for code in codes {
            let utf8 = Array(code.utf8)
            bytes.append(UInt16(clamping: utf8.count))
            bytes.append(contentsOf: utf8.prefix(Int(UInt16.max)))
        }
        for slot in order { bytes.append(ids[slot]) }
        for slot in order {
            let profile = profiles[slot]
            bytes.append(profile.flags)
            for number in [profile.weeklyCapMinutes, renumbered[Int(profile.dong)], profile.windowCount, profile.dayOffCount,
                           profile.insuredUntil, profile.trainedOn] {
                bytes.append(number)
            }
        }
        for slot in order {
            let profile = profiles[slot]
            let run = windows[Int(profile.windowStart)..<Int(profile.windowStart + profile.windowCount)]
            for window in run.sorted(by: { ($0.weekday, $0.start, $0.end) < ($1.weekday, $1.start, $1.end) }) {
                for number in [window.weekday, window.start, window.end] { bytes.append(number) }
            }
        }
        for slot in order {
            let profile = profiles[slot]
            for off in daysOff[Int(profile.dayOffStart)..<Int(profile.dayOffStart + profile.dayOffCount)].sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) }) {
                bytes.append(off.from)
                bytes.append(off.to)
            }
        }
        return Data(bytes.bytes)
    }

    /// The pool `packed()` made, with each dong's gu from `dongs`; nil for bytes of another
    /// version or that do not hold together (cut short, counts that disagree).
    public init?(packed data: Data, dongs: DongDirectory) {
        let parts: (ids: [Int64], profiles: [Profile], windows: [PackedWindow], daysOff: [(from: Int32, to: Int32)], codes: [String])?
        parts = data.withUnsafeBytes { raw in
            var reader = PackedReader(raw)
            guard reader.read(UInt8.self) == Self.packingVersion,
                  let volunteers = reader.count(), let windowCount = reader.count(), let dayOffCount = reader.count(),
                  let dongCount = reader.count() else { return nil }
            var codes: [String] = []
            for _ in 0..<dongCount {
                guard let length = reader.read(UInt16.self), let code = reader.text(length: Int(length)) else { return nil }
                codes.append(code)
            }
            var ids: [Int64] = []
            ids.reserveCapacity(volunteers)
            for _ in 0..<volunteers {
                guard let id = reader.read(Int64.self) else { return nil }
                ids.append(id)
            }
            var profiles: [Profile] = []
            profiles.reserveCapacity(volunteers)
            var windowStart: Int32 = 0, dayOffStart: Int32 = 0
            for _ in 0..<volunteers {
                guard let flags = reader.read(UInt16.self), let cap = reader.read(Int32.self), let dong = reader.read(Int32.self),
                      let windowRun = reader.read(Int32.self), let dayOffRun = reader.read(Int32.self),
                      let insured = reader.read(Int32.self), let trained = reader.read(Int32.self),
                      dong >= 0, Int(dong) < codes.count, windowRun >= 0, dayOffRun >= 0 else { return nil }
                profiles.append(Profile(flags: flags, weeklyCapMinutes: cap, dong: dong, gu: -1,
                                        windowStart: windowStart, windowCount: windowRun, dayOffStart: dayOffStart, dayOffCount: dayOffRun,
                                        insuredUntil: insured, trainedOn: trained))
                windowStart += windowRun
                dayOffStart += dayOffRun
            }
            guard Int(windowStart) == windowCount, Int(dayOffStart) == dayOffCount else { return nil }
            var windows: [PackedWindow] = []
            windows.reserveCapacity(windowCount)
            for _ in 0..<windowCount {
                guard let weekday = reader.read(Int16.self), let start = reader.read(Int16.self), let end = reader.read(Int16.self) else { return nil }
                windows.append(PackedWindow(weekday: weekday, start: start, end: end))
            }
            var daysOff: [(from: Int32, to: Int32)] = []
            daysOff.reserveCapacity(dayOffCount)
            for _ in 0..<dayOffCount {
                guard let from = reader.read(Int32.self), let to = reader.read(Int32.self) else { return nil }
                daysOff.append((from, to))
            }
            guard reader.atEnd else { return nil }
            return (ids, profiles, windows, daysOff, codes)
        }
        guard let parts else { return nil }
        self.init(ids: parts.ids, profiles: parts.profiles, windows: parts.windows, daysOff: parts.daysOff,
                  dongCodes: parts.codes, dongs: dongs)
    }
}

/// Bytes written little-endian, one number after another.
private struct PackedBytes {
    var bytes: [UInt8] = []

    mutating func append<Number: FixedWidthInteger>(_ number: Number) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(contentsOf more: some Sequence<UInt8>) { bytes.append(contentsOf: more) }
}

/// Numbers read little-endian from where the last read ended; nil past the end.
private struct PackedReader {
    let raw: UnsafeRawBufferPointer
    var offset = 0

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    var atEnd: Bool { offset == raw.count }

    mutating func read<Number: FixedWidthInteger>(_: Number.Type) -> Number? {
        let size = MemoryLayout<Number>.size
        guard raw.count - offset >= size else { return nil }
        defer { offset += size }
        return Number(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Number.self))
    }

    /// A count as `packed()` writes it (UInt32).
    mutating func count() -> Int? { read(UInt32.self).map(Int.init) }

    mutating func text(length: Int) -> String? {
        guard raw.count - offset >= length else { return nil }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length]), as: UTF8.self)
    }
}
