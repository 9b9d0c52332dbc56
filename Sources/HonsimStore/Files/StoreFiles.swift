import Foundation
import HonsimCore

/// Who may open a SQLite store's files. Whoever can open the file can read every name, phone and
/// diagnosis in it, and change anything (roles in the users table guard against mistakes, not
/// against a colleague with a shell), so a store is its owner's alone unless shared out loud.
public enum StoreSharing: Sendable, Equatable {
    /// The folder 0700, the store and its -wal and -shm 0600: the owner only.
    case owner
    /// `honsim init --group NAME`: the folder 2770 (new files take its group), the files 0660.
    case group(name: String, id: gid_t)

    /// The group named, or a refusal that says so.
    public static func group(named name: String) throws -> StoreSharing {
        guard let entry = getgrnam(name) else { throw StoreError.noSuchGroup(name: name) }
        return .group(name: name, id: entry.pointee.gr_gid)
    }

    var folderMode: mode_t {
        switch self {
        case .owner: 0o700
        case .group: 0o2770
        }
    }

    var fileMode: mode_t {
        switch self {
        case .owner: 0o600
        case .group: 0o660
        }
    }

    var groupID: gid_t? {
        if case .group(_, let id) = self { return id }
        return nil
    }
}

/// The modes of a SQLite store's folder and files, set whatever the umask, and what they let
/// others do. SQLite gives the -wal and -shm files the mode (and owner) of the store file
/// itself, so making the store file right at its creation makes its side files right too.
public enum StoreFiles {
    /// The store and the side files SQLite keeps beside it in WAL mode.
    public static func paths(of store: String) -> [String] { [store, store + "-wal", store + "-shm"] }

    /// Makes the folder (and its parents) when missing, and gives it the sharing's mode and
    /// group. A folder that exists is left as it is when kept by its owner only, and made the
    /// group's when a group is asked for.
    public static func prepareFolder(_ path: String, sharing: StoreSharing) throws {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        let existed = fileManager.fileExists(atPath: path, isDirectory: &isFolder)
        if existed && !isFolder.boolValue { throw StoreError.notWritable(path: path) }
        if !existed {
            do { try fileManager.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw StoreError.notWritable(path: path)
            }
        }
        if existed && sharing == .owner { return }
        try apply(mode: sharing.folderMode, group: sharing.groupID, to: path)
    }

    /// Creates the store's empty file with the sharing's mode before SQLite opens it (SQLite
    /// takes an empty file for a new database), so neither the umask nor SQLite's default 0644
    /// decides who can read it. A file already there is left alone.
    static func createStoreFile(_ path: String, sharing: StoreSharing) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, sharing.fileMode)
        if descriptor < 0 {
            if errno == EEXIST { return }
            throw StoreError.notWritable(path: path)
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, sharing.fileMode) == 0 else { throw StoreError.notWritable(path: path) }
        if let group = sharing.groupID, fchown(descriptor, uid_t.max, group) != 0 { throw StoreError.notWritable(path: path) }
    }

    /// Gives each of the store's files that exist the sharing's mode and group (`init --group`
    /// on a store made before).
    public static func share(_ store: String, sharing: StoreSharing) throws {
        // The files that exist are picked out first: with the check in the loop's `where`,
        // Swift 6.3's optimizer crashes on this function in a release build.
        let existing = paths(of: store).filter { FileManager.default.fileExists(atPath: $0) }
        for path in existing {
            try apply(mode: sharing.fileMode, group: sharing.groupID, to: path)
        }
    }

    private static func apply(mode: mode_t, group: gid_t?, to path: String) throws {
        // The group first: chown may clear the set-group-id bit that chmod then puts back.
        if let group, chown(path, uid_t.max, group) != 0 { throw StoreError.notWritable(path: path) }
        guard chmod(path, mode) == 0 else { throw StoreError.notWritable(path: path) }
    }

    /// Who besides the owner can read or change the store's files, or nil when nobody can. A
    /// file's group is expected to share it when the folder is set-group-id and of that group
    /// (as `init --group` makes it); anyone else with access is an exposure.
    public static func exposure(of store: String) -> StoreExposure? {
        let folder = URL(fileURLWithPath: store).deletingLastPathComponent().path
        var folderInfo = stat()
        let folderShared = stat(folder, &folderInfo) == 0 && folderInfo.st_mode & S_ISGID != 0
        var files: [StoreExposure.File] = []
        for path in paths(of: store) {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let mode = info.st_mode & 0o777
            let sharedWithGroup = folderShared && info.st_gid == folderInfo.st_gid
            let others = mode & 0o006 != 0
            let group = !sharedWithGroup && mode & 0o060 != 0
            guard others || group else { continue }
            files.append(StoreExposure.File(path: path, mode: mode, others: others,
                                            group: group ? groupName(info.st_gid) : nil))
        }
        return files.isEmpty ? nil : StoreExposure(store: store, files: files, sharedGroup: folderShared ? groupName(folderInfo.st_gid) : nil)
    }

    /// The accounts listed as the group's members (those whose primary group it is are not).
    public static func members(of group: gid_t) -> [String] {
        guard let entry = getgrgid(group), var member = entry.pointee.gr_mem else { return [] }
        var names: [String] = []
        while let name = member.pointee {
            names.append(String(cString: name))
            member += 1
        }
        return names
    }

    static func groupName(_ id: gid_t) -> String {
        if let entry = getgrgid(id), let name = entry.pointee.gr_name { return String(cString: name) }
        return String(id)
    }
}

/// Files of a store that people other than its owner (and its group, when shared) can open.
public struct StoreExposure: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public let path: String
        public let mode: mode_t
        /// Every account on the machine can read or change it.
        public let others: Bool
        /// The group that can, when the store is not shared with it on purpose.
        public let group: String?
    }

    public let store: String
    public let files: [File]
    /// The group the folder shares the store with (`init --group`), if any.
    public let sharedGroup: String?

    /// The warning, in one sentence: which files, who can open them, and what to do.
    public func message(_ language: Language) -> String {
        let names = files.map { URL(fileURLWithPath: $0.path).lastPathComponent + " (" + String($0.mode, radix: 8) + ")" }
            .joined(separator: ", ")
        let everyone = files.contains(where: \.others)
        let groups = Set(files.compactMap(\.group)).sorted().joined(separator: ", ")
        let fix = sharedGroup == nil ? "chmod 600" : "chmod 660"
        let paths = files.map(\.path).joined(separator: " ")
        if language == .ko {
            let who = everyone ? "이 컴퓨터의 모든 계정이" : "그룹 \(groups)의 모든 계정이"
            return "경고: \(who) 저장소의 이름·전화·진료 내용을 읽을 수 있습니다: \(names). "
                + "'\(fix) \(paths)'로 막고, 함께 써야 하면 'honsim init --group 그룹'을 쓰세요"
        }
        let who = everyone ? "every account on this machine" : "every account in group \(groups)"
        return "warning: \(who) can read the store's names, phones and health notes: \(names); "
            + "close it with '\(fix) \(paths)', or share it on purpose with 'honsim init --group GROUP'"
    }
}
