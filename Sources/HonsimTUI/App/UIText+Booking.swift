import HonsimCore

/// The words of the booking form and the change of transport after a refusal.
extension UIText {
    public static let bookingTitle = Phrase(ko: "차량 예약", en: "Vehicle booking")
    public static let fieldBookingStatus = Phrase(ko: "예약 상태", en: "Status")
    public static let fieldBookingReference = Phrase(ko: "센터 예약 번호", en: "Center's reference")
    public static let fieldBookingVehicle = Phrase(ko: "차량", en: "Vehicle")
    public static let placeholderBookingReference = Phrase(ko: "확정이면 꼭 적으세요", en: "needed when confirmed")
    public static let placeholderBookingVehicle = Phrase(ko: "차량 번호 (선택)", en: "plate or car number (optional)")
    public static let errorBookingReference = Phrase(ko: "확정이면 예약 번호가 필요합니다", en: "confirmed needs the reference")
    public static let bookingCall = Phrase(ko: "전화", en: "call")
    public static let bookingSetBy = Phrase(ko: "마지막 변경", en: "last set")
    public static let bookingNeverSet = Phrase(ko: "아직 기록 없음", en: "not set yet")
    public static let bookingNotBooked = Phrase(ko: "이 요청의 교통수단은 차량 예약이 필요 없습니다", en: "this request's transport is not booked")
    public static let bookingServiceGap = Phrase(ko: "운행 불가", en: "cannot run")
    public static let transportTitle = Phrase(ko: "예약이 거절되었습니다 — 교통수단을 바꿀까요?", en: "Booking refused — change the transport?")
    public static let transportNow = Phrase(ko: "지금 교통수단", en: "transport now")
    public static let transportChanged = Phrase(ko: "교통수단 변경", en: "transport changed")
    public static let vehicleTasks = Phrase(ko: "차량 예약할 일", en: "vehicles to book")
    public static let vehicleTasksMore = Phrase(ko: "외", en: "more:")

    static let booking: [Phrase] = [
        bookingTitle, fieldBookingStatus, fieldBookingReference, fieldBookingVehicle, placeholderBookingReference,
        placeholderBookingVehicle, errorBookingReference, bookingCall, bookingSetBy, bookingNeverSet, bookingNotBooked,
        bookingServiceGap, transportTitle, transportNow, transportChanged, vehicleTasks, vehicleTasksMore,
    ]
}
