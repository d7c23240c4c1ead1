// Linked into bootstrap by infra/lib/zig-clang when it links against an old glibc's stubs (2.26 for
// provided.al2). The Swift runtime and GCC's static libstdc++ were compiled against this machine's newer glibc
// headers, so they refer to a few things that glibc 2.26 does not have; each is supplied here.

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>

// glibc 2.32 added this flag, which libstdc++ reads to skip atomic reference counting in single-threaded
// programs. Zero means "maybe threaded", so libstdc++ always uses atomics: always correct, and the process is
// multi-threaded anyway.
char __libc_single_threaded = 0;

// glibc 2.36 added arc4random; libstdc++'s std::random_device uses it. The getrandom system call
// (Linux 3.17, older than every Lambda kernel) gives the same quality of randomness.
uint32_t arc4random(void) {
  uint32_t value;
  unsigned char *next = (unsigned char *)&value;
  size_t missing = sizeof value;
  while (missing > 0) {
    long got = syscall(SYS_getrandom, next, missing, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      // Nothing sensible to return without randomness; arc4random cannot fail either.
      __builtin_trap();
    }
    next += got;
    missing -= (size_t)got;
  }
  return value;
}

// Objects compiled against glibc 2.34+ headers ask sysconf for _SC_MINSIGSTKSZ (249) and _SC_SIGSTKSZ (250)
// where SIGSTKSZ used to be a constant. Older glibc answers -1 (unknown name), which sizes a signal stack at
// -1 bytes. Answer as glibc 2.34 does: the kernel's minimum signal frame (AT_MINSIGSTKSZ), at least the old
// MINSIGSTKSZ constant, and four times that, at least SIGSTKSZ, for a usable stack.
#if defined(__aarch64__)
enum { legacy_minimum_signal_stack = 5120, legacy_signal_stack = 16384 };
#else
enum { legacy_minimum_signal_stack = 2048, legacy_signal_stack = 8192 };
#endif
enum { name_minimum_signal_stack = 249, name_signal_stack = 250, auxv_minimum_signal_stack = 51 };

long __sysconf(int name);

long sysconf(int name) {
  if (name != name_minimum_signal_stack && name != name_signal_stack) return __sysconf(name);
  long minimum = (long)getauxval(auxv_minimum_signal_stack);
  if (minimum < legacy_minimum_signal_stack) minimum = legacy_minimum_signal_stack;
  if (name == name_minimum_signal_stack) return minimum;
  return 4 * minimum < legacy_signal_stack ? legacy_signal_stack : 4 * minimum;
}

// SwiftPM names an executable's entry point <product>_main and links with `--defsym main=<product>_main`,
// which Zig's linker driver does not accept; this forwards to it instead.
#ifdef SWIFT_ENTRY_POINT
int SWIFT_ENTRY_POINT(int argc, char **argv);

int main(int argc, char **argv) { return SWIFT_ENTRY_POINT(argc, argv); }
#endif
