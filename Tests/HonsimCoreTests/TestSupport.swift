import Foundation
import Testing
@testable import HonsimCore

/// A fixed calendar in Korean time, so the tests never depend on the machine's zone.
let seoul: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Seoul")!
    return calendar
}()

/// A moment in Seoul time. 2026-11-30 is a Monday.
func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0) -> Date {
    seoul.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))!
}

/// Anyang's dongs used across the tests: two in 만안구, one in 동안구.
let seokSu2 = Dong(code: "41171-11", name: "석수2동", gu: "만안구")
let anyang2 = Dong(code: "41171-02", name: "안양2동", gu: "만안구")
let pyeongchon = Dong(code: "41173-09", name: "평촌동", gu: "동안구")
let directory = DongDirectory([seokSu2, anyang2, pyeongchon])
