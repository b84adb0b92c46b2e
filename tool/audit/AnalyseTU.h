//===--- AnalyseTU.h - the child process: one translation unit ------------===//
//
// The parent never parses code itself: each TU is analysed in a child process
// of the same binary, so that a crash in clang or in a check loses that TU
// only. The parent writes a job file, the child writes a TUResult as JSON.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_TOOL_AUDIT_ANALYSETU_H
#define HIGHWATER_TOOL_AUDIT_ANALYSETU_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>

namespace highwater::audit {

/// The hidden subcommand the parent starts children with.
inline constexpr const char *AnalyseSubcommand = "__analyse-tu";

struct Job {
  enum Kind { Analyse, ListDependencies };
  Kind What = Analyse;
  clang::tooling::CompileCommand Command;
  std::optional<std::string> Checks;
};

llvm::json::Value toJSON(const Job &J);
std::optional<Job> jobFromJSON(const llvm::json::Value &V);

/// `highwater __analyse-tu JOB RESULT`: runs \p JobPath, writes the result to
/// \p ResultPath. Returns the process exit code.
int analyseMain(const char *Argv0, llvm::StringRef JobPath,
                llvm::StringRef ResultPath);

} // namespace highwater::audit

#endif
