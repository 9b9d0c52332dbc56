import Foundation
import HonsimCore
import Testing
@testable import HonsimStore

/// A SQLite store at rest: its files are the owner's alone whatever the umask, shared with a
/// group only when asked, a wider mode is noticed, private files are written whole and 0600, and
/// a store on a network file system is not opened for writing.
@Suite("Store files", .serialized)
struct StoreFilesTests {
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("honsim-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `body` under `mask`, then puts the process's umask back.
    static func underUmask<T>(_ mask: mode_t, _ body: () async throws -> T) async rethrows -> T {
        let previous = umask(mask)
        defer { umask(previous) }
        return try await body()
    }

    /// The store, its -wal and its -shm, while a connection holds them open after a write.
    @Test(arguments: [mode_t(0o000), mode_t(0o022), mode_t(0o777)])
    func theStoreAndItsSideFilesAreTheOwnersAloneWhateverTheUmask(_ mask: mode_t) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cases.sqlite").path
        let store = try await Self.underUmask(mask) {
            let store = try SQLiteStore(path: path, user: "kim", create: true, timeZone: "Asia/Seoul")
            try await store.load(StoreData(dongs: [StoreFixture.seokSu2], households: [StoreFixture.households[0]]), replacingExisting: false)
            return store
        }
        for file in StoreFiles.paths(of: path) {
            #expect(Self.mode(file) == 0o600, "\(file) under umask \(String(mask, radix: 8))")
        }
        #expect(try await store.household(id: 1).name == "김순자")
        #expect(StoreFiles.exposure(of: path) == nil)
    }

