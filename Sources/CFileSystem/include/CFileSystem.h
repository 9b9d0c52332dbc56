#ifndef HONSIM_CFILESYSTEM_H
#define HONSIM_CFILESYSTEM_H

#include <stdint.h>

/// The kernel's magic number for the file system that holds `path` (statfs f_type), or -1
/// when it cannot be said (no such path, or a system without statfs f_type). Swift's Glibc
/// module does not bring <sys/vfs.h>, so this is asked in C.
int64_t honsim_file_system_type(const char *path);

#endif
