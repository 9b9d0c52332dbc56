import Foundation
import HonsimTestServer
import Testing

/// `honsim rules eligibility` and `honsim expenses` on a PostgreSQL store whose newer tables are
/// guarded by role (migration 21): each person logs in as their own role and gets what the
/// role may see, in words, with nothing refused that the role may read.
@Suite("Command line: the council's and the volunteers' tables guarded on PostgreSQL", .serialized,
       .enabled(if: SeededStore.backends.contains("postgres")))
struct PostgresGuardedCommandTests {
    func rows(_ arguments: [String], store: String) throws -> [[String: Any]] {
        let out = try CLI.run(arguments + ["--store", store, "--lang", "en", "--format", "json"]).stdout
        return try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]] ?? []
    }

    @Test func eligibilityAndTheExpenseReportWorkForEveryRole() throws {
        let store = try SeededStore(backend: "postgres")
        defer { store.remove() }
        let admin = store.path
        for (user, role) in [("park", ["--role", "coordinator", "--dongs", "석수2동"]), ("council", ["--role", "viewer"]), ("hall", ["--role", "kiosk"])] {
            let added = try CLI.run(["users", "add", user] + role + ["--store", admin])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let login = { (user: String) in admin.replacingOccurrences(of: "postgres://postgres@", with: "postgres://\(user)@") }
        let park = login("park"), council = login("council"), hall = login("hall")
        let households = try rows(["export", "households"], store: admin)
        let ours = try #require((households.first { $0["dong"] as? String == "석수2동" }?["id"] as? NSNumber)?.int64Value)
        let theirs = try #require((households.first { $0["dong"] as? String == "안양2동" }?["id"] as? NSNumber)?.int64Value)

        // A coordinator records and reads their own dong's household; the admin, another dong's.
        let recorded = try CLI.run(["rules", "eligibility", String(ours), "--categories", "기초생활수급", "--store", park, "--lang", "en"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.hasPrefix("eligibility: ") && !recorded.stdout.contains("not shown"))
        #expect(try CLI.run(["rules", "eligibility", String(theirs), "--categories", "차상위", "--store", admin]).status == 0)
        let adminSees = try CLI.run(["rules", "eligibility", String(theirs), "--store", admin, "--lang", "en", "--format", "json"]).stdout
        #expect(adminSees.contains("near_poverty"))
        // Another dong's household, and a viewer: told it is not shown, and the counts still given.
        for (who, id) in [(park, theirs), (council, ours)] {
            let read = try CLI.run(["rules", "eligibility", String(id), "--store", who, "--lang", "en"])
            #expect(read.status == 0, "\(read.stderr)")
            #expect(read.stdout.hasPrefix("eligibility: not shown (only the household's dong's coordinators and admins see it)\n"))
            #expect(read.stdout.contains("uses: "))
            #expect(!read.stdout.contains("near poverty") && !read.stdout.contains("basic livelihood"))
        }
        let korean = try CLI.run(["rules", "eligibility", String(theirs), "--store", park, "--lang", "ko"]).stdout
        #expect(korean.hasPrefix("대상 구분: 보이지 않음"))
        // Nor may park change it.
        #expect(try CLI.run(["rules", "eligibility", String(theirs), "--categories", "기초생활수급", "--store", park]).status == 1)

        // An escort completed with expenses: the month's report for an admin, a coordinator and a
        // viewer; a kiosk's login reads no expense at all.
        let held = try store.heldEscort()
        _ = try store.run(["confirm", String(held.request)])
        #expect(try store.run(["start", String(held.request)]).status == 0)
        #expect(try store.run(["complete", String(held.request), "--fares", "4500"]).status == 0)
        let month = String(held.day.prefix(7))
        for who in [admin, park, council] {
            let report = try CLI.run(["expenses", "--month", month, "--format", "csv", "--store", who])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(report.stdout.split(separator: "\n").contains { $0.contains(",\(held.request),\(held.volunteer),") && $0.hasSuffix(",4500,0,0,4500,") })
        }
        let kiosk = try CLI.run(["expenses", "--month", month, "--format", "csv", "--store", hall])
        #expect(kiosk.status == 0, "\(kiosk.stderr)")
        #expect(!kiosk.stdout.contains(",\(held.request),"))
        #expect(try CLI.run(["check", "--store", admin]).status == 0)
    }
}
