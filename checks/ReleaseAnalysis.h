//===--- ReleaseAnalysis.h - is the storage given back afterwards? --------===//
//
// Release detection: after an emptying site, does every path through the
// rest of the function release the container's storage? Uses clang's CFG, so
// a release on one branch only, or only before the next cycle's emptying,
// does not count.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_CHECKS_RELEASEANALYSIS_H
#define HIGHWATER_CHECKS_RELEASEANALYSIS_H

#include "ContainerModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>

namespace clang::tidy::highwater {

/// True when \p S, a statement or expression, releases the storage of
/// \p Container: shrink_to_fit(), rehash(0)/reserve(0) on a hash table,
/// swap with a temporary or a local, assignment from a fresh container
/// (never `= {}`, and never `s = std::string()` for a string), or
/// std::exchange. Recognises member calls, std::swap and operator=.
bool isReleaseOf(const Stmt *S, const Expr *Container,
                 const ContainerInfo &Info, ASTContext &Ctx);

/// True when \p S assigns an empty value to the container in a way that
/// keeps its storage: `x = {}` (initializer-list assignment) on a vector,
/// string or unordered container, `x = ""`, and `s = std::string()`.
bool isStorageKeepingAssignment(const Stmt *S, const Expr *Container,
                                const ContainerInfo &Info, ASTContext &Ctx);

/// True when \p Body looks at the container's capacity() or bucket_count():
/// its author manages the storage on purpose (the bounded policy), so an
/// emptying there is a decision, not an oversight.
bool managesCapacity(const Stmt *Body, const Expr *Container,
                     const ASTContext &Ctx);

/// Builds and caches one CFG per function for the checks of one TU.
class ReleaseAnalysis {
public:
  /// True when every path from the end of \p Site (a statement inside
  /// \p Function's body, or a loop, whose exit is taken) to the function's
  /// exit releases \p Container before it reaches the exit or \p Site again.
  /// False when it cannot tell (no CFG).
  bool releasedOnEveryPathAfter(const Stmt *Site, const Expr *Container,
                                const ContainerInfo &Info,
                                const FunctionDecl *Function, ASTContext &Ctx);

  /// The same walk with the check's own notion of a release: true when every
  /// path from the end of \p Site reaches a statement for which
  /// \p IsRelease holds before the function's exit or \p Site again.
  bool everyPathAfterReaches(const Stmt *Site, const FunctionDecl *Function,
                             ASTContext &Ctx,
                             llvm::function_ref<bool(const Stmt *)> IsRelease);

  void reset() { Cache.clear(); }

private:
  struct FunctionCFG {
    std::unique_ptr<CFG> Graph;
    llvm::DenseMap<const Stmt *, const CFGBlock *> BlockOf;
  };
  FunctionCFG *get(const FunctionDecl *Function, ASTContext &Ctx);
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionCFG>> Cache;
};

} // namespace clang::tidy::highwater

#endif
