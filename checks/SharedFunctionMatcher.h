//===--- SharedFunctionMatcher.h - one matcher for every highwater check -===//
//
// Every highwater check analyses the same nodes: the function definitions
// of the user's code. With one matcher per check, clang-tidy's MatchFinder
// evaluates the matcher and builds a match result once per check for each
// function; on a TU with large user headers that was a third of the checks'
// whole cost (bench/README.md). The checks subscribe here instead, and the
// first one to subscribe for a MatchFinder registers a single matcher that
// hands each match, and the start and end of each translation unit, to
// every subscribed check in subscription order.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_CHECKS_SHAREDFUNCTIONMATCHER_H
#define HIGHWATER_CHECKS_SHAREDFUNCTIONMATCHER_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang::tidy::highwater {

class SharedFunctionMatcher
    : public ast_matchers::MatchFinder::MatchCallback {
public:
  using MatchCallback = ast_matchers::MatchFinder::MatchCallback;

  /// Subscribes \p Check (a ClangTidyCheck) to the function definitions
  /// \p Finder matches. The check keeps the returned handle: the shared
  /// matcher lives as long as its checks, which clang-tidy and clangd
  /// destroy together with their MatchFinder.
  static std::shared_ptr<SharedFunctionMatcher>
  subscribe(ast_matchers::MatchFinder *Finder, MatchCallback *Check);

  explicit SharedFunctionMatcher(ast_matchers::MatchFinder *Finder)
      : Finder(Finder) {}
  ~SharedFunctionMatcher() override;

  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;
  /// The name --enable-check-profile shows for the three checks together.
  StringRef getID() const override { return "highwater-*"; }

private:
  ast_matchers::MatchFinder *Finder;
  llvm::SmallVector<MatchCallback *, 3> Checks;
};

} // namespace clang::tidy::highwater

#endif
