import Foundation

/// The backups a folder keeps: `NAME-YYYYMMDD-HHMMSS.EXT` (with `-2`, `-3`… when two fall in
/// one second), newest first by when they were written.
enum BackupRotation {
    /// Removes all but the newest `keep` backups named after `name`; returns what it removed.
    /// Other files in the folder are never touched. `keep` 0 keeps everything.
    static func prune(in folder: String, named name: String, fileExtension: String, keep: Int) -> [String] {
        guard keep > 0, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let pattern = "^" + NSRegularExpression.escapedPattern(for: name) + #"-\d{8}-\d{6}(-\d+)?\."# + fileExtension + "$"
        let ours = names.filter { $0.range(of: pattern, options: .regularExpression) != nil }.map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date ?? .distantPast
            return (path: path, modified: modified)
        }
        let newestFirst = ours.sorted { ($0.modified, $0.path) > ($1.modified, $1.path) }
        var removed: [String] = []
        for old in newestFirst.dropFirst(keep) where (try? FileManager.default.removeItem(atPath: old.path)) != nil {
            removed.append(old.path)
        }
        return removed
    }

    /// The time in a backup's name: `20261206-031500`, in the store's time zone.
    static func stamp(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }
}
