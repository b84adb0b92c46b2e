//===--- EraseAllLoopCheck.h - highwater-erase-all-loop --------------------===//

#ifndef HIGHWATER_CHECKS_ERASEALLLOOPCHECK_H
#define HIGHWATER_CHECKS_ERASEALLLOOPCHECK_H

#include "AnalysisUtils.h"
#include "HighwaterOptions.h"
#include "ReleaseAnalysis.h"
#include "SharedFunctionMatcher.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::highwater {

/// Finds loops that remove every element of a long-lived container one at a
/// time, which keeps the container's storage at its high-water mark and
/// costs a pass per element, and suggests releasing the storage at once.
///
/// For the user-facing documentation see:
/// docs/checks/highwater-erase-all-loop.md
class EraseAllLoopCheck : public ClangTidyCheck {
public:
  EraseAllLoopCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

private:
  /// The matcher this check shares with the other highwater checks.
  std::shared_ptr<SharedFunctionMatcher> Functions;
  void diagnoseLoop(const Stmt *Loop, const FunctionScope &Scope,
                    ASTContext &Ctx);

  const SharedOptions Shared;
  const unsigned MinRetainedSlotBytes;
  const LifetimeKindSet ReportedLifetimes;
  const ContainerModel Model;
  ReleaseAnalysis Releases;
  llvm::DenseSet<SourceLocation> ReportedLoops;
};

} // namespace clang::tidy::highwater

#endif
