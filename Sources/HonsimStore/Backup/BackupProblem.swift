import HonsimCore

/// Why `honsim backup` or `honsim restore` did nothing, in one sentence each.
public enum BackupProblem: Sendable, Equatable {
    /// The folder a backup was to go into does not exist.
    case folderMissing(path: String)
    /// The folder filled up (or a size limit was reached) while the copy was written.
    case full(folder: String)
    /// Another failure of the file system while writing the copy.
    case cannotWrite(path: String, reason: String)
    /// The copy was made but does not pass `PRAGMA integrity_check` or `honsim check`.
    case copyFailsChecks(reason: String)
    /// A file given to restore that is not a honsim store.
    case notAStore(path: String)
    /// The store to replace is open in another process (a dashboard, the kiosk).
    case storeInUse(path: String)
    /// `pg_dump` is not installed where honsim looks for it.
    case pgDumpMissing
    /// `pg_dump` ran and failed; its first line of complaint.
    case pgDumpFailed(status: Int32, message: String)
    /// Restore onto PostgreSQL is pg_restore's job.
    case restoreOnServer(location: String)

    public func message(_ language: Language) -> String {
        let ko = language == .ko
        switch self {
        case .folderMissing(let path):
            return ko ? "백업 폴더가 없습니다. 먼저 만드세요(아무것도 쓰지 않음): \(path)"
                : "the backup folder does not exist; create it first (nothing was written): \(path)"
        case .full(let folder):
            return ko ? "백업 폴더에 공간이 부족해 백업하지 못했습니다(반쯤 쓴 파일은 지움, 저장소는 그대로): \(folder)"
                : "no space left in the backup folder; nothing was kept (the half-written copy was removed, the store is untouched): \(folder)"
        case .cannotWrite(let path, let reason):
            return ko ? "백업 파일을 쓸 수 없습니다(\(reason), 저장소는 그대로): \(path)"
                : "cannot write the backup (\(reason); the store is untouched): \(path)"
        case .copyFailsChecks(let reason):
            return ko ? "복사본이 점검을 통과하지 못해 남기지 않았습니다: \(reason)"
                : "the copy failed its checks and was not kept: \(reason)"
        case .notAStore(let path):
            return ko ? "honsim 저장소(또는 그 백업)가 아니라서 아무것도 바꾸지 않았습니다: \(path)"
                : "not a honsim store or backup; nothing was replaced: \(path)"
        case .storeInUse(let path):
            return ko ? "다른 프로그램(현황판, 키오스크)이 저장소를 열고 있어 되돌리지 않았습니다. 모두 닫고 다시 하세요: \(path)"
                : "the store is open in another process (a dashboard, the kiosk); close them all and try again, nothing was replaced: \(path)"
        case .pgDumpMissing:
            return ko ? "pg_dump가 없어 PostgreSQL 저장소를 백업할 수 없습니다. postgresql-client를 설치하세요(sudo apt install postgresql-client)"
                : "pg_dump is not installed, so a PostgreSQL store cannot be backed up; install postgresql-client (sudo apt install postgresql-client)"
        case .pgDumpFailed(let status, let message):
            return ko ? "pg_dump가 실패했습니다(종료 코드 \(status)): \(message)" : "pg_dump failed (exit status \(status)): \(message)"
        case .restoreOnServer(let location):
            return ko ? "PostgreSQL 저장소는 pg_restore로 되돌립니다: pg_restore --clean --if-exists -d '\(location)' 백업파일"
                : "a PostgreSQL store is restored with pg_restore: pg_restore --clean --if-exists -d '\(location)' BACKUP-FILE"
        }
    }
}
