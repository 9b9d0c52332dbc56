import Foundation
import HonsimTestServer
import Testing

/// The tests' own PostgreSQL server outlives the test that starts it. Anything of the test
/// process it inherited stays open as long as it runs: a pipe another test had just opened to
/// read a command's output then never reaches its end, and that test waits forever (it did).
@Suite("The tests' PostgreSQL server", .enabled(if: SeededStore.backends.contains("postgres")))
struct TestServerDescriptorTests {
    @Test func aServerStartedWhileAPipeIsOpenHoldsNoneOfIt() throws {
        let pipe = Pipe()
        let ends = [pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor]
        let pipeName = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(ends[1])")
        let server = try PostgresServer.dedicated()
        defer { server.stop() }
        let pidFile = try String(contentsOfFile: server.folder + "/data/postmaster.pid", encoding: .utf8)
        let postmaster = try #require(pidFile.split(separator: "\n").first.map(String.init))
        let held = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(postmaster)/fd").compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(postmaster)/fd/\($0)")
        }
        #expect(!held.isEmpty, "the server's descriptors are readable")
        #expect(!held.contains(pipeName), "the server holds \(pipeName), opened by the test process")
        try pipe.fileHandleForWriting.close()
        try pipe.fileHandleForReading.close()
    }
}