    @Test func theDataFolderHonsimMakesIsTheOwnersAlone() async throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("share/honsim").path
        try await Self.underUmask(0) { try StoreFiles.prepareFolder(folder, sharing: .owner) }
        #expect(Self.mode(folder) == 0o700)
    }

    @Test func aWiderModeIsNoticedSayingWhoCanReadAndWhatToDo() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cases.sqlite").path
        _ = try SQLiteStore(path: path, user: "kim", create: true)
        #expect(StoreFiles.exposure(of: path) == nil)

        chmod(path, 0o644)
        let everyone = try #require(StoreFiles.exposure(of: path))
        #expect(everyone.files.map(\.path) == [path] && everyone.files[0].others)
        #expect(everyone.message(.en).contains("every account on this machine") && everyone.message(.en).contains("chmod 600 \(path)"))
        #expect(everyone.message(.ko).contains("이 컴퓨터의 모든 계정") && everyone.message(.ko).contains("honsim init --group"))

        // The group can read it, and the folder does not share it with that group: noticed too.
        chmod(path, 0o640)
        let group = try #require(StoreFiles.exposure(of: path))
        #expect(!group.files[0].others && group.files[0].group != nil)

        // Shared on purpose (the folder set-group-id, of the file's group): only others count.
        var info = stat()
        stat(path, &info)
        let sharing = StoreSharing.group(name: StoreFiles.groupName(info.st_gid), id: info.st_gid)
        try StoreFiles.prepareFolder(folder.path, sharing: sharing)
        try StoreFiles.share(path, sharing: sharing)
        #expect(Self.mode(folder.path) == 0o2770 && Self.mode(path) == 0o660)
        #expect(StoreFiles.exposure(of: path) == nil)
        chmod(path, 0o664)
        #expect(StoreFiles.exposure(of: path)?.files.first?.others == true)
    }

    @Test func aGroupStoreIsMade0660ForItsGroup() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let group = try #require(getgrnam("daemon")).pointee.gr_gid
        let sharing = StoreSharing.group(name: "daemon", id: group)
        let shared = folder.appendingPathComponent("shared").path
        try await Self.underUmask(0o077) { try StoreFiles.prepareFolder(shared, sharing: sharing) }
        let path = shared + "/cases.sqlite"
        let store = try await Self.underUmask(0o077) {
            let store = try SQLiteStore(path: path, user: "kim", create: true, sharing: sharing)
            try await store.load(StoreData(dongs: [StoreFixture.seokSu2]), replacingExisting: false)
            return store
        }
        #expect(Self.mode(shared) == 0o2770)
        for file in StoreFiles.paths(of: path) {
            var info = stat()
            stat(file, &info)
            #expect(Self.mode(file) == 0o660 && info.st_gid == group, "\(file)")
        }
        #expect(StoreFiles.exposure(of: path) == nil)
        #expect(try await store.dongs().dongs.count == 1)
        #expect(throws: StoreError.noSuchGroup(name: "no-such-group-honsim")) { try StoreSharing.group(named: "no-such-group-honsim") }
    }

    @Test func aPrivateFileIsWrittenWholeAndTheOwnersAloneWhateverTheUmask() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("export.csv").path
        for mask: mode_t in [0o000, 0o777] {
            try await Self.underUmask(mask) { try PrivateFile.write("이름,전화\n김순자,010-1234-5678\n", to: path) }
            #expect(Self.mode(path) == 0o600)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "이름,전화\n김순자,010-1234-5678\n")
        // Never over a file already there when asked not to: the first stays as it was.
        let refused = #expect(throws: FileWriteError.self) { try PrivateFile.write("다른 내용", to: path, replacing: false) }
        #expect(refused?.exists == true && refused?.message(.ko).contains(path) == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "이름,전화\n김순자,010-1234-5678\n")
        // A folder that is not there: an error, and nothing at all is left.
        let nowhere = folder.appendingPathComponent("missing/report.md").path
        #expect(throws: FileWriteError.self) { try PrivateFile.write("x", to: nowhere) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["export.csv"])
    }

    @Test func networkFileSystemsAreKnownByTheKernelsMagic() {
        #expect(NetworkFileSystem.kind(magic: 0x6969) == "NFS")
        #expect(NetworkFileSystem.kind(magic: 0x517B) == "SMB")
        // CIFS's and SMB2's magic come as negative numbers where f_type is a signed 32-bit value.
        #expect(NetworkFileSystem.kind(magic: Int64(Int32(bitPattern: 0xFF53_4D42))) == "CIFS")
        #expect(NetworkFileSystem.kind(magic: Int64(Int32(bitPattern: 0xFE53_4D42))) == "SMB2")
        #expect(NetworkFileSystem.kind(magic: 0x6573_5546) == "FUSE (sshfs)")
        #expect(NetworkFileSystem.kind(magic: 0xEF53) == nil) // ext4
        #expect(NetworkFileSystem.kind(magic: 0x0102_1994) == nil) // tmpfs
        #expect(NetworkFileSystem.kind(of: FileManager.default.temporaryDirectory.path) == nil)
    }

    /// A real FUSE mount (bindfs, the same kernel type sshfs has): the store is refused for
    /// writing, in words, and still opens read-only.
    @Test(.enabled(if: FuseMount.available, "bindfs and /dev/fuse are needed for a FUSE mount"))
    func aStoreOnAFuseMountIsRefusedForWritingAndOpensReadOnly() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let local = folder.appendingPathComponent("local").path, mounted = folder.appendingPathComponent("mounted").path
        try FileManager.default.createDirectory(atPath: local, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: mounted, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: local + "/cases.sqlite", user: "kim", create: true)
        try await store.load(StoreData(dongs: [StoreFixture.seokSu2]), replacingExisting: false)
        try FuseMount.mount(local, at: mounted)
        defer { FuseMount.unmount(mounted) }

        let path = mounted + "/cases.sqlite"
        #expect(NetworkFileSystem.kind(of: path) == "FUSE (sshfs)")
        let refused = #expect(throws: StoreError.self) { try SQLiteStore(path: path, user: "kim") }
        #expect(refused == .networkFileSystem(path: path, kind: "FUSE (sshfs)"))
        let words = refused?.message(.ko, calendar: Calendar(identifier: .gregorian)) ?? ""
        #expect(words.contains("PostgreSQL") && words.contains("--readonly"))
        #expect(throws: StoreError.self) { try SQLiteStore(path: mounted + "/new.sqlite", user: "kim", create: true) }
        #expect(!FileManager.default.fileExists(atPath: local + "/new.sqlite"))
        let readOnly = try SQLiteStore(path: path, user: "kim", readOnly: true)
        #expect(try await readOnly.dongs().dongs.map(\.name) == ["석수2동"])
    }
}

/// bindfs mounts a folder over FUSE, as sshfs does with a remote one.
enum FuseMount {
    static let available: Bool = FileManager.default.fileExists(atPath: "/dev/fuse")
        && ["/usr/bin/bindfs", "/bin/bindfs"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    /// bindfs forks a daemon that keeps the mount; Foundation's Process would wait for that
    /// daemon too (it inherits the pipe Process watches), so the mount is spawned and only the
    /// command itself is waited for.
    static func mount(_ source: String, at target: String) throws {
        guard run(["/usr/bin/bindfs", source, target]) == 0 else { throw CocoaError(.fileReadUnknown) }
    }

    static func unmount(_ target: String) {
        _ = run(["/bin/umount", target])
    }

    private static func run(_ arguments: [String]) -> Int32 {
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, arguments[0], nil, nil, &argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status
    }
}
