//===--- Children.h - TUs analysed in child processes ---------------------===//
//
// The audit runs each TU in a child process of its own binary (AnalyseTU.h),
// so that a crash or a hang costs that TU only, and stops them cleanly on
// SIGINT or SIGTERM.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_TOOL_AUDIT_CHILDREN_H
#define HIGHWATER_TOOL_AUDIT_CHILDREN_H

#include "AnalyseTU.h"
#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace highwater::audit {

/// While enabled, SIGINT and SIGTERM set a flag instead of killing us.
void stopOnInterrupt(bool Enable);
/// Whether SIGINT or SIGTERM arrived while stopOnInterrupt was enabled.
bool interrupted();

/// Shows progress on stderr: a bar on a terminal, a line every ten seconds
/// otherwise, nothing when quiet.
class Progress {
public:
  Progress(llvm::StringRef What, size_t Total, bool Quiet);
  void update(size_t Done, size_t Findings, bool Force = false);

private:
  std::string What;
  size_t Total;
  bool Quiet, OnTerminal;
  std::chrono::steady_clock::time_point Start, LastLine;
};

/// Runs \p Jobs in child processes of \p Self, at most \p Parallel at once,
/// and calls \p Done with each result (a failed TUResult when the child
/// crashed or timed out). Returns false when interrupted: the children still
/// running are stopped and their jobs get no result.
bool runChildren(const std::string &Self, llvm::StringRef TempDir,
                 const std::vector<Job> &Jobs, unsigned Parallel,
                 unsigned TimeoutSeconds, Progress &Bar,
                 const std::function<void(size_t, TUResult)> &Done,
                 const std::function<size_t()> &FindingsSoFar);

/// The last \p Count lines of the file at \p Path, joined by " / ".
std::string lastLines(llvm::StringRef Path, size_t Count);

} // namespace highwater::audit

#endif
