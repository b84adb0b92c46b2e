//===--- LifetimeModel.h - why an emptied container is long-lived ---------===//
//
// A container emptied and then destroyed costs nothing; one that lives on
// keeps its storage. The lifetime model tells, for the container expression
// at an emptying site, why the container outlives that site (or that it does
// not).
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_CHECKS_LIFETIMEMODEL_H
#define HIGHWATER_CHECKS_LIFETIMEMODEL_H

#include "AnalysisUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <bitset>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::highwater {

enum class LifetimeKind {
  Member,           ///< Non-static data member (through this or an object).
  Global,           ///< Namespace-scope variable.
  StaticMember,     ///< Static data member.
  FunctionStatic,   ///< Function-local static.
  ThreadLocal,      ///< thread_local variable.
  LoopCarriedLocal, ///< Local declared outside a loop, emptied inside it.
  CallerOwned,      ///< Reached through a reference or pointer parameter.
  Count
};

using LifetimeKindSet = std::bitset<static_cast<size_t>(LifetimeKind::Count)>;

/// Parses "member;global;..." into a set; unknown names go to \p Unknown.
LifetimeKindSet parseLifetimeKinds(StringRef Spec,
                                   std::vector<std::string> *Unknown = nullptr);
StringRef lifetimeKindName(LifetimeKind Kind);

struct Lifetime {
  LifetimeKind Kind = LifetimeKind::Member;
  /// The declaration of the container (a FieldDecl or VarDecl).
  const ValueDecl *Decl = nullptr;
  /// The class that owns a member.
  const CXXRecordDecl *Owner = nullptr;
  /// Reached through a reference or pointer whose object may be shared:
  /// a fix that replaces the container's value is not certainly safe.
  bool ThroughAlias = false;
  /// A loop-carried local that lives across an open-ended loop (`while`,
  /// `do`, `for (;;)`: a service or batch cycle), not only across loops
  /// over a range or a count, which end with the function.
  bool AcrossOpenEndedLoop = false;

  /// "a data member of 'Cache'" and the like, for diagnostics.
  std::string describe() const;
};

/// Why the container denoted by \p ContainerExpr outlives \p Site (the
/// emptying statement), or std::nullopt when it is a local or temporary
/// that dies after it, or when the expression is not understood.
std::optional<Lifetime> classifyLifetime(const Expr *ContainerExpr,
                                         const Stmt *Site,
                                         const FunctionScope &Scope,
                                         ASTContext &Ctx);

/// True when \p A and \p B denote the same container object, spelled the
/// same way (this->m_ and m_ are the same).
bool isSameContainer(const Expr *A, const Expr *B, const ASTContext &Ctx);

/// The object a member call or operator acts on, with parens, implicit
/// casts and a dereference of `p->` stripped.
const Expr *containerObject(const Expr *E);

} // namespace clang::tidy::highwater

#endif
