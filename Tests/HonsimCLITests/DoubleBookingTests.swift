import Foundation
import Testing

/// A volunteer in two places at once is refused from the command line with one sentence,
/// exit status 1, and nothing changed; seeds written by the test make the clash certain.
@Suite("Command line: a double booking", .serialized)
struct DoubleBookingTests {
    /// One dong, two households, one volunteer free every day, and two pending requests a day
    /// ahead whose escorts overlap (10:00–12:00 and 11:00–13:00).
    func writeSeeds(into folder: URL) throws {
        let files = [
            "dongs.csv": "code,name,gu,former_names,renamed_year\n41171-11,석수2동,만안구,,\n",
            "households.csv": """
                id,dong,name,birth_year,gender,phone,address,mobility,needs,preferred_volunteer_gender,case_manager,consent_day,notes
                1,석수2동,김순자,1942,여,010-1234-5678,,none,,,,-30,
                2,석수2동,박영호,1948,남,,,none,,,,-30,

                """,
            "volunteers.csv": """
                id,dong,name,gender,phone,skills,has_car,weekly_cap_hours,availability,notes
                1,석수2동,정지민,여,010-2222-3333,,no,20,mon 00:00-24:00;tue 00:00-24:00;wed 00:00-24:00;thu 00:00-24:00;fri 00:00-24:00;sat 00:00-24:00;sun 00:00-24:00,

                """,
            "days_off.csv": "volunteer_id,from_day,to_day,reason\n",
            "requests.csv": """
                id,household_id,hospital,department,appointment_day,appointment_time,pickup_time,pickup_place,return_trip,transport,purpose,expected_minutes,status,volunteer_id,series,requested_day,assigned_after_minutes,actual_minutes,outcome,doctor_notes,follow_up,cancel_reason,notes
                1,1,한림대학교성심병원,내과,1,11:00,10:00,자택,yes,public_transport,clinic,120,pending,,,-3,,,,,,,
                2,2,안양샘병원,정형외과,1,12:00,11:00,자택,yes,public_transport,clinic,120,pending,,,-3,,,,,,,

                """,
        ]
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    @Test func theSecondOverlappingEscortIsRefusedAndNothingChanges() throws {
        let store = try SeededStore(seed: false)
        defer { store.remove() }
        let seeds = store.folder.appendingPathComponent("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        try writeSeeds(into: seeds)
        #expect(try store.run(["seed", "--dir", seeds.path]).status == 0)
        #expect(try store.run(["assign", "1", "1"]).status == 0)
        let before = try store.snapshot()
        let refused = try store.run(["assign", "2", "1"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "honsim: 정지민 is busy 10:00–12:00 with request 1 (travel time included)\n")
        let korean = try store.run(["assign", "2", "1", "--override"], lang: "ko")
        #expect(korean.status == 1)
        #expect(korean.stderr.contains("10:00–12:00에 요청 1번 동행이 있어 겹칩니다"))
        #expect(try store.snapshot() == before)
        #expect(try store.run(["check"]).status == 0)
    }
}
