import Foundation
import HonsimStore

/// Which honsim this is, for `honsim --version` and the log.
enum BuildInfo {
    static let version = "0.1.0"

    /// The build the package was made from (`packaging/build-deb.sh` writes the commit and the
    /// date into share/honsim/build beside the binary's folder); "from source" for a binary built
    /// in a clone.
    static let build: String = {
        guard let folder = PackageFolder.installedShare(),
              let text = try? String(contentsOfFile: (folder as NSString).appendingPathComponent("build"), encoding: .utf8) else {
            return "from source"
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }()
}
