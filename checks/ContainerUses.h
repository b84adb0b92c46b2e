//===--- ContainerUses.h - what code does to a container ------------------===//
//
// Classifies calls on a container (removal of one element, insertion,
// observation) and answers the questions every check asks of a loop body:
// can it refill the container, and can it stop early?
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_CHECKS_CONTAINERUSES_H
#define HIGHWATER_CHECKS_CONTAINERUSES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::highwater {

/// A member call \p Call on a container that removes exactly one element:
/// pop_back, pop_front, pop, or erase with one argument.
bool isSingleElementRemoval(const CXXMemberCallExpr *Call);

/// The name of a member function that adds elements (push_back, insert,
/// emplace, operator[] on maps, resize, assign, append...).
bool isInsertionMethodName(StringRef Name);

/// The container a member call acts on (implicit object, `p->` stripped).
const Expr *calledObject(const CXXMemberCallExpr *Call);

/// True when running \p Body may add elements to \p Container: an insertion
/// on it, the container passed by non-const reference or pointer, or (for a
/// member or global) a call to a function that may touch it. Looks into the
/// bodies of called functions of the same class up to a small depth.
bool mayRefill(const Stmt *Body, const Expr *Container, ASTContext &Ctx);

/// True when \p Body can leave the loop it belongs to before the loop's own
/// condition does: break (not of a nested loop or switch), return, goto,
/// throw, co_return.
bool canExitEarly(const Stmt *Body);

/// True when \p E mentions the same container as \p Container anywhere.
bool mentionsContainer(const Stmt *E, const Expr *Container,
                       const ASTContext &Ctx);

/// The field or variable an expression names as a container (`this->m_`,
/// `obj.m_`, `g`), or null.
const ValueDecl *namedContainerDecl(const Expr *E);

/// True when emptying \p Container at \p Site in \p Body gives nothing
/// back to hold on to: the container was moved from before the site (its
/// storage went with the move), its owner was created by `new` in this
/// function (it is still empty), or its owner is deleted after the site
/// (`delete this;`, `delete p;`).
bool isEmptyingMoot(const Stmt *Body, const Expr *Site, const Expr *Container,
                    const ASTContext &Ctx);

/// True when \p S holds a call of a method named one of \p Methods on
/// \p Container (`c.size()`, `c.capacity()`) that \p Accept, when given,
/// accepts.
bool callsMethodOn(
    const Stmt *S, const Expr *Container, ArrayRef<StringRef> Methods,
    const ASTContext &Ctx,
    llvm::function_ref<bool(const CXXMemberCallExpr *)> Accept = nullptr);

/// True when \p Body calls `reserve` or `clear` on \p Container before
/// \p Site: a resize after it sets the container up rather than truncating
/// it.
bool isSetUpBefore(const Stmt *Body, const Expr *Site, const Expr *Container,
                   const ASTContext &Ctx);

/// A call of std::remove, remove_if, unique, partition or stable_partition,
/// or of their std::ranges forms.
bool isRemoveFamilyCall(const CallExpr *Call);

/// The erase-remove idiom, `c.erase(std::remove_if(...), c.end())`: a
/// filter of a container that stays in use, not an emptying.
bool isEraseRemoveIdiom(const CXXMemberCallExpr *Erase);

/// Remembers, for one translation unit, which containers are filled from
/// data of unbounded size: an insertion inside a loop, an insertion or
/// assignment of a range or another container, a resize to a runtime size,
/// or the container handed in a loop to a function by non-const reference
/// (a reader filling a buffer) when that loop does not also empty it. A
/// string counts only when it grows in a loop or is resized to a runtime
/// size: assigning one value (a key, a path, a name) is not a stream of
/// data.
class FillIndex {
public:
  /// Looks at a call or operator on a container, or a call that passes one;
  /// \p Loop is the innermost loop around the call (null outside loops),
  /// \p Function the function whose body holds it.
  void observe(const CallExpr *Call, const Stmt *Loop,
               const FunctionDecl *Function, ASTContext &Ctx);
  /// Records that \p Container is emptied or reassigned in \p Loop (null
  /// outside loops): a reader that loop hands it to then fills it with one
  /// call's output per iteration, not a stream (clear, decode one item,
  /// use it).
  void observeEmptying(const Expr *Container, const Stmt *Loop);
  /// Whether \p D is filled from unbounded data anywhere, or, with
  /// \p OutsideOf, in a function other than that one.
  bool isFilledUnbounded(const ValueDecl *D, bool IsString,
                         const FunctionDecl *OutsideOf = nullptr) const;
  /// Whether \p Function fills \p D from unbounded data after \p Site.
  bool isRefilledAfter(const ValueDecl *D, bool IsString,
                       const FunctionDecl *Function, const Stmt *Site,
                       const SourceManager &SM) const;
  void clear() {
    Fills.clear();
    EmptiedInLoop.clear();
  }

private:
  struct Fill {
    const FunctionDecl *Function;
    SourceLocation Where;
    bool CountsForStrings;
    /// For a container handed to a reader in a loop: that loop. The fill
    /// counts only if the loop does not empty the container too.
    const Stmt *ReaderLoop = nullptr;
  };
  void mark(const Expr *Container, const CallExpr *Call,
            const FunctionDecl *Function, bool CountsForStrings,
            const Stmt *ReaderLoop = nullptr);
  /// Marks the containers \p Call hands by non-const reference or pointer
  /// to its callee, a function or another object's method, when inside
  /// \p Loop.
  void markReaderArguments(const CallExpr *Call, const Stmt *Loop,
                           const FunctionDecl *Function);
  /// Whether a fill of \p D that counts for its kind satisfies \p Pred.
  bool anyFill(const ValueDecl *D, bool IsString,
               llvm::function_ref<bool(const Fill &)> Pred) const;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<Fill, 2>> Fills;
  llvm::DenseSet<std::pair<const ValueDecl *, const Stmt *>> EmptiedInLoop;
};

} // namespace clang::tidy::highwater

#endif
