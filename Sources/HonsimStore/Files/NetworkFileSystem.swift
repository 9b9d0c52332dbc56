import CFileSystem
import Foundation

/// Network file systems, where SQLite's locks are not to be trusted (SQLite's own advice: two
/// offices writing one file on an SMB or NFS share can corrupt it). Found by the file system's
/// type, as the kernel reports it for the store's folder.
public enum NetworkFileSystem {
    /// The kernel's magic numbers (statfs f_type, linux/magic.h and the file systems' sources)
    /// of the file systems that live on another machine, or in a user's process (FUSE: sshfs,
    /// rclone, and any other mount that can be anything).
    static let kinds: [Int64: String] = [
        0x6969: "NFS",
        0x517B: "SMB",
        0xFF53_4D42: "CIFS",
        0xFE53_4D42: "SMB2",
        0x6573_5546: "FUSE (sshfs)",
        0x5346_414F: "AFS",
        0x7375_7245: "Coda",
        0x564C: "NCP",
        0x0102_1997: "9P",
        0x00C3_6400: "Ceph",
        0x0BD0_0BD0: "Lustre",
        0x0116_1970: "GFS2",
    ]

    /// The name of the network file system that holds `path` (or its folder, when the file is not
    /// made yet), or nil on a local disk or when the system cannot say.
    public static func kind(of path: String) -> String? {
        var target = path
        if !FileManager.default.fileExists(atPath: target) { target = URL(fileURLWithPath: path).deletingLastPathComponent().path }
        let magic = honsim_file_system_type(target)
        return magic < 0 ? nil : kind(magic: magic)
    }

    /// The name for a kernel magic number, or nil for a local file system.
    public static func kind(magic: Int64) -> String? {
        // f_type is signed on some platforms: CIFS's magic arrives negative.
        kinds[magic] ?? kinds[magic & 0xFFFF_FFFF]
    }
}
