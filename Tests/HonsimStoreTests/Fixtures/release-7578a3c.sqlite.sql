-- A store made by honsim at commit 7578a3c, the release before the one list of migrations
-- (its SQLite schema v1-v3), kept for MigrationUpgradeTests: a store of that release must open and upgrade.
-- Made with that release's binary: `honsim init`, then `honsim seed --dir` on a reduced copy of
-- seeds/ (the 31 dongs, households 1-30, volunteers 1-25, 26 requests of every status), then
-- assign, confirm, start, complete, cancel, release, `volunteer off` and `users add` (park,
-- choi). Synthetic demo data only.
-- Dumped with `sqlite3 cases.sqlite .dump`.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1: cases');
INSERT INTO grdb_migrations VALUES('v2: dongs revision');
INSERT INTO grdb_migrations VALUES('v3: users and access');
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO meta VALUES('dongs_revision','36');
INSERT INTO meta VALUES('time_zone','Asia/Seoul');
INSERT INTO meta VALUES('travel_buffer_minutes','30');
INSERT INTO meta VALUES('volunteers_revision','118');
CREATE TABLE dong (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    gu TEXT NOT NULL,
    renamed_year INTEGER,
    position INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO dong VALUES('41171-01','안양1동','만안구',NULL,0);
INSERT INTO dong VALUES('41171-02','안양2동','만안구',NULL,1);
INSERT INTO dong VALUES('41171-03','안양3동','만안구',NULL,2);
INSERT INTO dong VALUES('41171-04','안양4동','만안구',NULL,3);
INSERT INTO dong VALUES('41171-05','안양5동','만안구',NULL,4);
INSERT INTO dong VALUES('41171-06','안양6동','만안구',NULL,5);
INSERT INTO dong VALUES('41171-07','안양7동','만안구',NULL,6);
INSERT INTO dong VALUES('41171-08','안양8동','만안구',NULL,7);
INSERT INTO dong VALUES('41171-09','안양9동','만안구',NULL,8);
INSERT INTO dong VALUES('41171-10','석수1동','만안구',NULL,9);
INSERT INTO dong VALUES('41171-11','석수2동','만안구',NULL,10);
INSERT INTO dong VALUES('41171-12','충훈동','만안구',2024,11);
INSERT INTO dong VALUES('41171-13','박달동','만안구',2025,12);
INSERT INTO dong VALUES('41171-14','호현동','만안구',2025,13);
INSERT INTO dong VALUES('41173-01','비산1동','동안구',NULL,14);
INSERT INTO dong VALUES('41173-02','비산2동','동안구',NULL,15);
INSERT INTO dong VALUES('41173-03','비산3동','동안구',NULL,16);
INSERT INTO dong VALUES('41173-04','부흥동','동안구',NULL,17);
INSERT INTO dong VALUES('41173-05','달안동','동안구',NULL,18);
INSERT INTO dong VALUES('41173-06','관양동','동안구',2024,19);
INSERT INTO dong VALUES('41173-07','인덕원동','동안구',2024,20);
INSERT INTO dong VALUES('41173-08','부림동','동안구',NULL,21);
INSERT INTO dong VALUES('41173-09','평촌동','동안구',NULL,22);
INSERT INTO dong VALUES('41173-10','평안동','동안구',NULL,23);
INSERT INTO dong VALUES('41173-11','귀인동','동안구',NULL,24);
INSERT INTO dong VALUES('41173-12','호계1동','동안구',NULL,25);
INSERT INTO dong VALUES('41173-13','호계2동','동안구',NULL,26);
INSERT INTO dong VALUES('41173-14','호계3동','동안구',NULL,27);
INSERT INTO dong VALUES('41173-15','범계동','동안구',NULL,28);
INSERT INTO dong VALUES('41173-16','신촌동','동안구',NULL,29);
INSERT INTO dong VALUES('41173-17','갈산동','동안구',NULL,30);
CREATE TABLE dong_former_name (
    name TEXT PRIMARY KEY,
    dong_code TEXT NOT NULL REFERENCES dong(code)
) WITHOUT ROWID;
INSERT INTO dong_former_name VALUES('관양1동','41173-06');
INSERT INTO dong_former_name VALUES('관양2동','41173-07');
INSERT INTO dong_former_name VALUES('박달1동','41171-13');
INSERT INTO dong_former_name VALUES('박달2동','41171-14');
INSERT INTO dong_former_name VALUES('석수3동','41171-12');
CREATE TABLE household (
    id INTEGER PRIMARY KEY,
    dong_code TEXT NOT NULL REFERENCES dong(code),
    name TEXT NOT NULL,
    birth_year INTEGER NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    mobility TEXT NOT NULL CHECK (mobility IN ('none', 'cane', 'walker', 'wheelchair')),
    needs TEXT NOT NULL DEFAULT '',
    preferred_volunteer_gender TEXT CHECK (preferred_volunteer_gender IN ('F', 'M')),
    case_manager TEXT NOT NULL DEFAULT '',
    consent_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    closed INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);
INSERT INTO household VALUES(1,'41171-01','곽귀순',1945,'F','010-5379-0286','안양시 만안구 병목안로 52, 118동 1506호','walker','',NULL,'조선영','2026-05-01','',0,1,1796517519,'root');
INSERT INTO household VALUES(2,'41171-01','곽춘희',1950,'F','010-3144-2985','안양시 만안구 삼덕로 346, 118동 1504호','cane','vision',NULL,'이은정','2026-02-15','아들 해외 거주',0,1,1796517519,'root');
INSERT INTO household VALUES(3,'41171-01','손숙희',1957,'F','010-4511-5834','안양시 만안구 장내로 381, 110동 1004호','cane','hearing',NULL,'조선영','2026-01-22','',0,1,1796517519,'root');
INSERT INTO household VALUES(4,'41171-01','임순희',1951,'F','010-3109-5984','안양시 만안구 안양천서로 238, 117동 103호','wheelchair','',NULL,'이은정','2025-11-11','',0,1,1796517519,'root');
INSERT INTO household VALUES(5,'41171-01','정순자',1937,'F','031-449-0294','안양시 만안구 연현로 267, 1동 301호','none','',NULL,'조선영','2026-03-18','',0,1,1796517519,'root');
INSERT INTO household VALUES(6,'41171-01','박병철',1954,'M','010-9706-5076','안양시 만안구 양화로 344, 107동 405호','cane','',NULL,'조선영','2026-11-08','',0,1,1796517519,'root');
INSERT INTO household VALUES(7,'41171-01','임광호',1979,'M','010-2989-0508','안양시 만안구 양화로 165, 4동 202호','wheelchair','',NULL,'이은정','2026-05-21','',0,1,1796517519,'root');
INSERT INTO household VALUES(8,'41171-01','한영자',1938,'F','010-6586-0012','안양시 만안구 냉천로 329, 105동 1304호','none','cognitive',NULL,'이은정','2026-04-02','',0,1,1796517519,'root');
INSERT INTO household VALUES(9,'41171-01','성정훈',1980,'M','010-6088-3632','안양시 만안구 명학로 373, 104동 302호','none','',NULL,'이은정','2026-08-28','',0,1,1796517519,'root');
INSERT INTO household VALUES(10,'41171-01','최덕순',1949,'F','010-3147-8193','안양시 만안구 박달로 8, 3동 302호','none','',NULL,'이은정','2026-08-21','초인종 고장, 전화 후 방문',0,1,1796517519,'root');
INSERT INTO household VALUES(11,'41171-01','원춘자',1956,'F','010-9991-1472','안양시 만안구 석수로 268, 106동 802호','wheelchair','',NULL,'이은정','2026-07-19','',0,1,1796517519,'root');
INSERT INTO household VALUES(12,'41171-01','김미자',1945,'F','031-459-0302','안양시 만안구 삼덕로 41, 109동 103호','cane','vision',NULL,'이은정','2026-07-13','',0,1,1796517519,'root');
INSERT INTO household VALUES(13,'41171-02','서덕순',1952,'F','010-4687-4782','안양시 만안구 충훈로 280, 117동 1401호','wheelchair','vision',NULL,'장혜숙','2026-06-02','기초생활수급',0,1,1796517519,'root');
INSERT INTO household VALUES(14,'41171-02','이정자',1944,'F','031-464-0613','안양시 만안구 예술공원로 108, 109동 1304호','cane','',NULL,'전미숙','2025-11-09','',0,1,1796517519,'root');
INSERT INTO household VALUES(15,'41171-02','정동욱',1981,'M','010-5303-0027','안양시 만안구 박달로 107, 102동 1606호','none','',NULL,'장혜숙','2026-07-26','',0,1,1796517519,'root');
INSERT INTO household VALUES(16,'41171-02','박진우',1970,'M','010-2620-9568','안양시 만안구 명학로 225, 110동 1601호','none','','M','전미숙','2026-10-14','',0,1,1796517519,'root');
INSERT INTO household VALUES(17,'41171-02','정정숙',1962,'F','010-9485-3551','안양시 만안구 병목안로 376, 105동 1601호','cane','vision','F','전미숙','2025-12-01','초인종 고장, 전화 후 방문',0,1,1796517519,'root');
INSERT INTO household VALUES(18,'41171-02','김종철',1951,'M','010-3612-3871','안양시 만안구 안양로 61, 106동 901호','walker','','M','장혜숙','2026-06-20','',0,1,1796517519,'root');
INSERT INTO household VALUES(19,'41171-02','정진호',1952,'M','010-4885-7472','안양시 만안구 양화로 240, 106동 1604호','none','',NULL,'전미숙','2026-09-27','공동현관 비밀번호 주민센터 보관',0,1,1796517519,'root');
INSERT INTO household VALUES(20,'41171-02','이점순',1957,'F','010-6967-4598','안양시 만안구 삼덕로 168, 103동 2101호','none','',NULL,'전미숙','2026-10-17','',0,1,1796517519,'root');
INSERT INTO household VALUES(21,'41171-02','송정순',1955,'F','010-5730-5738','안양시 만안구 충훈로 353, 116동 1102호','cane','','F','전미숙','2025-10-22','',0,1,1796517519,'root');
INSERT INTO household VALUES(22,'41171-02','백점순',1945,'F','010-3328-8161','안양시 만안구 냉천로 216, 111동 1201호','cane','',NULL,'전미숙','2026-08-08','',0,1,1796517519,'root');
INSERT INTO household VALUES(23,'41171-03','엄순남',1953,'F','010-7079-2380','안양시 만안구 연현로 317, 108동 103호','wheelchair','','F','최승호','2025-12-17','',0,1,1796517519,'root');
INSERT INTO household VALUES(24,'41171-03','최영수',1944,'M','010-7631-1885','안양시 만안구 예술공원로 407, 109동 1605호','cane','cognitive','M','최승호','2026-03-01','인공관절 수술 이력',0,1,1796517519,'root');
INSERT INTO household VALUES(25,'41171-03','박대현',1975,'M','010-7350-6210','안양시 만안구 장내로 121, 5동 203호','none','hearing','F','최승호','2025-10-20','',0,1,1796517519,'root');
INSERT INTO household VALUES(26,'41171-03','윤성수',1941,'M','010-9221-7146','안양시 만안구 장내로 378, 101동 503호','cane','',NULL,'최승호','2026-05-26','',0,1,1796517519,'root');
INSERT INTO household VALUES(27,'41171-03','이분남',1953,'F','010-2137-2671','안양시 만안구 만안로 224, 109동 1803호','walker','',NULL,'최승호','2025-10-16','기초생활수급',0,1,1796517519,'root');
INSERT INTO household VALUES(28,'41171-03','최인숙',1947,'F','010-3208-7730','안양시 만안구 만안로 204, 102동 604호','none','',NULL,'최승호','2026-10-15','',0,1,1796517519,'root');
INSERT INTO household VALUES(29,'41171-03','박순희',1947,'F','010-8317-9683','안양시 만안구 연현로 175, 2동 401호','wheelchair','cognitive',NULL,'최승호','2026-02-17','청각 저하, 큰 목소리로',0,1,1796517519,'root');
INSERT INTO household VALUES(30,'41171-03','천판석',1945,'M','010-3168-7576','안양시 만안구 안양천서로 147, 107동 102호','walker','',NULL,'김영민','2025-10-04','',0,1,1796517519,'root');
CREATE TABLE volunteer (
    id INTEGER PRIMARY KEY,
    dong_code TEXT NOT NULL REFERENCES dong(code),
    name TEXT NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
    phone TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    has_car INTEGER NOT NULL DEFAULT 0,
    weekly_cap_minutes INTEGER NOT NULL CHECK (weekly_cap_minutes > 0),
    notes TEXT NOT NULL DEFAULT '',
    closed INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);
INSERT INTO volunteer VALUES(1,'41171-01','정지민','F','010-9571-2712','sign_language;wheelchair',0,720,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(2,'41171-01','임선희','F','010-6948-2859','wheelchair',1,900,'차량 7인승',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(3,'41171-01','홍병수','M','010-7868-8668','',0,960,'수어 통역 자격',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(4,'41171-01','한지우','F','010-2932-8775','',0,900,'',0,2,1796517519,'root');
INSERT INTO volunteer VALUES(5,'41171-02','남성민','M','010-6596-6555','care_worker;wheelchair',1,900,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(6,'41171-02','권윤정','F','010-7659-5889','care_worker',0,240,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(7,'41171-03','지혜숙','F','010-8482-5630','sign_language',0,480,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(8,'41171-03','최태윤','M','010-7508-4598','wheelchair',0,240,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(9,'41171-03','우은정','F','010-4814-1997','',1,900,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(10,'41171-03','이민수','M','010-7140-5017','wheelchair',1,360,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(11,'41171-03','이지현','F','010-2239-8050','wheelchair',0,900,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(12,'41171-04','진윤정','F','010-5593-7355','wheelchair',0,780,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(13,'41171-04','이수정','F','010-3675-8305','wheelchair',0,720,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(14,'41171-04','박영순','F','010-5425-2433','wheelchair',1,540,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(15,'41171-05','손지영','F','010-8750-6756','',0,780,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(16,'41171-05','이성수','M','010-3677-7957','wheelchair',0,660,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(17,'41171-05','김덕순','F','010-4529-3497','care_worker;wheelchair',0,780,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(18,'41171-05','원수정','F','010-9945-7751','care_worker;wheelchair',0,420,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(19,'41171-05','강지현','F','010-2770-8404','',0,300,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(20,'41171-05','김영자','F','010-5874-6395','',0,960,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(21,'41171-06','엄민지','F','010-7936-2990','sign_language',1,600,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(22,'41171-06','황미영','F','010-8389-7072','care_worker;wheelchair',0,720,'수어 통역 자격',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(23,'41171-06','김민지','F','010-6176-7118','',0,480,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(24,'41171-06','김혜숙','F','010-9722-6685','',1,780,'',0,1,1796517519,'root');
INSERT INTO volunteer VALUES(25,'41171-07','문정은','F','010-9466-5632','',0,900,'',0,1,1796517519,'root');
CREATE TABLE availability_window (
    volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL,
    end_minute INTEGER NOT NULL,
    CHECK (0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440)
);
INSERT INTO availability_window VALUES(1,3,480,780);
INSERT INTO availability_window VALUES(1,5,420,780);
INSERT INTO availability_window VALUES(1,6,480,780);
INSERT INTO availability_window VALUES(2,1,480,960);
INSERT INTO availability_window VALUES(2,3,420,960);
INSERT INTO availability_window VALUES(2,5,420,1020);
INSERT INTO availability_window VALUES(2,6,540,900);
INSERT INTO availability_window VALUES(3,2,420,1020);
INSERT INTO availability_window VALUES(3,3,420,1020);
INSERT INTO availability_window VALUES(3,4,480,1020);
INSERT INTO availability_window VALUES(3,5,420,720);
INSERT INTO availability_window VALUES(3,6,420,780);
INSERT INTO availability_window VALUES(5,2,480,1080);
INSERT INTO availability_window VALUES(5,4,540,1140);
INSERT INTO availability_window VALUES(6,2,480,1020);
INSERT INTO availability_window VALUES(6,5,420,1020);
INSERT INTO availability_window VALUES(7,2,420,960);
INSERT INTO availability_window VALUES(7,4,540,1140);
INSERT INTO availability_window VALUES(7,6,420,780);
INSERT INTO availability_window VALUES(8,1,540,1020);
INSERT INTO availability_window VALUES(8,4,480,840);
INSERT INTO availability_window VALUES(9,4,450,1050);
INSERT INTO availability_window VALUES(9,5,420,720);
INSERT INTO availability_window VALUES(9,6,420,780);
INSERT INTO availability_window VALUES(10,1,540,1140);
INSERT INTO availability_window VALUES(10,2,480,1020);
INSERT INTO availability_window VALUES(10,3,480,840);
INSERT INTO availability_window VALUES(10,4,540,1020);
INSERT INTO availability_window VALUES(10,5,450,750);
INSERT INTO availability_window VALUES(11,1,480,1020);
INSERT INTO availability_window VALUES(11,4,780,1140);
INSERT INTO availability_window VALUES(12,1,420,1020);
INSERT INTO availability_window VALUES(12,3,480,1020);
INSERT INTO availability_window VALUES(12,5,450,930);
INSERT INTO availability_window VALUES(13,1,450,990);
INSERT INTO availability_window VALUES(13,3,780,1140);
INSERT INTO availability_window VALUES(13,4,420,960);
INSERT INTO availability_window VALUES(13,5,420,960);
INSERT INTO availability_window VALUES(14,2,420,780);
INSERT INTO availability_window VALUES(14,3,420,780);
INSERT INTO availability_window VALUES(14,4,420,1020);
INSERT INTO availability_window VALUES(14,5,420,720);
INSERT INTO availability_window VALUES(15,2,420,900);
INSERT INTO availability_window VALUES(15,4,540,900);
INSERT INTO availability_window VALUES(15,5,420,960);
INSERT INTO availability_window VALUES(15,6,420,780);
INSERT INTO availability_window VALUES(16,2,480,780);
INSERT INTO availability_window VALUES(16,3,540,840);
INSERT INTO availability_window VALUES(17,4,540,1080);
INSERT INTO availability_window VALUES(17,5,420,900);
INSERT INTO availability_window VALUES(18,2,780,1140);
INSERT INTO availability_window VALUES(18,3,450,750);
INSERT INTO availability_window VALUES(18,5,540,900);
INSERT INTO availability_window VALUES(18,7,540,840);
INSERT INTO availability_window VALUES(19,2,540,900);
INSERT INTO availability_window VALUES(19,4,420,720);
INSERT INTO availability_window VALUES(19,5,780,1140);
INSERT INTO availability_window VALUES(20,1,450,810);
INSERT INTO availability_window VALUES(20,2,450,810);
INSERT INTO availability_window VALUES(20,5,420,960);
INSERT INTO availability_window VALUES(21,2,420,720);
INSERT INTO availability_window VALUES(21,3,540,1140);
INSERT INTO availability_window VALUES(22,2,540,1140);
INSERT INTO availability_window VALUES(22,7,480,780);
INSERT INTO availability_window VALUES(23,1,420,780);
INSERT INTO availability_window VALUES(23,2,420,960);
INSERT INTO availability_window VALUES(23,6,480,780);
INSERT INTO availability_window VALUES(24,2,540,1020);
INSERT INTO availability_window VALUES(24,3,420,960);
INSERT INTO availability_window VALUES(24,5,540,1020);
INSERT INTO availability_window VALUES(25,1,480,780);
INSERT INTO availability_window VALUES(25,2,450,750);
INSERT INTO availability_window VALUES(25,5,540,840);
INSERT INTO availability_window VALUES(4,1,780,1080);
INSERT INTO availability_window VALUES(4,2,540,1080);
INSERT INTO availability_window VALUES(4,3,780,1140);
INSERT INTO availability_window VALUES(4,4,780,1140);
CREATE TABLE day_off (
    id INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    CHECK (from_date <= to_date)
);
INSERT INTO day_off VALUES(1,1,'2026-12-24','2026-12-24','병원 진료');
INSERT INTO day_off VALUES(2,2,'2026-11-16','2026-11-19','여행');
INSERT INTO day_off VALUES(3,7,'2026-11-25','2026-11-28','여행');
INSERT INTO day_off VALUES(4,9,'2026-12-07','2026-12-08','개인 사정');
INSERT INTO day_off VALUES(5,21,'2026-11-09','2026-11-09','이사');
INSERT INTO day_off VALUES(6,25,'2026-11-25','2026-11-27','개인 사정');
INSERT INTO day_off VALUES(7,4,'2027-01-11','2027-01-12','여행');
CREATE TABLE escort_request (
    id INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES household(id),
    dong_code TEXT NOT NULL REFERENCES dong(code),
    hospital TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    appointment_at INTEGER NOT NULL,
    pickup_at INTEGER NOT NULL,
    pickup_place TEXT NOT NULL DEFAULT '',
    return_trip INTEGER NOT NULL DEFAULT 1,
    transport TEXT NOT NULL,
    purpose TEXT NOT NULL,
    expected_minutes INTEGER NOT NULL CHECK (expected_minutes > 0),
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN
        ('pending', 'assigned', 'confirmed', 'in_progress', 'completed', 'cancelled', 'no_show')),
    volunteer_id INTEGER REFERENCES volunteer(id),
    series_id TEXT,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    assigned_at INTEGER,
    actual_minutes INTEGER,
    outcome TEXT,
    doctor_notes TEXT,
    follow_up INTEGER,
    cancel_reason TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    -- A volunteer exactly when the status says one is committed or was.
    CHECK ((status IN ('pending', 'cancelled')) = (volunteer_id IS NULL))
);
INSERT INTO escort_request VALUES(14,14,'41171-02','메트로병원','재활의학과',1780895400,1780891800,'자택',1,'public_transport','rehab',150,'휠체어 대여 필요','cancelled',NULL,NULL,1780185600,'seed',NULL,NULL,NULL,NULL,NULL,'가족 동행',1,1780895400,'seed');
INSERT INTO escort_request VALUES(26,25,'41171-03','한림대학교성심병원','혈액종양내과',1781049600,1781045400,'자택',1,'public_transport','chemo',300,'','cancelled',NULL,NULL,1780099200,'seed',NULL,NULL,NULL,NULL,NULL,'가족 동행',1,1781049600,'seed');
INSERT INTO escort_request VALUES(29,3,'41171-01','범계늘푸른치과의원','치과',1781146200,1781142000,'주민센터 앞',1,'taxi','clinic',180,'','completed',1,NULL,1779408000,'seed',1779428040,150,'약 처방 받음','',0,NULL,1,1781146200,'seed');
INSERT INTO escort_request VALUES(45,24,'41171-03','안양윌스기념병원','영상의학과',1781319000,1781316000,'자택',1,'public_transport','tests',180,'','completed',10,NULL,1780272000,'seed',1780317060,214,'CT 촬영 완료, 결과 다음 진료 시','',1,NULL,1,1781319000,'seed');
INSERT INTO escort_request VALUES(54,7,'41171-01','한림대학교성심병원','영상의학과',1781400000,1781395800,'자택',1,'center_vehicle','tests',150,'','completed',1,NULL,1780272000,'seed',1780289460,134,'채혈 및 X-ray 완료','',1,NULL,1,1781400000,'seed');
INSERT INTO escort_request VALUES(55,25,'41171-03','한림대학교성심병원','내과',1781399400,1781395800,'자택',1,'taxi','tests',240,'','completed',7,NULL,1779753600,'seed',1779763080,259,'채혈 및 X-ray 완료','',0,NULL,1,1781399400,'seed');
INSERT INTO escort_request VALUES(130,3,'41171-01','메트로병원','내과',1782177600,1782175200,'주민센터 앞',1,'public_transport','clinic',120,'보호자 병원에서 합류','cancelled',NULL,NULL,1781654400,'seed',NULL,NULL,NULL,NULL,NULL,'대상자 요청',1,1782177600,'seed');
INSERT INTO escort_request VALUES(132,25,'41171-03','메트로병원','내과',1782178800,1782176400,'경남아파트 정문',1,'public_transport','tests',240,'','completed',7,NULL,1781308800,'seed',1781310360,214,'채혈 및 X-ray 완료','혈압약 용량 증가, 2주 후 재방문',0,NULL,1,1782178800,'seed');
INSERT INTO escort_request VALUES(159,29,'41171-03','한림대학교성심병원','내과',1782440400,1782436800,'자택',1,'center_vehicle','clinic',150,'','completed',10,NULL,1780790400,'seed',1780796460,159,'약 처방 받음','',0,NULL,1,1782440400,'seed');
INSERT INTO escort_request VALUES(194,25,'41171-03','만안구보건소','내과',1782708000,1782705000,'자택',1,'public_transport','other',120,'','completed',2,NULL,1781395200,'seed',1781424420,110,'보건소 상담 완료','혈압 안정적, 3개월 후 재방문',1,NULL,1,1782708000,'seed');
INSERT INTO escort_request VALUES(216,30,'41171-03','평촌서울나은병원','재활의학과',1782960600,1782958200,'자택',1,'public_transport','rehab',150,'','cancelled',NULL,NULL,1782259200,'seed',NULL,NULL,NULL,NULL,NULL,'가족 동행',1,1782960600,'seed');
INSERT INTO escort_request VALUES(224,27,'41171-03','안양샘병원','영상의학과',1783055400,1783051200,'자택',1,'center_vehicle','tests',150,'','completed',8,NULL,1782172800,'seed',1782393780,125,'채혈 및 X-ray 완료','',1,NULL,1,1783055400,'seed');
INSERT INTO escort_request VALUES(254,25,'41171-03','한림대학교성심병원','혈액종양내과',1783468800,1783465200,'경남아파트 정문',1,'public_transport','chemo',330,'','cancelled',NULL,NULL,1783036800,'seed',NULL,NULL,NULL,NULL,NULL,'가족 동행',1,1783468800,'seed');
INSERT INTO escort_request VALUES(308,14,'41171-02','메트로병원','내과',1784004600,1784000400,'자택',1,'public_transport','clinic',150,'','cancelled',NULL,NULL,1782172800,'seed',NULL,NULL,NULL,NULL,NULL,'가족 동행',1,1784004600,'seed');
INSERT INTO escort_request VALUES(430,13,'41171-02','안양윌스기념병원','정형외과',1785290400,1785286200,'자택',1,'taxi','tests',240,'방문 시 부재, 연락 두절','no_show',5,NULL,1783814400,'seed',1783816560,NULL,NULL,NULL,NULL,NULL,1,1785290400,'seed');
INSERT INTO escort_request VALUES(437,8,'41171-01','안양샘병원','정형외과',1785306600,1785304200,'자택',1,'public_transport','clinic',120,'','no_show',17,NULL,1785024000,'seed',1785026220,NULL,NULL,NULL,NULL,NULL,1,1785306600,'seed');
INSERT INTO escort_request VALUES(599,22,'41171-02','안양샘병원','정형외과',1786858800,1786856400,'자택',1,'taxi','clinic',150,'방문 시 부재, 연락 두절','no_show',25,NULL,1786579200,'seed',1786602300,NULL,NULL,NULL,NULL,NULL,1,1786858800,'seed');
INSERT INTO escort_request VALUES(858,13,'41171-02','메트로병원','내과',1789107600,1789104600,'자택',1,'center_vehicle','clinic',180,'','no_show',5,NULL,1788307200,'seed',1788329640,NULL,NULL,NULL,NULL,NULL,1,1789107600,'seed');
INSERT INTO escort_request VALUES(1428,9,'41171-01','안양샘병원','신경과',1792907400,1792904400,'한가람아파트 정문',1,'public_transport','clinic',120,'방문 시 부재, 연락 두절','no_show',24,NULL,1791331200,'seed',1791345240,NULL,NULL,NULL,NULL,NULL,1,1792907400,'seed');
INSERT INTO escort_request VALUES(2049,15,'41171-02','메트로병원','재활의학과',1796188800,1796184600,'자택',1,'public_transport','rehab',150,'','no_show',23,NULL,1795651200,'seed',1795658580,NULL,NULL,NULL,NULL,NULL,1,1796188800,'seed');
INSERT INTO escort_request VALUES(2131,16,'41171-02','만안구보건소','내과',1796619000,1796615400,'자택',0,'public_transport','clinic',150,'진료의뢰서 지참','confirmed',5,NULL,1795651200,'seed',1795667580,NULL,NULL,NULL,NULL,NULL,2,1796517519,'root');
INSERT INTO escort_request VALUES(2154,25,'41171-03','한림대학교성심병원','혈액종양내과',1796774400,1796771400,'자택',1,'public_transport','chemo',330,'','completed',11,NULL,1795824000,'seed',1795865940,140,'귀가 완료','2주 뒤 재진',1,NULL,3,1796517519,'root');
INSERT INTO escort_request VALUES(2162,12,'41171-01','안양샘병원','정형외과',1796796000,1796792400,'삼성아파트 정문',1,'taxi','clinic',120,'','assigned',3,NULL,1795046400,'seed',1796517519,NULL,NULL,NULL,NULL,NULL,2,1796517519,'root');
INSERT INTO escort_request VALUES(2200,9,'41171-01','만안구보건소','내과',1796956800,1796953800,'자택',1,'walk','clinic',120,'','cancelled',NULL,NULL,1795132800,'seed',NULL,NULL,NULL,NULL,NULL,'보호자 동행',2,1796517519,'root');
INSERT INTO escort_request VALUES(2242,11,'41171-01','서울척병원','정형외과',1797208200,1797205200,'자택',0,'center_vehicle','clinic',180,'','pending',NULL,NULL,1796083200,'seed',NULL,NULL,NULL,NULL,NULL,NULL,2,1796517519,'root');
INSERT INTO escort_request VALUES(2359,16,'41171-02','만안구보건소','내과',1797742200,1797739800,'자택',1,'volunteer_car','clinic',150,'','assigned',5,NULL,1796342400,'seed',1796351760,NULL,NULL,NULL,NULL,NULL,1,1796351760,'seed');
CREATE TABLE assignment (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES escort_request(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteer(id),
    household_id INTEGER NOT NULL REFERENCES household(id),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
    state TEXT NOT NULL CHECK (state IN ('active', 'completed', 'released', 'cancelled', 'no_show')),
    minutes INTEGER NOT NULL,
    -- The week (its Monday) and month of the escort, in the store's time zone.
    week_key TEXT NOT NULL,
    month_key TEXT NOT NULL,
    assigned_at INTEGER NOT NULL,
    assigned_by TEXT NOT NULL,
    ended_at INTEGER,
    ended_by TEXT,
    reason TEXT
);
INSERT INTO assignment VALUES(1,29,1,3,1781142000,1781152800,'completed',150,'W2026-06-08','M2026-06',1779428040,'seed',1781146200,'seed',NULL);
INSERT INTO assignment VALUES(2,45,10,24,1781316000,1781326800,'completed',214,'W2026-06-08','M2026-06',1780317060,'seed',1781319000,'seed',NULL);
INSERT INTO assignment VALUES(3,54,1,7,1781395800,1781404800,'completed',134,'W2026-06-08','M2026-06',1780289460,'seed',1781400000,'seed',NULL);
INSERT INTO assignment VALUES(4,55,7,25,1781395800,1781410200,'completed',259,'W2026-06-08','M2026-06',1779763080,'seed',1781399400,'seed',NULL);
INSERT INTO assignment VALUES(5,132,7,25,1782176400,1782190800,'completed',214,'W2026-06-22','M2026-06',1781310360,'seed',1782178800,'seed',NULL);
INSERT INTO assignment VALUES(6,159,10,29,1782436800,1782445800,'completed',159,'W2026-06-22','M2026-06',1780796460,'seed',1782440400,'seed',NULL);
INSERT INTO assignment VALUES(7,194,2,25,1782705000,1782712200,'completed',110,'W2026-06-29','M2026-06',1781424420,'seed',1782708000,'seed',NULL);
INSERT INTO assignment VALUES(8,224,8,27,1783051200,1783060200,'completed',125,'W2026-06-29','M2026-07',1782393780,'seed',1783055400,'seed',NULL);
INSERT INTO assignment VALUES(9,430,5,13,1785286200,1785300600,'no_show',240,'W2026-07-27','M2026-07',1783816560,'seed',1785290400,'seed',NULL);
INSERT INTO assignment VALUES(10,437,17,8,1785304200,1785311400,'no_show',120,'W2026-07-27','M2026-07',1785026220,'seed',1785306600,'seed',NULL);
INSERT INTO assignment VALUES(11,599,25,22,1786856400,1786865400,'no_show',150,'W2026-08-10','M2026-08',1786602300,'seed',1786858800,'seed',NULL);
INSERT INTO assignment VALUES(12,858,5,13,1789104600,1789115400,'no_show',180,'W2026-09-07','M2026-09',1788329640,'seed',1789107600,'seed',NULL);
INSERT INTO assignment VALUES(13,1428,24,9,1792904400,1792911600,'no_show',120,'W2026-10-19','M2026-10',1791345240,'seed',1792907400,'seed',NULL);
INSERT INTO assignment VALUES(14,2049,23,15,1796184600,1796193600,'no_show',150,'W2026-11-30','M2026-12',1795658580,'seed',1796188800,'seed',NULL);
INSERT INTO assignment VALUES(15,2131,5,16,1796615400,1796624400,'active',150,'W2026-12-07','M2026-12',1795667580,'seed',NULL,NULL,NULL);
INSERT INTO assignment VALUES(16,2154,11,25,1796771400,1796791200,'completed',140,'W2026-12-07','M2026-12',1795865940,'seed',1796517519,'root',NULL);
INSERT INTO assignment VALUES(17,2242,2,11,1797205200,1797216000,'released',180,'W2026-12-14','M2026-12',1796084340,'seed',1796517519,'root','봉사자 사정');
INSERT INTO assignment VALUES(18,2359,5,16,1797739800,1797748800,'active',150,'W2026-12-14','M2026-12',1796351760,'seed',NULL,NULL,NULL);
INSERT INTO assignment VALUES(19,2162,3,12,1796792400,1796799600,'active',120,'W2026-12-07','M2026-12',1796517519,'root',NULL,NULL,NULL);
CREATE TABLE volunteer_load (
    volunteer_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    PRIMARY KEY (volunteer_id, period)
) WITHOUT ROWID;
INSERT INTO volunteer_load VALUES(1,'M2026-06',284);
INSERT INTO volunteer_load VALUES(2,'M2026-06',110);
INSERT INTO volunteer_load VALUES(7,'M2026-06',473);
INSERT INTO volunteer_load VALUES(10,'M2026-06',373);
INSERT INTO volunteer_load VALUES(8,'M2026-07',125);
INSERT INTO volunteer_load VALUES(2,'M2026-12',0);
INSERT INTO volunteer_load VALUES(3,'M2026-12',120);
INSERT INTO volunteer_load VALUES(5,'M2026-12',300);
INSERT INTO volunteer_load VALUES(11,'M2026-12',140);
INSERT INTO volunteer_load VALUES(1,'W2026-06-08',284);
INSERT INTO volunteer_load VALUES(7,'W2026-06-08',259);
INSERT INTO volunteer_load VALUES(10,'W2026-06-08',214);
INSERT INTO volunteer_load VALUES(7,'W2026-06-22',214);
INSERT INTO volunteer_load VALUES(10,'W2026-06-22',159);
INSERT INTO volunteer_load VALUES(2,'W2026-06-29',110);
INSERT INTO volunteer_load VALUES(8,'W2026-06-29',125);
INSERT INTO volunteer_load VALUES(3,'W2026-12-07',120);
INSERT INTO volunteer_load VALUES(5,'W2026-12-07',150);
INSERT INTO volunteer_load VALUES(11,'W2026-12-07',140);
INSERT INTO volunteer_load VALUES(2,'W2026-12-14',0);
INSERT INTO volunteer_load VALUES(5,'W2026-12-14',150);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    dong_code TEXT,
    before TEXT,
    after TEXT
);
INSERT INTO audit VALUES(1,1796517519,'root','load','store','/tmp/mig-fx/cases.sqlite',NULL,NULL,'{"dongs":31,"households":30,"volunteers":25,"requests":26}');
INSERT INTO audit VALUES(2,1796517519,'root','assign','request','2162','41171-01','{"appointmentAt":"2026-12-09T06:00:00Z","createdAt":"2026-11-19T00:00:00Z","department":"정형외과","dongCode":"41171-01","expectedMinutes":120,"hospital":"안양샘병원","householdID":12,"id":2162,"notes":"","pickupAt":"2026-12-09T05:00:00Z","pickupPlace":"삼성아파트 정문","purpose":"clinic","returnTrip":true,"status":"pending","transport":"taxi","updatedAt":"2026-11-19T00:00:00Z","updatedBy":"seed","version":1}','{"appointmentAt":"2026-12-09T06:00:00Z","assignedAt":"2026-12-06T00:38:39Z","createdAt":"2026-11-19T00:00:00Z","department":"정형외과","dongCode":"41171-01","expectedMinutes":120,"hospital":"안양샘병원","householdID":12,"id":2162,"notes":"","pickupAt":"2026-12-09T05:00:00Z","pickupPlace":"삼성아파트 정문","purpose":"clinic","returnTrip":true,"status":"assigned","transport":"taxi","updatedAt":"2026-12-06T00:38:39Z","updatedBy":"root","version":2,"volunteerID":3}');
INSERT INTO audit VALUES(3,1796517519,'root','confirm','request','2131','41171-02','{"appointmentAt":"2026-12-07T04:50:00Z","assignedAt":"2026-11-26T04:33:00Z","createdAt":"2026-11-26T00:00:00Z","department":"내과","dongCode":"41171-02","expectedMinutes":150,"hospital":"만안구보건소","householdID":16,"id":2131,"notes":"진료의뢰서 지참","pickupAt":"2026-12-07T03:50:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":false,"status":"assigned","transport":"public_transport","updatedAt":"2026-11-26T04:33:00Z","updatedBy":"seed","version":1,"volunteerID":5}','{"appointmentAt":"2026-12-07T04:50:00Z","assignedAt":"2026-11-26T04:33:00Z","createdAt":"2026-11-26T00:00:00Z","department":"내과","dongCode":"41171-02","expectedMinutes":150,"hospital":"만안구보건소","householdID":16,"id":2131,"notes":"진료의뢰서 지참","pickupAt":"2026-12-07T03:50:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":false,"status":"confirmed","transport":"public_transport","updatedAt":"2026-12-06T00:38:39Z","updatedBy":"root","version":2,"volunteerID":5}');
INSERT INTO audit VALUES(4,1796517519,'root','start','request','2154','41171-03','{"appointmentAt":"2026-12-09T00:00:00Z","assignedAt":"2026-11-28T11:39:00Z","createdAt":"2026-11-28T00:00:00Z","department":"혈액종양내과","dongCode":"41171-03","expectedMinutes":330,"hospital":"한림대학교성심병원","householdID":25,"id":2154,"notes":"","pickupAt":"2026-12-08T23:10:00Z","pickupPlace":"자택","purpose":"chemo","returnTrip":true,"status":"confirmed","transport":"public_transport","updatedAt":"2026-11-28T11:39:00Z","updatedBy":"seed","version":1,"volunteerID":11}','{"appointmentAt":"2026-12-09T00:00:00Z","assignedAt":"2026-11-28T11:39:00Z","createdAt":"2026-11-28T00:00:00Z","department":"혈액종양내과","dongCode":"41171-03","expectedMinutes":330,"hospital":"한림대학교성심병원","householdID":25,"id":2154,"notes":"","pickupAt":"2026-12-08T23:10:00Z","pickupPlace":"자택","purpose":"chemo","returnTrip":true,"status":"in_progress","transport":"public_transport","updatedAt":"2026-12-06T00:38:39Z","updatedBy":"root","version":2,"volunteerID":11}');
INSERT INTO audit VALUES(5,1796517519,'root','complete','request','2154','41171-03','{"appointmentAt":"2026-12-09T00:00:00Z","assignedAt":"2026-11-28T11:39:00Z","createdAt":"2026-11-28T00:00:00Z","department":"혈액종양내과","dongCode":"41171-03","expectedMinutes":330,"hospital":"한림대학교성심병원","householdID":25,"id":2154,"notes":"","pickupAt":"2026-12-08T23:10:00Z","pickupPlace":"자택","purpose":"chemo","returnTrip":true,"status":"in_progress","transport":"public_transport","updatedAt":"2026-12-06T00:38:39Z","updatedBy":"root","version":2,"volunteerID":11}','{"appointmentAt":"2026-12-09T00:00:00Z","assignedAt":"2026-11-28T11:39:00Z","completion":{"actualMinutes":140,"doctorNotes":"2주 뒤 재진","followUp":true,"outcome":"귀가 완료"},"createdAt":"2026-11-28T00:00:00Z","department":"혈액종양내과","dongCode":"41171-03","expectedMinutes":330,"hospital":"한림대학교성심병원","householdID":25,"id":2154,"notes":"","pickupAt":"2026-12-08T23:10:00Z","pickupPlace":"자택","purpose":"chemo","returnTrip":true,"status":"completed","transport":"public_transport","updatedAt":"2026-12-06T00:38:39Z","updatedBy":"root","version":3,"volunteerID":11}');
INSERT INTO audit VALUES(6,1796517519,'root','cancel','request','2200','41171-01','{"appointmentAt":"2026-12-11T02:40:00Z","createdAt":"2026-11-20T00:00:00Z","department":"내과","dongCode":"41171-01","expectedMinutes":120,"hospital":"만안구보건소","householdID":9,"id":2200,"notes":"","pickupAt":"2026-12-11T01:50:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":true,"status":"pending","transport":"walk","updatedAt":"2026-11-20T00:00:00Z","updatedBy":"seed","version":1}','{"appointmentAt":"2026-12-11T02:40:00Z","cancelReason":"보호자 동행","createdAt":"2026-11-20T00:00:00Z","department":"내과","dongCode":"41171-01","expectedMinutes":120,"hospital":"만안구보건소","householdID":9,"id":2200,"notes":"","pickupAt":"2026-12-11T01:50:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":true,"status":"cancelled","transport":"walk","updatedAt":"2026-12-06T00:38:39Z","updatedBy":"root","version":2}');
INSERT INTO audit VALUES(7,1796517519,'root','release','request','2242','41171-01','{"appointmentAt":"2026-12-14T00:30:00Z","assignedAt":"2026-12-01T00:19:00Z","createdAt":"2026-12-01T00:00:00Z","department":"정형외과","dongCode":"41171-01","expectedMinutes":180,"hospital":"서울척병원","householdID":11,"id":2242,"notes":"","pickupAt":"2026-12-13T23:40:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":false,"status":"assigned","transport":"center_vehicle","updatedAt":"2026-12-01T00:19:00Z","updatedBy":"seed","version":1,"volunteerID":2}','{"appointmentAt":"2026-12-14T00:30:00Z","createdAt":"2026-12-01T00:00:00Z","department":"정형외과","dongCode":"41171-01","expectedMinutes":180,"hospital":"서울척병원","householdID":11,"id":2242,"notes":"","pickupAt":"2026-12-13T23:40:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":false,"status":"pending","transport":"center_vehicle","updatedAt":"2026-12-06T00:38:39Z","updatedBy":"root","version":2}');
INSERT INTO audit VALUES(8,1796517519,'root','edit','volunteer','4','41171-01','{"availability":{"windows":[{"end":{"minutes":1080},"start":{"minutes":780},"weekday":1},{"end":{"minutes":1080},"start":{"minutes":540},"weekday":2},{"end":{"minutes":1140},"start":{"minutes":780},"weekday":3},{"end":{"minutes":1140},"start":{"minutes":780},"weekday":4}]},"closed":false,"daysOff":[],"dongCode":"41171-01","gender":"F","hasCar":false,"id":4,"name":"한지우","notes":"","phone":"010-2932-8775","skills":[],"version":1,"weeklyCapMinutes":900}','{"availability":{"windows":[{"end":{"minutes":1080},"start":{"minutes":780},"weekday":1},{"end":{"minutes":1080},"start":{"minutes":540},"weekday":2},{"end":{"minutes":1140},"start":{"minutes":780},"weekday":3},{"end":{"minutes":1140},"start":{"minutes":780},"weekday":4}]},"closed":false,"daysOff":[{"from":{"day":11,"month":1,"year":2027},"reason":"여행","to":{"day":12,"month":1,"year":2027}}],"dongCode":"41171-01","gender":"F","hasCar":false,"id":4,"name":"한지우","notes":"","phone":"010-2932-8775","skills":[],"version":2,"weeklyCapMinutes":900}');
INSERT INTO audit VALUES(9,1796517520,'root','user add','user','park',NULL,NULL,'{"createdAt":"2026-12-06T00:38:40Z","createdBy":"root","displayName":"","dongCodes":["41171-01"],"name":"park","role":"coordinator","updatedAt":"2026-12-06T00:38:40Z","updatedBy":"root"}');
INSERT INTO audit VALUES(10,1796517520,'root','user add','user','choi',NULL,NULL,'{"createdAt":"2026-12-06T00:38:40Z","createdBy":"root","displayName":"","dongCodes":[],"name":"choi","role":"viewer","updatedAt":"2026-12-06T00:38:40Z","updatedBy":"root"}');
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'viewer')),
    -- Dong codes, comma-separated. Not a table with foreign keys: replacing the
    -- demo data deletes and re-inserts the dongs, and a person's scope must survive that.
    dongs TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    CHECK (role != 'coordinator' OR dongs != '')
) WITHOUT ROWID;
INSERT INTO users VALUES('choi','','viewer','',1796517520,'root',1796517520,'root');
INSERT INTO users VALUES('park','','coordinator','41171-01',1796517520,'root',1796517520,'root');
INSERT INTO users VALUES('root','','admin','',1796517518,'root',1796517518,'root');
CREATE INDEX household_by_dong ON household(dong_code);
CREATE INDEX volunteer_by_dong ON volunteer(dong_code);
CREATE INDEX availability_by_slot ON availability_window(weekday, start_minute, end_minute, volunteer_id);
CREATE INDEX availability_by_volunteer ON availability_window(volunteer_id);
CREATE INDEX day_off_by_volunteer ON day_off(volunteer_id);
CREATE INDEX day_off_by_date ON day_off(to_date, from_date);
CREATE INDEX request_by_status_time ON escort_request(status, appointment_at);
CREATE INDEX request_by_time ON escort_request(
    appointment_at, dong_code, status, household_id, volunteer_id, assigned_at, created_at, actual_minutes);
CREATE INDEX request_by_household ON escort_request(household_id, appointment_at);
CREATE UNIQUE INDEX one_active_assignment_per_request ON assignment(request_id) WHERE state = 'active';
CREATE INDEX assignment_by_volunteer ON assignment(volunteer_id, starts_at);
CREATE INDEX assignment_active_by_time ON assignment(starts_at, volunteer_id, ends_at) WHERE state = 'active';
CREATE INDEX assignment_by_household ON assignment(household_id, volunteer_id) WHERE state = 'completed';
CREATE INDEX assignment_by_request ON assignment(request_id);
CREATE INDEX assignment_by_time ON assignment(starts_at);
CREATE TRIGGER assignment_no_overlap BEFORE INSERT ON assignment
WHEN NEW.state = 'active' AND EXISTS (
    SELECT 1 FROM assignment AS other
    WHERE other.state = 'active' AND other.volunteer_id = NEW.volunteer_id
      AND other.starts_at > NEW.starts_at - 86400
      AND other.starts_at < NEW.ends_at + (SELECT CAST(value AS INTEGER) * 60 FROM meta WHERE key = 'travel_buffer_minutes')
      AND other.ends_at + (SELECT CAST(value AS INTEGER) * 60 FROM meta WHERE key = 'travel_buffer_minutes') > NEW.starts_at)
BEGIN
    SELECT RAISE(ABORT, 'honsim: volunteer double-booked');
END;
CREATE INDEX volunteer_load_by_period ON volunteer_load(period, volunteer_id, minutes);
CREATE TRIGGER load_on_insert AFTER INSERT ON assignment
WHEN NEW.state IN ('active', 'completed')
BEGIN
    INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (NEW.volunteer_id, NEW.week_key, NEW.minutes)
        ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = minutes + excluded.minutes;
    INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (NEW.volunteer_id, NEW.month_key, NEW.minutes)
        ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = minutes + excluded.minutes;
END;
CREATE TRIGGER load_on_update AFTER UPDATE OF state, minutes ON assignment
BEGIN
    UPDATE volunteer_load SET minutes = minutes - OLD.minutes
        WHERE OLD.state IN ('active', 'completed') AND volunteer_id = OLD.volunteer_id AND period IN (OLD.week_key, OLD.month_key);
    INSERT INTO volunteer_load (volunteer_id, period, minutes)
        SELECT NEW.volunteer_id, NEW.week_key, NEW.minutes WHERE NEW.state IN ('active', 'completed')
        ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = minutes + excluded.minutes;
    INSERT INTO volunteer_load (volunteer_id, period, minutes)
        SELECT NEW.volunteer_id, NEW.month_key, NEW.minutes WHERE NEW.state IN ('active', 'completed')
        ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = minutes + excluded.minutes;
END;
CREATE TRIGGER load_on_delete AFTER DELETE ON assignment
WHEN OLD.state IN ('active', 'completed')
BEGIN
    UPDATE volunteer_load SET minutes = minutes - OLD.minutes
        WHERE volunteer_id = OLD.volunteer_id AND period IN (OLD.week_key, OLD.month_key);
END;
CREATE INDEX audit_by_time ON audit(at);
CREATE INDEX audit_by_entity ON audit(entity, entity_id);
CREATE TRIGGER volunteer_insert_revision AFTER INSERT ON volunteer
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'volunteers_revision';
END;
CREATE TRIGGER volunteer_update_revision AFTER UPDATE ON volunteer
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'volunteers_revision';
END;
CREATE TRIGGER volunteer_delete_revision AFTER DELETE ON volunteer
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'volunteers_revision';
END;
CREATE TRIGGER availability_window_insert_revision AFTER INSERT ON availability_window
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'volunteers_revision';
END;
CREATE TRIGGER availability_window_update_revision AFTER UPDATE ON availability_window
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'volunteers_revision';
END;
CREATE TRIGGER availability_window_delete_revision AFTER DELETE ON availability_window
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'volunteers_revision';
END;
CREATE TRIGGER day_off_insert_revision AFTER INSERT ON day_off
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'volunteers_revision';
END;
CREATE TRIGGER day_off_update_revision AFTER UPDATE ON day_off
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'volunteers_revision';
END;
CREATE TRIGGER day_off_delete_revision AFTER DELETE ON day_off
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'volunteers_revision';
END;
CREATE TRIGGER dong_insert_revision AFTER INSERT ON dong
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'dongs_revision';
END;
CREATE TRIGGER dong_update_revision AFTER UPDATE ON dong
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'dongs_revision';
END;
CREATE TRIGGER dong_delete_revision AFTER DELETE ON dong
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'dongs_revision';
END;
CREATE TRIGGER dong_former_name_insert_revision AFTER INSERT ON dong_former_name
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'dongs_revision';
END;
CREATE TRIGGER dong_former_name_update_revision AFTER UPDATE ON dong_former_name
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'dongs_revision';
END;
CREATE TRIGGER dong_former_name_delete_revision AFTER DELETE ON dong_former_name
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'dongs_revision';
END;
CREATE INDEX audit_by_user ON audit(user, at);
COMMIT;
