//===--- HighwaterMain.cpp - the `highwater` audit tool -------------------===//
//
// `highwater audit` audits a whole compilation database with clang-tidy's
// engine, linked in: the highwater checks and every clang-tidy check.
// `highwater merge` combines the reports of audit shards.
//
//===----------------------------------------------------------------------===//

#include "AnalyseTU.h"
#include "Audit.h"
#include "Report.h"
#include "clang-tidy/ClangTidyForceLinker.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace clang::tidy {
extern volatile int HighwaterModuleAnchorSource;
[[maybe_unused]] static int HighwaterModuleAnchorDestination =
    HighwaterModuleAnchorSource;
} // namespace clang::tidy

static constexpr const char *Usage =
    R"(usage: highwater audit -p <build dir or compile_commands.json> [options] [paths or regexes...]
       highwater merge REPORT... [--format text|json|sarif] [-o FILE] [--html FILE]
       highwater --version
'highwater audit --help' lists the options of an audit.
)";

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  std::vector<llvm::StringRef> Args(argv + 1, argv + argc);
  if (Args.empty()) {
    llvm::errs() << Usage;
    return highwater::audit::ExitUsage;
  }
  llvm::StringRef Command = Args.front();
  llvm::ArrayRef<llvm::StringRef> Rest = llvm::ArrayRef(Args).drop_front();
  if (Command == highwater::audit::AnalyseSubcommand) {
    if (Rest.size() != 2) {
      llvm::errs() << "highwater: error: " << Command
                   << " is internal: JOB RESULT\n";
      return highwater::audit::ExitUsage;
    }
    return highwater::audit::analyseMain(argv[0], Rest[0], Rest[1]);
  }
  if (Command == "audit")
    return highwater::audit::auditMain(argv[0], Rest);
  if (Command == "merge")
    return highwater::audit::mergeMain(Rest);
  if (Command == "--version") {
    llvm::outs() << "highwater " << highwater::audit::toolVersion() << "\n";
    return highwater::audit::ExitClean;
  }
  if (Command == "--help" || Command == "-h") {
    llvm::outs() << Usage;
    return highwater::audit::ExitClean;
  }
  llvm::errs() << "highwater: error: unknown command '" << Command << "'\n"
               << Usage;
  return highwater::audit::ExitUsage;
}
