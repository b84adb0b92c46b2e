//===- CheckRunner.h - Run one RUN line of a check test -------------------===//
//
// The process-spawning half of the harness: given a parsed RUN line and a
// driver (a clang-tidy that knows the highwater-* checks), run it in fix mode
// on a copy of the test file and verify messages, notes and fixes with
// FileCheck, as check_clang_tidy.py does; then require that the fixed file
// still compiles.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_TEST_HARNESS_CHECKRUNNER_H
#define HIGHWATER_TEST_HARNESS_CHECKRUNNER_H

#include "RunLine.h"

#include <optional>
#include <string>
#include <vector>

namespace highwater::harness {

/// A clang-tidy executable plus the arguments that make it know our checks.
struct Driver {
  std::string Name;    ///< For test names: [A-Za-z0-9_]+.
  std::string Program; ///< Absolute path.
  std::vector<std::string> LeadingArgs; ///< E.g. --load=<plugin>.
};

struct Tools {
  std::string FileCheck; ///< Absolute path.
  std::string ClangXX;   ///< Absolute path; compiles the fixed file.
  std::string Diff;      ///< Optional (diff -u of the fixes, for messages).
  /// If non-empty, -resource-dir=<it> is put in front of the compiler
  /// arguments given to the driver (a libTooling tool outside the LLVM tree
  /// cannot find stddef.h & co. by itself), unless the RUN line sets one.
  std::string ResourceDir;
  unsigned TimeoutSeconds = 120; ///< Per process.
  bool KeepTemps = false;        ///< Keep the temporary directory on success.
};

/// Result of one spawned process.
struct ProcessResult {
  bool ExecFailed = false; ///< Could not be started at all.
  bool Crashed = false;    ///< Killed by a signal.
  bool TimedOut = false;
  int ExitCode = 0;        ///< Valid if none of the above.
  std::string Message;     ///< Error text from the OS layer.
  std::string Output;      ///< stdout and stderr, interleaved.
  bool ok() const { return !ExecFailed && !Crashed && !TimedOut && !ExitCode; }
  std::string describe() const;
};

/// Runs Argv[0] (an absolute path) with stdin from /dev/null and
/// stdout+stderr into OutputFile, which is read back into Output.
ProcessResult runProcess(const std::vector<std::string> &Argv,
                         const std::string &OutputFile,
                         unsigned TimeoutSeconds);

struct RunResult {
  /// One entry per failed verification, each readable on its own (FileCheck's
  /// report is included verbatim).
  std::vector<std::string> Failures;
  /// Command lines, driver output and the fixes as a diff.
  std::string Context;
  std::string TempDir; ///< Kept when the run failed.
  bool ok() const { return Failures.empty(); }
};

/// Runs one RUN line (with one -std value if the line has -std=) of
/// \p TestFile against \p D.
RunResult runCheck(const std::string &TestFile, const RunSpec &Spec,
                   const std::optional<std::string> &Std, const Driver &D,
                   const Tools &T);

/// Resolves a program name or path to an absolute path ("" if not found).
std::string resolveProgram(const std::string &NameOrPath);

} // namespace highwater::harness

#endif // HIGHWATER_TEST_HARNESS_CHECKRUNNER_H
