//===--- LifetimeModel.cpp ------------------------------------------------===//

#include "LifetimeModel.h"
#include "AnalysisUtils.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::highwater {

static constexpr StringRef KindNames[] = {
    "member",       "global",             "static-member", "function-static",
    "thread-local", "loop-carried-local", "caller-owned"};

StringRef lifetimeKindName(LifetimeKind Kind) {
  return KindNames[static_cast<size_t>(Kind)];
}

LifetimeKindSet parseLifetimeKinds(StringRef Spec,
                                   std::vector<std::string> *Unknown) {
  LifetimeKindSet Set;
  llvm::SmallVector<StringRef, 8> Names;
  Spec.split(Names, ';', -1, false);
  for (StringRef Name : Names) {
    Name = Name.trim();
    if (Name.empty())
      continue;
    const auto *It = llvm::find(KindNames, Name);
    if (It == std::end(KindNames)) {
      if (Unknown)
        Unknown->push_back(Name.str());
      continue;
    }
    Set.set(It - std::begin(KindNames));
  }
  return Set;
}

std::string Lifetime::describe() const {
  std::string Owned = Owner ? " of '" + Owner->getNameAsString() + "'" : "";
  switch (Kind) {
  case LifetimeKind::Member:
    return "a data member" + Owned;
  case LifetimeKind::Global:
    return "a global";
  case LifetimeKind::StaticMember:
    return "a static data member" + Owned;
  case LifetimeKind::FunctionStatic:
    return "a function-local static";
  case LifetimeKind::ThreadLocal:
    return "a thread_local";
  case LifetimeKind::LoopCarriedLocal:
    return "a local that outlives the loop emptying it on every cycle";
  case LifetimeKind::CallerOwned:
    return "owned by the caller through a parameter";
  case LifetimeKind::Count:
    break;
  }
  return "long-lived";
}

const Expr *containerObject(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_Deref)
      return UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if (Op->getOperator() == OO_Star && Op->getNumArgs() == 1)
      return Op->getArg(0)->IgnoreParenImpCasts();
  return E;
}

/// `this`, however it is spelled: implicit, `this->`, `(*this).`.
static bool isThis(const Expr *E) {
  return E && isa<CXXThisExpr>(containerObject(E));
}

bool isSameContainer(const Expr *A, const Expr *B, const ASTContext &Ctx) {
  if (!A || !B)
    return false;
  A = containerObject(A);
  B = containerObject(B);
  // Member accesses compare by member and object, so that `m_`, `this->m_`
  // and `(*this).m_` are one container.
  const auto *MA = dyn_cast<MemberExpr>(A);
  const auto *MB = dyn_cast<MemberExpr>(B);
  if (MA && MB) {
    if (MA->getMemberDecl()->getCanonicalDecl() !=
        MB->getMemberDecl()->getCanonicalDecl())
      return false;
    if (isThis(MA->getBase()) || isThis(MB->getBase()))
      return isThis(MA->getBase()) && isThis(MB->getBase());
    return isSameContainer(MA->getBase(), MB->getBase(), Ctx);
  }
  if (MA || MB) {
    // A static data member may be named either way.
    const ValueDecl *DA = MA ? MA->getMemberDecl() : nullptr;
    const ValueDecl *DB = MB ? MB->getMemberDecl() : nullptr;
    if (const auto *R = dyn_cast<DeclRefExpr>(MA ? B : A))
      (MA ? DB : DA) = R->getDecl();
    return DA && DB && isa<VarDecl>(DA) &&
           DA->getCanonicalDecl() == DB->getCanonicalDecl();
  }
  if (const auto *RA = dyn_cast<DeclRefExpr>(A))
    if (const auto *RB = dyn_cast<DeclRefExpr>(B))
      return RA->getDecl()->getCanonicalDecl() == RB->getDecl()->getCanonicalDecl();
  llvm::FoldingSetNodeID IdA, IdB;
  A->Profile(IdA, Ctx, /*Canonical=*/true);
  B->Profile(IdB, Ctx, /*Canonical=*/true);
  return IdA == IdB;
}

