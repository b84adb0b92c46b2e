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
#include "llvm/ADT/DenseSet.h"

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

/// Remembers, for one translation unit, which containers are filled from
/// data of unbounded size: an insertion inside a loop, an insertion or
/// assignment of a range or another container, a resize to a runtime size,
/// or the container handed to a function by non-const reference (a reader
/// filling a buffer).
class FillIndex {
public:
  /// Looks at a call or operator on a container, or a call that passes one;
  /// \p InsideLoop tells whether the call is in a loop's body.
  void observe(const CallExpr *Call, bool InsideLoop, ASTContext &Ctx);
  bool isFilledUnbounded(const ValueDecl *D) const {
    return D && Unbounded.contains(cast<ValueDecl>(D->getCanonicalDecl()));
  }
  void clear() { Unbounded.clear(); }

private:
  void mark(const Expr *Container);
  llvm::DenseSet<const ValueDecl *> Unbounded;
};

} // namespace clang::tidy::highwater

#endif
