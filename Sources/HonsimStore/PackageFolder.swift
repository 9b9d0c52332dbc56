import Foundation

/// Folders that ship beside honsim's sources (`seeds/`, `Themes/`): found in the working
/// folder, in `share/honsim/` beside the binary's folder where a package installed it
/// (/usr/bin/honsim, /usr/share/honsim/seeds), or above the binary in the package it was built
/// in (`swift run` puts the binary in .build/<config>/), so a clone works from anywhere.
public enum PackageFolder {
    public static func find(
        _ name: String,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executableDirectory: String? = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path
    ) -> String? {
        let here = (workingDirectory as NSString).appendingPathComponent(name)
        if isFolder(here) { return here }
        guard let executableDirectory else { return nil }
        if let share = installedShare(executableDirectory: executableDirectory) {
            let installed = (share as NSString).appendingPathComponent(name)
            if isFolder(installed) { return installed }
        }
        var folder = (executableDirectory as NSString).standardizingPath
        for _ in 0..<6 {
            let candidate = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("Package.swift")), isFolder(candidate) {
                return candidate
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
        }
        return nil
    }

    /// `share/honsim` beside the binary's folder (/usr/share/honsim for /usr/bin/honsim), when
    /// a package installed one.
    public static func installedShare(
        executableDirectory: String? = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path
    ) -> String? {
        guard let executableDirectory else { return nil }
        let share = (((executableDirectory as NSString).standardizingPath as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("share/honsim")
        return isFolder(share) ? share : nil
    }

    private static func isFolder(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