static bool isLoop(const Stmt *S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

/// True when each iteration of \p Loop gets a fresh \p Var: declared in its
/// body, or as its condition or range variable. A for-init variable lives
/// across the iterations.
static bool isDeclaredPerIteration(const VarDecl *Var, const Stmt *Loop,
                                   const SourceManager &SM) {
  const Stmt *Body = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    if (For->getConditionVariable() == Var)
      return true;
    Body = For->getBody();
  } else if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    if (While->getConditionVariable() == Var)
      return true;
    Body = While->getBody();
  } else if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    Body = Do->getBody();
  } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop)) {
    if (Range->getLoopVariable() == Var)
      return true;
    Body = Range->getBody();
  }
  if (!Body)
    return false;
  SourceRange R = Body->getSourceRange();
  SourceLocation DeclLoc = Var->getLocation();
  return !SM.isBeforeInTranslationUnit(DeclLoc, R.getBegin()) &&
         !SM.isBeforeInTranslationUnit(R.getEnd(), DeclLoc);
}

/// A loop that runs until something stops it (`while`, `do`, `for (;;)`),
/// rather than over a range or a count.
static bool isOpenEndedLoop(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return !For->getInc();
  return isa<WhileStmt, DoStmt>(Loop);
}

/// The loops between \p Site and the function body (or the lambda body
/// holding it) that do not contain \p Var's declaration: the variable lives
/// across their iterations.
static llvm::SmallVector<const Stmt *, 2>
loopsCarrying(const VarDecl *Var, const Stmt *Site, const FunctionScope &Scope,
              const SourceManager &SM) {
  llvm::SmallVector<const Stmt *, 2> Loops;
  for (const Stmt *Parent = Scope.parentOf(Site); Parent;
       Parent = Scope.parentOf(Parent)) {
    if (isa<LambdaExpr>(Parent))
      break; // The lambda's own body ends here.
    if (isLoop(Parent) && !isDeclaredPerIteration(Var, Parent, SM))
      Loops.push_back(Parent);
  }
  return Loops;
}

/// The range a range-for variable walks, when \p Site is in that loop.
static const Expr *rangeOfLoopVariable(const VarDecl *Var, const Stmt *Site,
                                       const FunctionScope &Scope) {
  for (const Stmt *Parent = Scope.parentOf(Site); Parent;
       Parent = Scope.parentOf(Parent))
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(Parent))
      if (Range->getLoopVariable() == Var)
        return Range->getRangeInit();
  return nullptr;
}

namespace {
struct Where {
  const Stmt *Site;
  const FunctionScope &Scope;
  ASTContext &Ctx;
};
} // namespace

static std::optional<Lifetime> classifyDecl(const ValueDecl *D, Where W,
                                            unsigned Depth);

static std::optional<Lifetime> classifyExpr(const Expr *E, Where W,
                                            unsigned Depth) {
  if (!E || Depth > 8)
    return std::nullopt;
  E = containerObject(E);

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return classifyDecl(DRE->getDecl(), W, Depth);

  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *Member = ME->getMemberDecl();
    if (const auto *Var = dyn_cast<VarDecl>(Member))
      return classifyDecl(Var, W, Depth); // Static data member.
    const auto *Field = dyn_cast<FieldDecl>(Member);
    if (!Field)
      return std::nullopt;
    Lifetime L;
    L.Kind = LifetimeKind::Member;
    L.Decl = Field;
    L.Owner = dyn_cast<CXXRecordDecl>(Field->getParent());
    L.ThroughAlias = Field->getType()->isReferenceType();
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (isThis(Base))
      return L;
    if (ME->isArrow() || Base->getType()->isPointerType()) {
      // A member of an object reached through a pointer lives elsewhere.
      L.ThroughAlias = true;
      return L;
    }
    // A member of a named object lives as long as that object.
    std::optional<Lifetime> BaseLifetime = classifyExpr(Base, W, Depth + 1);
    if (!BaseLifetime)
      return std::nullopt;
    // A member of an object the caller owns is a member like any other.
    if (BaseLifetime->Kind != LifetimeKind::Member &&
        BaseLifetime->Kind != LifetimeKind::CallerOwned)
      L.Kind = BaseLifetime->Kind;
    L.ThroughAlias |= BaseLifetime->ThroughAlias;
    return L;
  }

  // An element of a long-lived array or container is long-lived too.
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    std::optional<Lifetime> L = classifyExpr(ASE->getBase(), W, Depth + 1);
    if (L)
      L->ThroughAlias = true;
    return L;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
      std::optional<Lifetime> L = classifyExpr(Op->getArg(0), W, Depth + 1);
      if (L)
        L->ThroughAlias = true;
      return L;
    }
  }
  return std::nullopt;
}

