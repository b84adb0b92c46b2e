//===--- TruncateWithoutShrinkCheck.h - highwater-truncate-without-shrink -===//

#ifndef HIGHWATER_CHECKS_TRUNCATEWITHOUTSHRINKCHECK_H
#define HIGHWATER_CHECKS_TRUNCATEWITHOUTSHRINKCHECK_H

#include "AnalysisUtils.h"
#include "ContainerModel.h"
#include "ContainerUses.h"
#include "LifetimeModel.h"
#include "HighwaterOptions.h"
#include "ReleaseAnalysis.h"
#include "SharedFunctionMatcher.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::highwater {

/// Finds long-lived containers emptied or truncated in a way that keeps
/// their storage at its high-water mark (clear(), resize(n), erase to the
/// end, `x = {}`), with no release afterwards, and suggests the release
/// idiom that works for the type.
///
/// For the user-facing documentation see:
/// docs/checks/highwater-truncate-without-shrink.md
class TruncateWithoutShrinkCheck : public ClangTidyCheck {
public:
  TruncateWithoutShrinkCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

private:
  /// The matcher this check shares with the other highwater checks.
  std::shared_ptr<SharedFunctionMatcher> Functions;
  struct Candidate {
    const Expr *Site;      ///< The call or assignment that empties.
    const Expr *Container; ///< The container object at the site.
    const FunctionScope *Scope;
    bool InsideLoop; ///< The site is in a loop of its function.
  };
  void diagnose(const Candidate &C, ASTContext &Ctx);
  /// The default mode's filter: a container fed unbounded data and emptied
  /// in a cycle, with slots big enough to matter.
  bool isRiskyCycle(const Candidate &C, const ContainerInfo &Info,
                    const Lifetime &Life, const FunctionDecl *Function,
                    ASTContext &Ctx) const;

  const SharedOptions Shared;
  const unsigned MinRetainedSlotBytes;
  const ReportMode Mode;
  const LifetimeKindSet ReportedLifetimes;
  const ContainerModel Model;
  ReleaseAnalysis Releases;
  FillIndex Fills;
  std::vector<Candidate> Candidates;
  std::vector<std::unique_ptr<FunctionScope>> Scopes;
  ASTContext *Context = nullptr;
  llvm::DenseSet<SourceLocation> Reported;
};

} // namespace clang::tidy::highwater

#endif
