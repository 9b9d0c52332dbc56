import Testing
@testable import HonsimCore

@Suite("Masking")
struct MaskingTests {
    @Test("names keep the surname and, from three syllables, the last syllable", arguments: [
        ("김솔", "김*"),
        ("홍길동", "홍*동"),
        ("남궁민수", "남궁*수"),
        ("황보을지문", "황보**문"),
        ("김", "*"),
        ("", ""),
        ("   ", ""),
        ("  홍길동  ", "홍*동"),
        ("\t김솔 ", "김*"),
    ])
    func names(name: String, masked: String) {
        #expect(Masking.name(name) == masked)
    }

    @Test("a volunteer on a public screen is their initials", arguments: [
        ("정지민", "ㅈ*ㅁ"), ("남궁민수", "ㄴㄱ*ㅅ"), ("김솔", "ㄱ*"), ("김 솔", "ㄱ*"), ("Maria Santos", "M.*"), ("nguyen", "N."), ("", ""),
    ])
    func initials(name: String, initials: String) {
        #expect(Masking.initials(name) == initials)
        // The same from the name a store gave already masked (a kiosk's login on PostgreSQL).
        #expect(Masking.initials(Masking.name(name)) == initials)
    }

    @Test("inner spaces are kept and do not count as syllables")
    func innerSpaces() {
        #expect(Masking.name("홍 길동") == "홍 *동")
        #expect(Masking.name("남궁 민수") == "남궁 *수")
        #expect(Masking.name("John Smith") == "Jo** ****h")
    }

    @Test("a masked name never shows more than the rule allows", arguments: ["김솔", "홍길동", "남궁민수", "제갈공명이"])
    func maskedHidesSomething(name: String) {
        let masked = Masking.name(name)
        #expect(masked.count == name.count)
        #expect(masked.contains("*"))
        #expect(masked != name)
        #expect(masked.first == name.first)
    }

    @Test("phones keep the area code and the last four digits", arguments: [
        ("010-1234-5678", "010-****-5678"),
        ("01012345678", "010-****-5678"),
        ("02-123-4567", "02-***-4567"),
        ("02-1234-5678", "02-****-5678"),
        ("0212345678", "02-****-5678"),
        ("021234567", "02-***-4567"),
        ("031-123-4567", "031-***-4567"),
        ("031-1234-5678", "031-****-5678"),
        ("0311234567", "031-***-4567"),
        ("03112345678", "031-****-5678"),
        ("010 1234 5678", "010-****-5678"),
        ("010.1234.5678", "010-****-5678"),
        (" 010-1234-5678 ", "010-****-5678"),
        ("", ""),
        ("   ", ""),
    ])
    func phones(phone: String, masked: String) {
        #expect(Masking.phone(phone) == masked)
    }

    @Test("anything that is not a Korean number keeps only its last four digits", arguments: [
        ("+82 10 1234 5678", "********5678"),
        ("12345", "*2345"),
        ("1234", "1234"),
        ("내선 1234", "1234"),
    ])
    func otherPhones(phone: String, masked: String) {
        #expect(Masking.phone(phone) == masked)
    }

    @Test("a masked phone never contains the middle digits")
    func phoneHidesMiddle() {
        for phone in ["010-9876-5432", "01098765432", "010 9876 5432"] {
            let masked = Masking.phone(phone)
            #expect(!masked.contains("9876"), "\(phone) → \(masked)")
            #expect(masked.hasSuffix("5432"))
        }
    }

    @Test("addresses keep the first two words, the rest is hidden", arguments: [
        ("안양시 만안구 병목안로 52, 118동 1506호", "안양시 만안구 ***"),
        ("안양시 동안구 평촌대로 223", "안양시 동안구 ***"),
        ("만안구 석수로 1", "만안구 석수로 ***"),
        ("안양시 만안구", "***"),
        ("석수동", "***"),
        ("", ""),
    ])
    func addresses(address: String, masked: String) {
        #expect(Masking.address(address) == masked)
    }

    @Test("a masked address never contains the street number")
    func addressHidesNumber() {
        let masked = Masking.address("안양시 만안구 병목안로 52, 118동 1506호")
        #expect(!masked.contains("52"))
        #expect(!masked.contains("1506"))
        #expect(!masked.contains("병목안로"))
    }

    /// The store masks what a role may not see; a screen may mask the same value again.
    @Test("masking what is masked already changes nothing", arguments: [
        ("홍길동", "010-1234-5678", "안양시 만안구 병목안로 52"), ("남궁민수", "02-123-4567", "석수동"), ("김솔", "01012345678", ""),
    ])
    func maskingTwiceIsMaskingOnce(name: String, phone: String, address: String) {
        #expect(Masking.name(Masking.name(name)) == Masking.name(name))
        #expect(Masking.phone(Masking.phone(phone)) == Masking.phone(phone))
        #expect(Masking.address(Masking.address(address)) == Masking.address(address))
    }
}