static std::optional<Lifetime> classifyDecl(const ValueDecl *D, Where W,
                                            unsigned Depth) {
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  if (!Var || Var->isInvalidDecl())
    return std::nullopt;
  Lifetime L;
  L.Decl = Var;
  L.ThroughAlias = Var->getType()->isReferenceType();
  if (Var->getTLSKind() != VarDecl::TLS_None) {
    L.Kind = LifetimeKind::ThreadLocal;
    return L;
  }
  if (Var->isStaticDataMember()) {
    L.Kind = LifetimeKind::StaticMember;
    L.Owner = dyn_cast<CXXRecordDecl>(Var->getDeclContext());
    return L;
  }
  if (Var->isStaticLocal()) {
    L.Kind = LifetimeKind::FunctionStatic;
    return L;
  }
  if (Var->hasGlobalStorage()) {
    L.Kind = LifetimeKind::Global;
    return L;
  }
  if (const auto *Parm = dyn_cast<ParmVarDecl>(Var)) {
    QualType T = Parm->getType();
    if (T->isReferenceType() || T->isPointerType()) {
      L.Kind = LifetimeKind::CallerOwned;
      L.ThroughAlias = true;
      return L;
    }
  } else if (Var->getType()->isReferenceType() ||
             Var->getType()->isPointerType()) {
    // A local alias: the container is whatever it was bound to. A range-for
    // variable aliases an element of the range.
    const Expr *Target = Var->getInit();
    if (Var->isCXXForRangeDecl())
      Target = rangeOfLoopVariable(Var, W.Site, W.Scope);
    if (!Target)
      return std::nullopt;
    Target = Target->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Target))
      if (UO->getOpcode() == UO_AddrOf)
        Target = UO->getSubExpr();
    std::optional<Lifetime> Aliased = classifyExpr(Target, W, Depth + 1);
    if (Aliased)
      Aliased->ThroughAlias = true;
    return Aliased;
  }
  // A plain local: long-lived only when it survives the loop emptying it.
  if (!Var->hasLocalStorage())
    return std::nullopt;
  llvm::SmallVector<const Stmt *, 2> Loops =
      loopsCarrying(Var, W.Site, W.Scope, W.Ctx.getSourceManager());
  if (Loops.empty())
    return std::nullopt;
  L.Kind = LifetimeKind::LoopCarriedLocal;
  L.AcrossOpenEndedLoop = llvm::any_of(Loops, isOpenEndedLoop);
  return L;
}

/// True when \p E is a member of the object under construction or
/// destruction: it is fresh, or about to die with its owner.
static bool isMemberOfObjectInSetupOrTeardown(const Expr *E, const Stmt *Site,
                                              const FunctionScope &Scope) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(containerObject(E));
  if (!ME || !isThis(ME->getBase()))
    return false;
  return isa<CXXDestructorDecl, CXXConstructorDecl>(Scope.functionOf(Site));
}

std::optional<Lifetime> classifyLifetime(const Expr *ContainerExpr,
                                         const Stmt *Site,
                                         const FunctionScope &Scope,
                                         ASTContext &Ctx) {
  if (isMemberOfObjectInSetupOrTeardown(ContainerExpr, Site, Scope))
    return std::nullopt;
  return classifyExpr(ContainerExpr, Where{Site, Scope, Ctx}, 0);
}

} // namespace clang::tidy::highwater
