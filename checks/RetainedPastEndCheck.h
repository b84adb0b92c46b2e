//===--- RetainedPastEndCheck.h - highwater-retained-past-end -------------===//

#ifndef HIGHWATER_CHECKS_RETAINEDPASTENDCHECK_H
#define HIGHWATER_CHECKS_RETAINEDPASTENDCHECK_H

#include "AnalysisUtils.h"
#include "HighwaterOptions.h"
#include "SharedFunctionMatcher.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include <set>

namespace clang::tidy::highwater {

/// How a statement moves an index: back by one, back by several, or
/// forward around a ring (`(i + 1) % N`, `(i + 1) & Mask`).
enum class MoveKind { None, Single, Bulk, Advance };

/// Finds arrays and vectors of pointers or owning objects whose logical end,
/// kept by the code in an integer, moves back while the vacated slots keep
/// what they held: the objects stay alive (or a stale pointer survives).
///
/// For the user-facing documentation see:
/// docs/checks/highwater-retained-past-end.md
class RetainedPastEndCheck : public ClangTidyCheck {
public:
  RetainedPastEndCheck(StringRef Name, ClangTidyContext *Context);
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
  /// A statement that moves an index: `--n`, `n -= k`, `n = 0`,
  /// `head = (head + 1) % N`.
  struct IndexMove {
    const Expr *Site;
    const ValueDecl *Index;
    const FunctionScope *Scope;
    MoveKind Kind;
    std::string NewEnd; ///< The new end as written, for a bulk move.
  };
  struct RemoveCall {
    const CallExpr *Call;
    const FunctionScope *Scope;
  };
  void collect(const FunctionDecl *Function, ASTContext &Ctx);
  void diagnoseMove(const IndexMove &Move, ASTContext &Ctx);
  void diagnoseRemove(const RemoveCall &Remove, ASTContext &Ctx);
  bool reportable(const struct SlotContents &Slot, QualType Element) const;

  const SharedOptions Shared;
  const ReportMode Mode;
  const bool ReportStalePointers;
  const bool ReportPlainValues;
  const ContainerModel Model;

  /// Index -> the slot arrays written at that index (`items_[count_++] = p`).
  llvm::DenseMap<const ValueDecl *, llvm::SmallSetVector<const ValueDecl *, 2>>
      WrittenAt;
  /// Index -> the slot arrays read at that index.
  llvm::DenseMap<const ValueDecl *, llvm::SmallSetVector<const ValueDecl *, 2>>
      ReadAt;
  std::vector<IndexMove> Moves;
  std::set<std::pair<SourceLocation, std::string>> Reported;
  llvm::DenseSet<const ValueDecl *> RingCursors;
  std::vector<RemoveCall> RemoveCalls;
  std::vector<std::unique_ptr<FunctionScope>> Scopes;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::highwater

#endif
